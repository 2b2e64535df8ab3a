/** Shapes an MPI result into the command's JSON output. */
import type { MpiMeasures, MpiResult } from '../domain/mpi/index.ts';

interface CompactIndicator {
  uncensored: number;
  censored: number;
  contribution: number;
}

interface CompactMeasures {
  H: number;
  A: number;
  M0: number;
  indicators: Record<string, CompactIndicator>;
}

function compact(m: MpiMeasures): CompactMeasures {
  return {
    H: m.H,
    A: m.A,
    M0: m.M0,
    indicators: Object.fromEntries(Object.entries(m.indicators).map(([name, i]): [string, CompactIndicator] => [
      name, { uncensored: i.uncensored, censored: i.censored, contribution: i.contribution },
    ])),
  };
}

/**
 * Default output: {"H","A","M0","indicators":{name:{uncensored,censored,contribution}},"subgroups":{value:{H,A,M0,indicators}}}
 * where contribution is the share of M0 (0–1). With `details`, the full MpiResult.
 */
export function mpiOutput(result: MpiResult, details: boolean): unknown {
  if (details) return result;
  return {
    ...compact(result),
    subgroups: Object.fromEntries(Object.entries(result.subgroups).map(([g, m]): [string, CompactMeasures] => [g, compact(m)])),
  };
}
