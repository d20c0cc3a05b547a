import type { Check } from '../../schemas/common.js';

/** docs/domain.md §2: "因四舍五入可能存在尾差": a printed sum may be off by one unit of the last printed digit per addend. */
export const TAIL_TOLERANCE_PER_ADDEND = 0.01;

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * A number taken from a record, with where it sits: `holder[key]` is the value, so the check that reads it can
 * say which values it covers (docs/architecture.md, Trust). Plain numbers stay valid operands; they cover nothing.
 */
export interface ValueRef {
  value: number | null | undefined;
  holder: object;
  key: string;
}
/** Several printed values that count as one operand (two 合计 lines of one table, read together). */
export interface SumRef {
  value: number | null | undefined;
  refs: ValueRef[];
}
export type Operand = number | null | undefined | ValueRef | SumRef;

/** The sum of several operands as one: blank when all are blank. */
export function sumOf(operands: Operand[]): Operand {
  const values = operands.map(operandValue);
  if (values.every((v) => v === null || v === undefined)) return values.includes(null) ? null : undefined;
  const refs = operands.flatMap((o) => (o !== null && typeof o === 'object' ? ('refs' in o ? o.refs : [o]) : []));
  return { value: round(values.reduce<number>((s, v) => s + (v ?? 0), 0)), refs };
}

/** `holder[key]` as an operand: `ref(row.values, 'total')`, `ref(record.budget.total, 'value')`. */
export function ref(holder: object | null | undefined, key: string): Operand {
  if (!holder) return undefined;
  const value = (holder as Record<string, unknown>)[key];
  return { value: typeof value === 'number' ? value : value === null ? null : undefined, holder, key };
}

/** A line's value under `key` as an operand (`cellRef(row, 'total')`); undefined when the line has no such column. */
export const cellRef = (row: { values: Record<string, number | null> } | undefined, key: string): Operand =>
  row && key in row.values ? ref(row.values, key) : undefined;

export const operandValue = (o: Operand): number | null | undefined =>
  o !== null && typeof o === 'object' ? o.value : o;

/**
 * What a check read, kept off the serialised check (non-enumerable) until `resolveCovers` turns it into value
 * paths, and how many addends its tolerance was scaled by, for `rescaleTolerance`.
 */
export interface CheckInputs {
  refs: ValueRef[];
  addends: number;
}
const INPUTS = Symbol('check inputs');

export function inputsOf(check: Check): CheckInputs | undefined {
  return (check as unknown as Record<symbol, CheckInputs | undefined>)[INPUTS];
}

/**
 * Records what a hand-built check read (`addends` 0: its tolerance is its own, never rescaled to printed precision).
 */
export function withInputs(check: Check, operands: Operand[], addends: number): Check {
  const refs = operands.flatMap((o) => (o !== null && typeof o === 'object' ? ('refs' in o ? o.refs : [o]) : []));
  Object.defineProperty(check, INPUTS, { value: { refs, addends } satisfies CheckInputs, enumerable: false });
  return check;
}

function finish(check: Check): Check {
  const diff = Math.abs((check.expected ?? 0) - (check.actual ?? 0));
  if (check.ok && diff > 1e-9) check.rounding = true;
  else delete check.rounding;
  return check;
}

/**
 * total = Σ addends, within the printed 尾差 tolerance. Blank addends count as 0 (a blank
 * cell prints nothing); a blank total cannot be checked and yields no check (undefined).
 */
export function sumCheck(rule: string, total: Operand, addends: Operand[], description: string): Check | undefined {
  const t = operandValue(total);
  if (t === null || t === undefined) return undefined;
  const values = addends.map(operandValue);
  if (values.every((a) => a === null || a === undefined)) return undefined;
  const actual = round(values.reduce<number>((s, a) => s + (a ?? 0), 0));
  const n = Math.max(1, addends.length);
  const tolerance = round(TAIL_TOLERANCE_PER_ADDEND * n);
  const check = { rule, expected: t, actual, ok: Math.abs(actual - t) <= tolerance + 1e-9, tolerance, description };
  return finish(withInputs(check, [total, ...addends], n));
}

/** a = b within a fixed tolerance (cross-table equalities, ratios). */
export function equalCheck(
  rule: string,
  expected: Operand,
  actual: Operand,
  tolerance: number,
  description: string,
): Check | undefined {
  const e = operandValue(expected);
  const a = operandValue(actual);
  if (e === null || e === undefined || a === null || a === undefined) return undefined;
  const check = { rule, expected: e, actual: a, ok: Math.abs(e - a) <= tolerance + 1e-9, tolerance, description };
  // Only a tolerance of 尾差 is rescaled by printed precision; 0 (points) and rate tolerances stay as set.
  return finish(withInputs(check, [expected, actual], tolerance === TAIL_TOLERANCE_PER_ADDEND ? 1 : 0));
}

/** `actual ≤ limit` (sign 1) or `actual ≥ limit` (sign -1): no tolerance. */
function boundCheck(
  sign: 1 | -1,
  rule: string,
  limit: Operand,
  actual: Operand,
  description: string,
): Check | undefined {
  const l = operandValue(limit);
  const a = operandValue(actual);
  if (l === null || l === undefined || a === null || a === undefined) return undefined;
  return withInputs(
    { rule, expected: l, actual: a, ok: sign * (a - l) <= 1e-9, tolerance: 0, description },
    [limit, actual],
    0,
  );
}

export const atMostCheck = (rule: string, limit: Operand, actual: Operand, description: string) =>
  boundCheck(1, rule, limit, actual, description);
export const atLeastCheck = (rule: string, floor: Operand, actual: Operand, description: string) =>
  boundCheck(-1, rule, floor, actual, description);

/**
 * docs/domain.md §2: 尾差 is one unit of the last printed digit per addend: 0.01 for a table printed with 2 decimals,
 * 1 for one printed in whole 元. `unit` is that step; checks whose tolerance is not 尾差 are left alone.
 */
export function rescaleTolerance(check: Check, unit: number): Check {
  const inputs = inputsOf(check);
  if (!inputs || inputs.addends === 0 || unit === TAIL_TOLERANCE_PER_ADDEND) return check;
  check.tolerance = round(unit * inputs.addends);
  check.ok = Math.abs((check.actual ?? 0) - (check.expected ?? 0)) <= check.tolerance + 1e-9;
  return finish(check);
}

/** Drops the checks that could not be evaluated. */
export function defined(checks: Array<Check | undefined>): Check[] {
  return checks.filter((c): c is Check => c !== undefined);
}
