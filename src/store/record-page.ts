import type { RecordPageQuery } from './ports.js';

/**
 * The statement behind RecordStore.pageRecords: keyset paging on (document_id, seq), which is
 * unique per record (saveRecords numbers a document's records), with the filters pushed into SQL
 * so an export of one family never reads the others. Plain PostgreSQL that PGlite runs as well.
 */
export function pageRecordsSql(q: RecordPageQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  const f = q.filter ?? {};
  if (q.after) where.push(`(r.document_id, r.seq) > (${p(q.after.documentId)}, ${p(q.after.seq)})`);
  if (f.tableTypes?.length)
    where.push(
      `exists (select 1 from unnest(${p(f.tableTypes)}::text[]) t(prefix) where starts_with(r.table_type, t.prefix))`,
    );
  if (f.year !== undefined) where.push(`r.record->>'year' = ${p(String(f.year))}`);
  if (f.region) {
    const text = p(f.region);
    where.push(
      `(${['province', 'city', 'county'].map((k) => `strpos(coalesce(r.record->'region'->>'${k}', ''), ${text}) > 0`).join(' or ')})`,
    );
  }
  if (f.status) where.push(`r.status = ${p(f.status)}`);
  if (f.documentPrefix) where.push(`starts_with(r.document_id, ${p(f.documentPrefix)})`);
  const sql = `select r.document_id, r.seq, d.url, d.file_name, r.record
                 from records r join documents d on d.id = r.document_id
                ${where.length ? `where ${where.join(' and ')}` : ''}
                order by r.document_id, r.seq limit ${p(q.limit)}`;
  return { sql, params };
}
