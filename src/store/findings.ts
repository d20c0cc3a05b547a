import { TABLES_FILE_MIN } from '../audit/records.js';
import type { SqlClient } from './ports.js';
import { storable } from './sql-record-store.js';

/**
 * Audit findings stored with their document (issue 13), in the `findings` column of `documents`
 * (src/store/schema.sql.ts) as `{ rulesVersion, findings }`: the version of the rulebook that made them, so that
 * `budgetdoc audit --stored` re-computes them when the rules change. Writing replaces what was there, so a retried
 * job leaves one set, never two.
 */
export interface StoredFindings<F = unknown> {
  rulesVersion: string;
  findings: F[];
}

/** Which stored documents to audit; every field narrows (AND). */
export interface FindingsFilter {
  /** Prefix of the document's sha256. */
  documentPrefix?: string;
  year?: number;
  /** 'final' | 'budget' | 'perf_target' | 'perf_selfeval'. */
  kind?: string;
  /** Substring of the department as printed. */
  department?: string;
  /** Substring of the region's full name. */
  region?: string;
}

export interface FindingsDocument<F = unknown> {
  id: string;
  fileName: string | null;
  status: string;
  departmentId: string | null;
  year: number | null;
  kind: string | null;
  stored: StoredFindings<F> | null;
}

const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'string' ? storable(x) : x));

function parse<F>(v: unknown): StoredFindings<F> | null {
  const o = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  if (!o || typeof o !== 'object' || Array.isArray(o)) return null;
  const s = o as Partial<StoredFindings<F>>;
  return typeof s.rulesVersion === 'string' && Array.isArray(s.findings)
    ? { rulesVersion: s.rulesVersion, findings: s.findings }
    : null;
}

export async function saveFindings<F>(
  sql: Pick<SqlClient, 'query'>,
  id: string,
  stored: StoredFindings<F>,
): Promise<void> {
  await sql.query(`update documents set findings = $2::jsonb where id = $1`, [id, json(stored)]);
}

export async function loadFindings<F>(sql: Pick<SqlClient, 'query'>, id: string): Promise<StoredFindings<F> | null> {
  const { rows } = await sql.query<{ findings: unknown }>(`select findings from documents where id = $1`, [id]);
  return rows[0] ? parse<F>(rows[0].findings) : null;
}

interface Row {
  id: string;
  file_name: string | null;
  status: string;
  department_id: string | null;
  year: number | null;
  kind: string | null;
  findings: unknown;
}

const toDocument = <F>(r: Row): FindingsDocument<F> => ({
  id: r.id,
  fileName: r.file_name,
  status: r.status,
  departmentId: r.department_id,
  year: r.year === null ? null : Number(r.year),
  kind: r.kind,
  stored: parse<F>(r.findings),
});

const COLUMNS = 'd.id, d.file_name, d.status, d.department_id, d.year, d.kind, d.findings';

/** The stored documents a filter selects, pending ones left out, in the order they were first seen. */
export async function findingsDocuments<F>(
  sql: Pick<SqlClient, 'query'>,
  filter: FindingsFilter = {},
): Promise<Array<FindingsDocument<F>>> {
  const where = [`d.status <> 'pending'`];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (filter.documentPrefix) where.push(`d.id like ${p(`${filter.documentPrefix.toLowerCase()}%`)}`);
  if (filter.year !== undefined) where.push(`d.year = ${p(filter.year)}`);
  if (filter.kind) where.push(`d.kind = ${p(filter.kind)}`);
  if (filter.department) where.push(`strpos(coalesce(d.department, ''), ${p(filter.department)}) > 0`);
  if (filter.region) where.push(`strpos(coalesce(d.region, ''), ${p(filter.region)}) > 0`);
  const { rows } = await sql.query<Row>(
    `select ${COLUMNS} from documents d where ${where.join(' and ')} order by d.first_seen_at, d.id`,
    params,
  );
  return rows.map(toDocument<F>);
}

/**
 * The other stored documents of the same department, year and kind (a narrative file and its tables file, docs/
 * domain.md §5 cross-document); none for a document whose department or year is unknown. `which` keeps only the
 * tables files or only the narrative-only ones, counted here so that neither side loads its peers' records to know.
 */
export async function peerDocuments<F>(
  sql: Pick<SqlClient, 'query'>,
  id: string,
  which: 'all' | 'tables' | 'narrative-only' = 'all',
): Promise<Array<FindingsDocument<F>>> {
  // isAmountTable of src/audit/records.ts, in SQL.
  const amountTables = `(select count(*) from records r where r.document_id = d.id
      and r.table_type ~ '^(final|budget).' and r.table_type not like '%.empty_index')`;
  const side =
    which === 'tables'
      ? ` and ${amountTables} >= ${TABLES_FILE_MIN}`
      : which === 'narrative-only'
        ? ` and ${amountTables} < ${TABLES_FILE_MIN}`
        : '';
  const { rows } = await sql.query<Row>(
    `select ${COLUMNS} from documents d join documents me on me.id = $1
      where d.id <> me.id and d.status <> 'pending' and me.department_id is not null and me.year is not null
        and d.department_id = me.department_id and d.year = me.year and d.kind is not distinct from me.kind${side}
      order by d.first_seen_at, d.id`,
    [id],
  );
  return rows.map(toDocument<F>);
}
