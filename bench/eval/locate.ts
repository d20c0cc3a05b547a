import { bareLabel, normText } from './normalise.js';
import type { EvalRecord, EvalRow, GtValue } from './types.js';

/**
 * Finds where a ground-truth value lives in the records: the record of its table type on its page (the record's
 * own page or a page its rows / indicators span), then the row (by code and/or label; side for summary tables),
 * the form field or the indicator, and the value under the GT `key`.
 */

export interface Location {
  record: EvalRecord;
  /** Path inside the record, as verification.states names it. */
  path: string;
  /** undefined: the row or form is there but holds nothing under this key. */
  got: unknown;
  /** Page of the row or indicator the value sits in. */
  page?: number;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function pagesOf(r: EvalRecord): Set<number> {
  const pages = new Set<number>();
  if (r.provenance?.page) pages.add(r.provenance.page);
  for (const row of r.rows ?? []) if (row.provenance?.page) pages.add(row.provenance.page);
  for (const ind of r.indicators ?? []) {
    const p = (ind.provenance as { page?: number } | undefined)?.page;
    if (p) pages.add(p);
  }
  return pages;
}

/** 2: the form's 项目名称 / title equals `form`; 1: one contains the other; 0: neither. */
export function formScore(r: EvalRecord, form: string): number {
  const want = normText(form);
  const names = [
    r.title,
    ...Object.values(r).map((v) => (isObj(v) && typeof v.value === 'string' ? v.value : undefined)),
  ]
    .map((s) => normText(s))
    .filter((s) => s.length > 0);
  if (names.includes(want)) return 2;
  return names.some((s) => (s.length >= 2 && want.includes(s)) || s.includes(want)) ? 1 : 0;
}

/** The records a value may belong to, or why there is none. */
export function candidateRecords(
  gt: Pick<GtValue, 'page' | 'tableType' | 'scope' | 'form'>,
  records: EvalRecord[],
): { records: EvalRecord[]; reason?: string } {
  const sameType = records.filter((r) => r.tableType === gt.tableType);
  let pool = sameType.filter((r) => pagesOf(r).has(gt.page));
  if (pool.length === 0) {
    const elsewhere = [...new Set(sameType.flatMap((r) => [...pagesOf(r)]))].sort((a, b) => a - b);
    return {
      records: [],
      reason: `no ${gt.tableType} record on p.${gt.page}${elsewhere.length ? ` (only on p.${elsewhere.join(',')})` : ''}`,
    };
  }
  if (gt.scope && pool.some((r) => r.scope === gt.scope)) pool = pool.filter((r) => r.scope === gt.scope);
  if (gt.form) {
    const best = Math.max(...pool.map((r) => formScore(r, gt.form!)));
    if (best === 0) return { records: [], reason: `no ${gt.tableType} form '${gt.form}' on p.${gt.page}` };
    pool = pool.filter((r) => formScore(r, gt.form!) === best);
  }
  return { records: pool };
}

const sideMatches = (want: string, got: string | undefined) =>
  got === want || (want === 'expenditure' && !!got?.startsWith('expenditure'));

function labels(row: EvalRow): string[] {
  return [row.name, ...Object.values(row.notes ?? {})].filter((s): s is string => typeof s === 'string');
}

/** Rows a value may sit in: by code (label to choose among equal codes), else by label, else the table's only line. */
export function candidateRows(rows: EvalRow[], gt: GtValue): Array<[EvalRow, number]> {
  let pool = rows.map((r, i) => [r, i] as [EvalRow, number]);
  if (gt.side) pool = pool.filter(([r]) => sideMatches(gt.side!, r.side));
  // The label as printed; then 'A/B' naming a line by two of its printed labels (专项名称/经济科目, notes kept
  // beside the name); then without enumerators ('一、').
  const parts = normText(gt.row).split('/').filter(Boolean);
  const byLabel = (from: Array<[EvalRow, number]>) => {
    const exact = from.filter(([r]) => labels(r).some((l) => normText(l) === normText(gt.row)));
    if (exact.length) return exact;
    const composite =
      parts.length > 1 ? from.filter(([r]) => parts.every((p) => labels(r).some((l) => normText(l) === p))) : [];
    if (composite.length) return composite;
    return from.filter(([r]) => labels(r).some((l) => bareLabel(l) === bareLabel(gt.row) && bareLabel(l) !== ''));
  };
  if (gt.code) {
    const byCode = pool.filter(([r]) => normText(r.code) === normText(gt.code));
    if (byCode.length) {
      const labelled = gt.row ? byLabel(byCode) : [];
      return labelled.length ? labelled : byCode;
    }
  }
  if (gt.row !== undefined && normText(gt.row) !== '') return byLabel(pool);
  if (gt.code) return [];
  if (pool.length <= 1) return pool;
  // No row label printed: the table's unnamed line, or, where a one-line table is stored as lines 预算数 / 决算数
  // (final.three_public), the line named by a segment of the printed column header ('…/合计/决算数').
  const unnamed = pool.filter(([r]) => normText(r.name) === '');
  if (unnamed.length) return unnamed;
  const segments = new Set(normText(gt.column).split('/'));
  return pool.filter(([r]) => segments.has(normText(r.name)));
}

/** Follows 'budget.total', 'indicators.3.value.text', 'spendingPlan[3月底].percent'; unwraps `{ value, provenance }` fields. */
export function resolvePath(root: unknown, path: string, prefix = ''): { got: unknown; path: string } {
  let cur: unknown = root;
  const at: string[] = prefix ? [prefix] : [];
  for (const seg of path.split('.').filter(Boolean)) {
    const m = /^(.*?)\[(.*)\]$/.exec(seg);
    const name = m ? m[1]! : seg;
    if (name) {
      cur = Array.isArray(cur) && /^\d+$/.test(name) ? cur[Number(name)] : isObj(cur) ? cur[name] : undefined;
      at.push(name);
    }
    if (m && Array.isArray(cur)) {
      const sel = m[2]!;
      const i = /^\d+$/.test(sel)
        ? Number(sel)
        : sel === '' && cur.length === 1
          ? 0
          : cur.findIndex((e) => elementNames(e).includes(normText(sel)));
      cur = i >= 0 ? cur[i] : undefined;
      at.push(String(i));
    }
    if (cur === undefined) return { got: undefined, path: at.join('.') };
  }
  if (isObj(cur)) {
    const key =
      'operator' in cur && 'text' in cur
        ? 'text'
        : 'value' in cur
          ? 'value'
          : 'text' in cur
            ? 'text'
            : 'amount' in cur
              ? 'amount'
              : undefined;
    if (key) return { got: cur[key], path: [...at, key].join('.') };
  }
  return { got: cur, path: at.join('.') };
}

function elementNames(e: unknown): string[] {
  if (!isObj(e)) return [];
  return ['label', 'name', 'title', 'level3']
    .map((k) => (isObj(e[k]) ? (e[k] as { value?: unknown }).value : e[k]))
    .filter((s) => typeof s === 'string')
    .map(normText);
}
