/**
 * `@hubspot/api-client` types its request models with TypeScript enums it does not export
 * (`operator: FilterOperatorEnum`, `filterBranchType: PublicOrFilterBranchFilterBranchTypeEnum`), each member
 * being HubSpot's own string. `ApiWire<Model>` is the model with every enum as the strings it stands for: what
 * the contract builds, checked field by field against the client's spec.
 */
export type ApiWire<Model> = Model extends string
  ? `${Model}`
  : Model extends readonly (infer Item)[]
    ? ApiWire<Item>[]
    : Model extends object
      ? { [Key in keyof Model]: ApiWire<Model[Key]> }
      : Model;

/**
 * The one place a checked wire value becomes the client's model type, at each call into the client: the
 * strings are the enums' values, so nothing changes at run time. Name the model: `toApiModel<ApiX>(body)`.
 */
export const toApiModel = <Model>(value: ApiWire<Model>): Model => value as Model;
