import type { Check, ValueState, Verification } from '../../schemas/common.js';
import { inputsOf } from './sum-check.js';

/**
 * Per-value trust (docs/architecture.md, Trust): every number of a record is verified, contradicted or unchecked,
 * from the checks that cover it. Checks name what they read as value paths (`covers`), resolved here from the
 * operands they were given (src/validate/sum-check.ts `ref`).
 */

/** Keys that hold no printed content: provenance, the checks (a check's actual is a computed sum), bookkeeping. */
export const NOT_PRINTED = new Set([
  'provenance',
  'cells',
  'metaProvenance',
  'checks',
  'issues',
  'versions',
  'source',
  'verification',
]);

/** Keys whose numbers are bookkeeping, not printed amounts or points: they are never counted. */
const NOT_VALUES = new Set([
  ...NOT_PRINTED,
  'printedDecimals',
  'region',
  'year',
  'level',
  'month',
  'tableId',
  'entries',
]);

/** An indicator's target (`≥90%`) is a printed goal, not an amount an identity could cover. */
const isOperatorValue = (o: Record<string, unknown>) => 'operator' in o && 'text' in o;

function walk(node: unknown, path: string, visit: (path: string, value: unknown, holder: object | null) => void): void {
  if (node === null || typeof node !== 'object') return;
  visit(path, node, null);
  if (!Array.isArray(node) && isOperatorValue(node as Record<string, unknown>)) return;
  for (const [key, child] of Object.entries(node)) {
    if (NOT_VALUES.has(key)) continue;
    const at = path ? `${path}.${key}` : key;
    if (typeof child === 'number') visit(at, child, node);
    else walk(child, at, visit);
  }
}

/** Every printed number of a record, by path. */
export function recordValues(record: object): Map<string, number> {
  const out = new Map<string, number>();
  walk(record, '', (path, value, holder) => {
    if (holder && typeof value === 'number') out.set(path, value);
  });
  return out;
}

function objectPaths(record: object, prefix: string, into: Map<object, string>): void {
  walk(record, '', (path, value, holder) => {
    if (!holder && typeof value === 'object' && value !== null && !into.has(value)) into.set(value, prefix + path);
  });
}

/**
 * Turns the operands each check read into `covers` paths. `roots` are the records the checks may read, with
 * the prefix their paths get: '' inside one record, `<tableId>:` for document-level checks.
 */
export function resolveCovers(checks: Check[], roots: Array<{ record: object; prefix: string }>): void {
  const paths = new Map<object, string>();
  for (const { record, prefix } of roots) objectPaths(record, prefix, paths);
  for (const check of checks) {
    const inputs = inputsOf(check);
    if (!inputs || inputs.refs.length === 0) continue;
    const covers = new Set(check.covers ?? []);
    for (const r of inputs.refs) {
      const at = paths.get(r.holder);
      if (at === undefined || r.value === null || r.value === undefined) continue;
      covers.add(at.endsWith(':') ? `${at}${r.key}` : at ? `${at}.${r.key}` : r.key);
    }
    if (covers.size > 0) check.covers = [...covers];
  }
}

/** A record's numbers against its own checks and the document checks that cover it (`<tableId>:` paths). */
export function verifyRecord(
  record: { checks: Check[]; tableId?: unknown },
  documentChecks: Check[] = [],
): Verification {
  const states: Record<string, ValueState> = {};
  for (const path of recordValues(record).keys()) states[path] = 'unchecked';
  const mark = (path: string, ok: boolean) => {
    if (!(path in states)) return;
    if (!ok) states[path] = 'contradicted';
    else if (states[path] === 'unchecked') states[path] = 'verified';
  };
  for (const c of record.checks) for (const p of c.covers ?? []) mark(p, c.ok);
  const prefix = typeof record.tableId === 'string' ? `${record.tableId}:` : undefined;
  if (prefix)
    for (const c of documentChecks)
      for (const p of c.covers ?? []) if (p.startsWith(prefix)) mark(p.slice(prefix.length), c.ok);
  return { ...count(Object.values(states)), states };
}

function count(states: ValueState[]): Verification {
  const verified = states.filter((s) => s === 'verified').length;
  const contradicted = states.filter((s) => s === 'contradicted').length;
  const total = states.length;
  return {
    verified,
    contradicted,
    unchecked: total - verified - contradicted,
    total,
    share: total ? round4(verified / total) : null,
  };
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Document totals: the sum over its records. */
export function documentVerification(records: Array<{ verification?: Verification }>): Verification {
  const v = { verified: 0, contradicted: 0, unchecked: 0, total: 0 };
  for (const r of records) {
    if (!r.verification) continue;
    v.verified += r.verification.verified;
    v.contradicted += r.verification.contradicted;
    v.unchecked += r.verification.unchecked;
    v.total += r.verification.total;
  }
  return { ...v, share: v.total ? round4(v.verified / v.total) : null };
}
