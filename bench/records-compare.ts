/**
 * Compares recognised records with record snapshots (test/snapshots/records/<sample>.expected.json):
 * an expected record lists the fields that must match; the output may carry more. Rows are paired
 * by (code, name, side) so one missing line costs its own fields only; other arrays pair by index.
 * Used by the snapshot tests (test/golden/*-records.test.ts), for the 决算/预算 and the 绩效 records alike;
 * `npm run eval` scores against test/ground-truth/ instead (bench/eval/).
 */

export interface FieldTally {
  matched: number;
  total: number;
  /** 'rows[2010101 行政运行].values.total: expected 1511.89, got 1511.9' */
  mismatches: string[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function leafCount(v: Json): number {
  if (Array.isArray(v)) return v.reduce<number>((s, x) => s + leafCount(x), 0) || 1;
  if (isObj(v)) return Object.values(v).reduce<number>((s, x) => s + leafCount(x), 0) || 1;
  return 1;
}

function rowKey(row: Json): string {
  if (!isObj(row)) return JSON.stringify(row);
  return [row.side ?? '', row.code ?? '', row.name ?? ''].join('|');
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function walk(expected: Json, actual: unknown, path: string, t: FieldTally): void {
  if (Array.isArray(expected)) {
    const act = Array.isArray(actual) ? (actual as Json[]) : [];
    t.total++;
    if (act.length === expected.length) t.matched++;
    else
      t.mismatches.push(
        `${path}.length: expected ${expected.length}, got ${Array.isArray(actual) ? act.length : show(actual)}`,
      );
    if (path.endsWith('rows')) {
      walkRows(expected, act, path, t);
      return;
    }
    expected.forEach((e, i) => walk(e, act[i], `${path}[${i}]`, t));
    return;
  }
  if (isObj(expected)) {
    if (!isObj(actual)) {
      t.total += leafCount(expected);
      t.mismatches.push(`${path}: expected an object, got ${show(actual)}`);
      return;
    }
    for (const [k, v] of Object.entries(expected)) walk(v, actual[k], path ? `${path}.${k}` : k, t);
    return;
  }
  t.total++;
  if (expected === actual) t.matched++;
  else t.mismatches.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
}

function walkRows(expected: Json[], actual: Json[], path: string, t: FieldTally): void {
  const pool = new Map<string, Json[]>();
  for (const r of actual) pool.set(rowKey(r), [...(pool.get(rowKey(r)) ?? []), r]);
  for (const e of expected) {
    const key = rowKey(e);
    const match = pool.get(key)?.shift();
    const label = `${path}[${key.replace(/^\|/, '').replace(/\|/g, ' ').trim()}]`;
    if (match === undefined) {
      t.total += leafCount(e);
      t.mismatches.push(`${label}: missing`);
    } else walk(e, match, label, t);
  }
}

/**
 * `failedChecks` in an expected record lists the rules that must fail (a printed total that does
 * not add up), compared with the rules of the record's failing checks.
 */
function projected(expected: Json, actual: unknown): unknown {
  if (!isObj(expected) || !isObj(actual) || !('failedChecks' in expected)) return actual;
  const checks = Array.isArray(actual.checks) ? (actual.checks as Array<{ rule: string; ok: boolean }>) : [];
  return { ...actual, failedChecks: [...new Set(checks.filter((c) => !c.ok).map((c) => c.rule))] };
}

export function compareRecord(expected: Json, actual: unknown): FieldTally {
  const t: FieldTally = { matched: 0, total: 0, mismatches: [] };
  walk(expected, projected(expected, actual), '', t);
  return t;
}

export interface RecordLike {
  tableType: string;
  title?: string;
  provenance?: { page?: number };
  checks?: Array<{ rule: string; ok: boolean }>;
  [k: string]: unknown;
}

const norm = (s: unknown) => String(s ?? '').replace(/\s+/g, '');

/**
 * Pairs expected with actual records: same title and page first (a table's identity in print,
 * whatever type the recogniser gave it), then same page, in document order.
 */
export function pairRecords(expected: RecordLike[], actual: RecordLike[]): Array<[RecordLike, RecordLike | undefined]> {
  const used = new Set<RecordLike>();
  const page = (r: RecordLike) => r.provenance?.page;
  const pick = (_e: RecordLike, test: (a: RecordLike) => boolean) => actual.find((a) => !used.has(a) && test(a));
  return expected.map((e) => {
    const samePage = (a: RecordLike) => page(e) === undefined || page(a) === page(e);
    const a =
      pick(e, (x) => samePage(x) && norm(x.title) === norm(e.title)) ??
      pick(e, (x) => page(e) !== undefined && samePage(x) && x.tableType === e.tableType);
    if (a) used.add(a);
    return [e, a];
  });
}
