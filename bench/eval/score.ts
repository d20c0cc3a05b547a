import { describe } from './match.js';
import { pagesOf } from './locate.js';
import { normText, show } from './normalise.js';
import type { EvalRecord, GtTable, Match, VerificationLike } from './types.js';

/**
 * Tallies of one document: tables typed (GT tables[] against records by page + tableType), the verified share of
 * every record, and the silent errors: records stored `ok` while ground truth says a value is missing or wrong.
 */

export interface TableTyping {
  table: GtTable;
  typed: boolean;
  /** Records on the table's page with a type no GT table of that page has. */
  mistyped: EvalRecord[];
  /** The typed record's title / 单位 as printed (null when the GT table names none or no record was typed). */
  titled: boolean | null;
  unitOk: boolean | null;
  /** The records typed as this table. */
  records: EvalRecord[];
}

/** A title compared as printed, without the year and 公开NN表 labels a record may keep apart. */
const titleKey = (t: unknown) =>
  normText(t)
    .replace(/^\d+[、.]/, '')
    .replace(/^(19|20)\d{2}年度?/, '')
    .replace(/[“”"]/g, '');

export function typeTables(tables: GtTable[], records: EvalRecord[]): TableTyping[] {
  return tables.map((table) => {
    const onPage = records.filter((r) => pagesOf(r).has(table.page));
    const printed = new Set(tables.filter((t) => t.page === table.page).map((t) => t.tableType));
    const same = onPage.filter(
      (r) => r.tableType === table.tableType && (!table.scope || !r.scope || r.scope === table.scope),
    );
    const titled =
      table.title === undefined || same.length === 0
        ? null
        : same.some((r) => titleKey(r.title) === titleKey(table.title));
    // Only a printed 单位 line is compared: a form that names its unit inside a label (项目资金（元）) has none typed.
    const unitOk =
      same.length === 0 || table.unit === undefined ? null : same.some((r) => (r.unit ?? null) === table.unit);
    return {
      table,
      typed: same.length > 0,
      mistyped: onPage.filter((r) => !printed.has(r.tableType)),
      titled,
      unitOk,
      records: same,
    };
  });
}

/** Records typed as a budget or 绩效 table on a page where ground truth prints none (a checklist, a narrative). */
export function typedWithoutTable(tables: GtTable[], records: EvalRecord[]): EvalRecord[] {
  const pages = new Set(tables.map((t) => t.page));
  return records.filter((r) => r.tableType !== 'unknown' && ![...pagesOf(r)].some((p) => pages.has(p)));
}

export interface SilentError {
  document: string;
  tableType: string;
  page?: number;
  title?: string;
  /** 'GT 1,234.56 vs 1234.5' lines. */
  problems: string[];
}

/** Every record (and the document itself) stored `ok` while ground truth disagrees with it. */
export function silentErrors(
  document: string,
  documentStatus: string,
  matches: Match[],
  typing: TableTyping[],
): SilentError[] {
  const byRecord = new Map<EvalRecord | 'document', string[]>();
  const add = (who: EvalRecord | 'document', problem: string) =>
    byRecord.set(who, [...(byRecord.get(who) ?? []), problem]);
  for (const t of typing.filter((x) => !x.typed)) {
    const label = `${t.table.tableType} '${t.table.title ?? ''}' p.${t.table.page}`;
    if (t.mistyped.length) for (const r of t.mistyped) add(r, `typed ${r.tableType}, printed ${label}`);
    else add('document', `table not found: ${label}`);
  }
  for (const m of matches.filter((x) => !x.exact)) {
    const problem = `${describe(m.gt)}: GT ${show(m.gt.value)} vs ${m.found ? show(m.got) : `missing (${m.reason})`}${m.state === 'verified' ? ' [verified]' : ''}`;
    const owner =
      m.record ??
      typing.find((t) => !t.typed && t.table.page === m.gt.page && t.table.tableType === m.gt.tableType)?.mistyped[0];
    add(owner ?? 'document', problem);
  }
  const out: SilentError[] = [];
  for (const [who, problems] of byRecord) {
    if (who === 'document') {
      if (documentStatus === 'ok') out.push({ document, tableType: 'document', problems });
    } else if (who.status === 'ok') {
      out.push({
        document,
        tableType: who.tableType,
        ...(who.provenance?.page ? { page: who.provenance.page } : {}),
        ...(who.title ? { title: who.title } : {}),
        problems,
      });
    }
  }
  return out;
}

export interface VerificationTotals {
  verified: number;
  contradicted: number;
  unchecked: number;
  total: number;
  /** Records that carry no `verification`: their numbers are counted unchecked. */
  withoutVerification: number;
}

export const noVerification = (): VerificationTotals => ({
  verified: 0,
  contradicted: 0,
  unchecked: 0,
  total: 0,
  withoutVerification: 0,
});

/** Numbers in a record without verification: line values and `{ value: number }` fields. */
function countNumbers(r: EvalRecord): number {
  let n = 0;
  for (const row of r.rows ?? []) n += Object.values(row.values ?? {}).filter((v) => typeof v === 'number').length;
  for (const v of Object.values(r)) {
    const fields = v && typeof v === 'object' ? (Array.isArray(v) ? v : [v, ...Object.values(v)]) : [];
    n += fields.filter(
      (f) => f && typeof f === 'object' && typeof (f as { value?: unknown }).value === 'number' && 'provenance' in f,
    ).length;
  }
  return n;
}

export function verificationOf(r: EvalRecord): VerificationTotals {
  const v: VerificationLike | undefined = r.verification;
  if (v)
    return {
      verified: v.verified,
      contradicted: v.contradicted,
      unchecked: v.unchecked,
      total: v.total,
      withoutVerification: 0,
    };
  const n = countNumbers(r);
  return { verified: 0, contradicted: 0, unchecked: n, total: n, withoutVerification: 1 };
}

export function addVerification(into: VerificationTotals, from: VerificationTotals): VerificationTotals {
  for (const k of Object.keys(into) as Array<keyof VerificationTotals>) into[k] += from[k];
  return into;
}

/** Per table type: GT values, found, exact, GT tables, typed correctly, and the verification of its records. */
export interface Tally {
  values: number;
  found: number;
  exact: number;
  tables: number;
  typed: number;
  verification: VerificationTotals;
}

export const blankTally = (): Tally => ({
  values: 0,
  found: 0,
  exact: 0,
  tables: 0,
  typed: 0,
  verification: noVerification(),
});

export function addTally(into: Tally, from: Tally): Tally {
  into.values += from.values;
  into.found += from.found;
  into.exact += from.exact;
  into.tables += from.tables;
  into.typed += from.typed;
  addVerification(into.verification, from.verification);
  return into;
}
