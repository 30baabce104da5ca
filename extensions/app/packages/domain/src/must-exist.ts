/**
 * A value the code knows is there (an index inside its list, a key it has just checked or set) but whose
 * type says "maybe", as every indexed read does. Throws, naming what was expected, if it is missing after all.
 */
export const mustExist = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`Expected ${what}, found none`);
  return value;
};
