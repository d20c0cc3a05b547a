import { createRequire } from 'node:module';
import { departmentKey } from '../recognise/meta/department-id.js';
import { effectiveDepartmentNameSql, effectiveDepartmentSql } from './departments.js';
import type { SqlClient, StoredStatus } from './ports.js';

/**
 * Document search (issue 14) in SQL on PGlite and PostgreSQL alike. Substring conditions run on the GIN bigram
 * indexes of src/store/schema.sql.ts (pg_trgm does not exist on PGlite) and are confirmed with strpos; the other
 * filters are relational columns filled by src/store/document-facets.ts.
 */
export interface SearchFilters {
  /** Substring of the file name, the printed department or a table title; a hex text also matches an id prefix. */
  text?: string;
  /** A department under any of its spellings (全称, 简称, 办公室/办公厅); see budgetdoc_department_key. */
  department?: string;
  /** A whole region name (上海市普陀区, 普陀区, 上海) or a division code (310107). */
  region?: string;
  years?: number[];
  kinds?: string[];
  /** Table-type prefixes: 'perf.' selects documents holding any 绩效 table. */
  tableTypes?: string[];
  statuses?: StoredStatus[];
  /** Audit rule ids present in the document's findings; an id ending in '.' is a rule family. */
  findings?: string[];
}

export interface SearchPage {
  /** At most this many documents; default 50. */
  limit?: number;
  /** The `next` of the previous page. */
  cursor?: string;
}

export interface DocumentHit {
  id: string;
  fileName: string | null;
  url: string;
  format: string;
  /** The department's name: the one given to it (budgetdoc departments --rename), else the printed one. */
  department: string | null;
  printedDepartment: string | null;
  /** Its effective id: where a merge (src/store/departments.ts) points, else the computed one. */
  departmentId: string | null;
  region: string | null;
  regionId: string | null;
  year: number | null;
  kind: string | null;
  status: StoredStatus;
  tables: number;
  /** Identities that fail beyond 尾差, in the records and across them. */
  failedChecks: number;
  findings: number;
  /** Findings of severity error. */
  findingErrors: number;
  /** Why a failed document failed: its first error issue. */
  reason: string | null;
  updatedAt: string;
}

export interface SearchResult {
  /** Documents matching; counted on the first page only (null on the pages a cursor asks for). */
  total: number | null;
  documents: DocumentHit[];
  /** Cursor of the next page; absent on the last. */
  next?: string;
}

export const KINDS: Record<string, string> = {
  final: 'final',
  决算: 'final',
  budget: 'budget',
  预算: 'budget',
  perf_target: 'perf_target',
  绩效目标: 'perf_target',
  perf_selfeval: 'perf_selfeval',
  绩效自评: 'perf_selfeval',
  unknown: 'unknown',
};
export const STATUSES: StoredStatus[] = ['ok', 'partial', 'failed', 'pending'];

/** `2019..2023`, `2017,2019`, `2017,2019..2021`: the years a --year names, ascending. */
export function parseYears(text: string): number[] {
  const years = new Set<number>();
  for (const part of text.split(/[,，]/).map((p) => p.trim())) {
    const m = /^(\d{4})(?:\s*(?:\.\.|-|–|~)\s*(\d{4}))?$/.exec(part);
    if (!m) throw new Error(`not a year, range or list of years: ${text} (try 2019, 2019..2023 or 2017,2019)`);
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (to < from) throw new Error(`year range runs backwards: ${part}`);
    if (to - from > 100) throw new Error(`year range too wide: ${part}`);
    for (let y = from; y <= to; y++) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/** Document kinds by their schema name or printed word (决算, 预算, 绩效目标, 绩效自评). */
export function parseKinds(values: string[]): string[] {
  return values
    .flatMap((v) => v.split(/[,，]/))
    .map((v) => {
      const kind = KINDS[v.trim()];
      if (!kind) throw new Error(`unknown kind ${v}: one of ${Object.keys(KINDS).join(', ')}`);
      return kind;
    });
}

export function parseStatuses(values: string[]): StoredStatus[] {
  return values
    .flatMap((v) => v.split(','))
    .map((v) => {
      const s = v.trim() as StoredStatus;
      if (!STATUSES.includes(s)) throw new Error(`unknown status ${v}: one of ${STATUSES.join(', ')}`);
      return s;
    });
}

interface Division {
  code: string;
  name: string;
  children?: Division[];
}
let regionNames: Map<string, string[]> | undefined;

/**
 * Division codes a whole region name stands for: the full name (上海市普陀区), any tail of it made of whole parts
 * (普陀区, 咸阳市杨陵区) and the short form of a province or city (上海, 咸阳). 普陀区 is two districts and gives both.
 */
export function regionCodes(name: string): string[] {
  if (/^\d{2,12}$/.test(name)) return [name];
  if (!regionNames) {
    const divisions = createRequire(import.meta.url)('../recognise/meta/divisions.json') as Division[];
    const names = new Map<string, string[]>();
    const add = (n: string, code: string) => names.set(n, [...(names.get(n) ?? []), code]);
    const shortForm = (n: string) => n.replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)$/, '');
    const visit = (d: Division, parts: string[], depth: number) => {
      // 市辖区 and 县 are placeholders of the list, never printed.
      const own = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(d.name) ? [] : [d.name];
      const all = [...parts, ...own];
      for (let i = 0; i < all.length; i++) add(all.slice(i).join(''), d.code);
      if (own.length && depth < 2 && shortForm(d.name).length >= 2) add(shortForm(d.name), d.code);
      for (const c of d.children ?? []) visit(c, all, depth + 1);
    };
    for (const p of divisions) visit(p, [], 0);
    regionNames = names;
  }
  return [...new Set(regionNames.get(name) ?? [])];
}

