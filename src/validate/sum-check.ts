import type { Check } from '../../schemas/common.js';

/** domain.md §2: "因四舍五入可能存在尾差": a printed sum may be off by 0.01 per addend. */
export const TAIL_TOLERANCE_PER_ADDEND = 0.01;

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * total = Σ addends, within the printed 尾差 tolerance. Blank addends count as 0 (a blank
 * cell prints nothing); a blank total cannot be checked and yields no check (undefined).
 */
export function sumCheck(
  rule: string,
  total: number | null | undefined,
  addends: Array<number | null | undefined>,
  description: string,
): Check | undefined {
  if (total === null || total === undefined) return undefined;
  if (addends.every((a) => a === null || a === undefined)) return undefined;
  const actual = round(addends.reduce<number>((s, a) => s + (a ?? 0), 0));
  const tolerance = round(TAIL_TOLERANCE_PER_ADDEND * Math.max(1, addends.length));
  return { rule, expected: total, actual, ok: Math.abs(actual - total) <= tolerance + 1e-9, tolerance, description };
}

/** a = b within a fixed tolerance (cross-table equalities, ratios). */
export function equalCheck(rule: string, expected: number | null | undefined, actual: number | null | undefined, tolerance: number, description: string): Check | undefined {
  if (expected === null || expected === undefined || actual === null || actual === undefined) return undefined;
  return { rule, expected, actual, ok: Math.abs(expected - actual) <= tolerance + 1e-9, tolerance, description };
}

/** Drops the checks that could not be evaluated. */
export function defined(checks: Array<Check | undefined>): Check[] {
  return checks.filter((c): c is Check => c !== undefined);
}
