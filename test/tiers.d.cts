/** Types of test/tiers.cjs, which Jest's config loads as plain CommonJS. */
export type Tier = { name: string; fast: boolean; paths: string[]; except?: string[] };
export declare const TIERS: Tier[];
export declare const inTier: (tier: Tier, file: string) => boolean;