const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The WHERE clause of a search; `p` binds a parameter. */
export function searchWhere(f: SearchFilters, p: (v: unknown) => string): string[] {
  const where: string[] = [];
  const text = f.text?.trim();
  if (text) {
    const q = p(text);
    const n = [...text].length;
    // Every bigram present is necessary, and for a text of two characters sufficient: no need to read the row then.
    const match = (expr: string) =>
      n < 2
        ? `strpos(lower(${expr}), lower(${q})) > 0`
        : `budgetdoc_grams(${expr}) @> budgetdoc_grams(${q})${n > 2 ? ` and strpos(lower(${expr}), lower(${q})) > 0` : ''}`;
    const docText = `coalesce(file_name, '') || ' ' || coalesce(department, '')`;
    const titles = `select r.document_id from records r where ${match(`r.record->>'title'`)}`;
    const docs = `select id from documents where ${match(docText)}`;
    const ids = /^[0-9a-f]{4,64}$/i.test(text)
      ? ` union select id from documents where id like ${p(likePrefix(text.toLowerCase()))}`
      : '';
    where.push(`d.id in (${docs} union ${titles}${ids})`);
  }
  const department = f.department?.trim();
  if (department) {
    // departmentKey (src/recognise/meta/department-id.ts) is what department_id holds after its region code; the SQL
    // function adds the spellings a person types (办公室 for 办公厅, 简称), applied to both sides alike. The ids it
    // finds, and the names given in department_aliases, stand for their whole merged department (src/store/departments.ts).
    const key = `budgetdoc_department_key(${p(departmentKey(department) || department)})`;
    const col = `budgetdoc_department_key(m.department_id)`;
    const found = `select m.department_id from documents m
                    where budgetdoc_grams(${col}) @> budgetdoc_grams(${key}) and strpos(${col}, ${key}) > 0
                   union select n.department_id from department_aliases n
                    where n.name is not null and strpos(budgetdoc_department_key(n.name), ${key}) > 0`;
    where.push(`d.department_id in (
      with e as (select coalesce(a.canonical_id, h.department_id) as id
                   from (${found}) h left join department_aliases a on a.department_id = h.department_id)
      select id from e union select a.department_id from department_aliases a join e on a.canonical_id = e.id)`);
  }
  const region = f.region?.trim();
  if (region) {
    const whole = [`d.region = ${p(region)}`, `d.region like ${p(likePrefix(region))}`];
    for (const code of regionCodes(region)) whole.push(`d.region_id like ${p(likePrefix(code))}`);
    where.push(`(${whole.join(' or ')})`);
  }
  if (f.years?.length) where.push(`d.year = any(${p(f.years)}::int[])`);
  if (f.kinds?.length) where.push(`d.kind = any(${p(f.kinds)}::text[])`);
  if (f.statuses?.length) where.push(`d.status = any(${p(f.statuses)}::text[])`);
  if (f.tableTypes?.length) {
    const any = f.tableTypes.map((t) => `r.table_type like ${p(likePrefix(t))}`).join(' or ');
    where.push(`exists (select 1 from records r where r.document_id = d.id and (${any}))`);
  }
  if (f.findings?.length) {
    const any = f.findings.map((rule) =>
      rule.endsWith('.')
        ? `exists (select 1 from jsonb_array_elements(${findingsOf('d')}) x where starts_with(x->>'rule', ${p(rule)}))`
        : `d.findings @> ${p(JSON.stringify({ findings: [{ rule }] }))}::jsonb`,
    );
    where.push(`(${any.join(' or ')})`);
  }
  return where;
}

/** Newest year first, then department, documents without one last; the id makes the order total (keyset paging). */
const ORDER_KEYS = ['-coalesce(d.year, 0)', 'd.department is null', "coalesce(d.department, '')", 'd.id'];
const ORDER_KEY = ORDER_KEYS.join(', ');

