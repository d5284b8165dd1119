/**
 * Brazil's area codes (DDD) by state, from Anatel's numbering plan (see ../shared/data/palmas/ddd-uf.csv). A mobile
 * number keeps its DDD when its owner moves, so this is where the line was registered, which is what "mensagens de
 * Goiás, Minas Gerais e São Paulo" means. DDD 61 is counted as DF although it also covers Goiás towns around Brasília.
 */
const DDD_BY_STATE: Readonly<Record<string, readonly number[]>> = {
  AC: [68],
  AL: [82],
  AM: [92, 97],
  AP: [96],
  BA: [71, 73, 74, 75, 77],
  CE: [85, 88],
  DF: [61],
  ES: [27, 28],
  GO: [62, 64],
  MA: [98, 99],
  MG: [31, 32, 33, 34, 35, 37, 38],
  MS: [67],
  MT: [65, 66],
  PA: [91, 93, 94],
  PB: [83],
  PE: [81, 87],
  PI: [86, 89],
  PR: [41, 42, 43, 44, 45, 46],
  RJ: [21, 22, 24],
  RN: [84],
  RO: [69],
  RR: [95],
  RS: [51, 53, 54, 55],
  SC: [47, 48, 49],
  SE: [79],
  SP: [11, 12, 13, 14, 15, 16, 17, 18, 19],
  TO: [63],
};

const STATE_BY_DDD: ReadonlyMap<number, string> = new Map(Object.entries(DDD_BY_STATE).flatMap(([uf, ddds]) => ddds.map((ddd): [number, string] => [ddd, uf])));

/** The state (UF) of a Brazilian area code, or undefined for a code not in the plan. */
export const stateOfAreaCode = (ddd: number): string | undefined => STATE_BY_DDD.get(ddd);

/** Every state with its area codes. */
export const BRAZILIAN_STATES: readonly string[] = Object.keys(DDD_BY_STATE);
