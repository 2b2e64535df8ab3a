/**
 * A reason why something cannot happen, in both languages of the system (Vietnamese first, English
 * second): the server answers in the request's language. Plain strings are accepted where older code
 * still produces them (Vietnamese only; the English text then repeats it).
 */

export interface Problem {
  readonly vi: string;
  readonly en: string;
}

export function problem(vi: string, en: string): Problem {
  return { vi, en };
}

export type ProblemLike = Problem | string;

export function problemVi(p: ProblemLike): string {
  return typeof p === 'string' ? p : p.vi;
}

export function problemEn(p: ProblemLike): string {
  return typeof p === 'string' ? p : p.en;
}

/** Items named in a problem: the first `max` joined with ", ", then "… (n more)". */
export function listSample(items: readonly string[], max = 20): Problem {
  const shown = items.slice(0, max).join(', ');
  const more = items.length - max;
  return more > 0 ? problem(`${shown} và ${more} hộ khác`, `${shown} and ${more} more`) : problem(shown, shown);
}