interface HitRow {
  id: string;
  file_name: string | null;
  url: string;
  format: string;
  department: string | null;
  printed_department: string | null;
  department_id: string | null;
  region: string | null;
  region_id: string | null;
  year: number | null;
  kind: string | null;
  status: StoredStatus;
  k0: number | string;
  k1: boolean;
  k2: string;
  tables: number | string;
  failed_checks: number | string;
  findings: number | string;
  finding_errors: number | string;
  reason: string | null;
  updated_at: Date | string;
}

/** The findings array of the stored `{ rulesVersion, findings }` (src/store/findings.ts); empty before an audit. */
function findingsOf(alias: string): string {
  return `case when jsonb_typeof(${alias}.findings->'findings') = 'array' then ${alias}.findings->'findings' else '[]' end`;
}
const findingsArray = findingsOf('p');

/** Documents matching every filter (AND), a page at a time, with their counts. */
export async function searchDocuments(
  client: Pick<SqlClient, 'query'>,
  filters: SearchFilters,
  page: SearchPage = {},
): Promise<SearchResult> {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where = searchWhere(filters, p);
  const limit = Math.max(1, Math.min(page.limit ?? 50, 10_000));
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  const countSql = `select count(*) as n from documents d ${where.length ? `where ${where.join(' and ')}` : ''}`;
  // Counting every match costs as much as the match itself: once, on the first page (`budgetdoc list` pages 100 times).
  const total = after ? null : Number((await client.query<{ n: number | string }>(countSql, params)).rows[0]?.n ?? 0);
  if (after)
    where.push(`(${ORDER_KEY}) > (${p(after[0])}::int, ${p(after[1])}::boolean, ${p(after[2])}, ${p(after[3])})`);
  const sql = `
    with p as (
      select d.id, d.file_name, d.url, d.format, d.department, d.department_id, d.region, d.region_id, d.year, d.kind,
             d.status, d.checks, d.issues, d.findings, d.updated_at, ${ORDER_KEYS.map((k, i) => `${k} as k${i}`).join(', ')}
        from documents d ${where.length ? `where ${where.join(' and ')}` : ''}
       order by ${ORDER_KEY} limit ${p(limit + 1)})
    select p.id, p.file_name, p.url, p.format, ${effectiveDepartmentNameSql('p')} as department,
           p.department as printed_department, ${effectiveDepartmentSql('p')} as department_id, p.region, p.region_id,
           p.year, p.kind, p.status, p.updated_at, p.k0, p.k1, p.k2,
           (select count(*) from records r where r.document_id = p.id) as tables,
           (select count(*) from records r, jsonb_array_elements(r.record->'checks') c
             where r.document_id = p.id and c->>'ok' = 'false')
           + (select count(*) from jsonb_array_elements(p.checks) c where c->>'ok' = 'false') as failed_checks,
           jsonb_array_length(${findingsArray}) as findings,
           (select count(*) from jsonb_array_elements(${findingsArray}) x where x->>'severity' = 'error') as finding_errors,
           case when p.status = 'failed' then
             (select coalesce(i->>'code', '') || ': ' || coalesce(i->>'message', '')
                from jsonb_array_elements(p.issues) with ordinality as t(i, n)
               where i->>'severity' = 'error' order by n limit 1) end as reason
      from p order by p.k0, p.k1, p.k2, p.k3`;
  const { rows } = await client.query<HitRow>(sql, params);
  const more = rows.length > limit;
  const documents = rows.slice(0, limit).map(hit);
  const last = rows[limit - 1];
  return {
    total,
    documents,
    ...(more && last ? { next: encodeCursor([Number(last.k0), last.k1, last.k2, last.id]) } : {}),
  };
}

function hit(r: HitRow): DocumentHit {
  return {
    id: r.id,
    fileName: r.file_name,
    url: r.url,
    format: r.format,
    department: r.department,
    printedDepartment: r.printed_department,
    departmentId: r.department_id,
    region: r.region,
    regionId: r.region_id,
    year: r.year === null ? null : Number(r.year),
    kind: r.kind,
    status: r.status,
    tables: Number(r.tables),
    failedChecks: Number(r.failed_checks),
    findings: Number(r.findings),
    findingErrors: Number(r.finding_errors),
    reason: r.reason ?? null,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

type CursorKey = [number, boolean, string, string];

function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): CursorKey {
  try {
    const k = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(k) &&
      k.length === 4 &&
      Number.isInteger(k[0]) &&
      typeof k[1] === 'boolean' &&
      typeof k[2] === 'string' &&
      typeof k[3] === 'string'
    )
      return k as CursorKey;
  } catch {
    // falls through to the error below
  }
  throw new Error('not a search cursor');
}
