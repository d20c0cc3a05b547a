import { randomUUID } from 'node:crypto';
import type { DocumentStatus, ExtractedDocument, Issue, SourceRef } from '../model/document.js';
import type { Check, Verification } from '../../schemas/common.js';
import type { RecognisedRecord } from '../recognise/types.js';
import type {
  PipelineStage,
  RecordPageQuery,
  RecordStore,
  SqlClient,
  StoredDocument,
  StoredRecordRow,
  StoredStatus,
  StoreSummary,
  Unfinished,
} from './ports.js';
import { pageRecordsSql } from './record-page.js';
import { SCHEMA_SQL } from './schema.sql.js';
import { documentVerification } from '../validate/verification.js';
import { documentFacets } from './document-facets.js';
import { ExtractionCache } from './extraction-cache.js';

interface DocumentRow {
  id: string;
  source: SourceRef;
  format: string;
  status: StoredDocument['status'];
  issues: Issue[];
  checks: Check[];
  verification: Verification | null;
  extracted?: ExtractedDocument | null;
  extraction_token?: string | null;
  extracted_size?: number | string | null;
  first_seen_at: Date | string;
  updated_at: Date | string;
  record_count: number | string;
  urls: string[] | null;
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
/**
 * JSON for a jsonb column. PostgreSQL refuses U+0000 and unpaired surrogates in jsonb (issue 16: a text layer holding
 * NUL could not be stored, and the store error was retried as transient), so they become U+FFFD, as a decoder would
 * show them. JSON.stringify writes both as \u escapes (and a paired surrogate as it is), so output without such an
 * escape, nearly all of it, needs no second pass with a replacer, which took longer than the stringify itself.
 */
const json = (v: unknown) => {
  const text = JSON.stringify(v);
  return /\\u(0000|d[89a-f])/i.test(text)
    ? JSON.stringify(v, (_key, x: unknown) => (typeof x === 'string' ? storable(x) : x))
    : text;
};
export const storable = (s: string) =>
  s.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Rows per insert statement: six parameters each, well under PostgreSQL's 65,535 a statement. */
const RECORDS_PER_INSERT = 1000;

/** RecordStore over any SqlClient: the same statements run on PGlite and PostgreSQL. */
export class SqlRecordStore implements RecordStore {
  private readonly extractions = new ExtractionCache();

  private constructor(private readonly sql: SqlClient) {}

  static async open(sql: SqlClient): Promise<SqlRecordStore> {
    await sql.exec(SCHEMA_SQL);
    return new SqlRecordStore(sql);
  }

  get client(): SqlClient {
    return this.sql;
  }

  async upsertSource(source: SourceRef, format: string): Promise<{ created: boolean }> {
    return this.sql.transaction(async (tx) => {
      const ins = await tx.query<{ id: string }>(
        `insert into documents (id, url, file_name, media_type, format, size, source)
         values ($1, $2, $3, $4, $5, $6, $7::jsonb) on conflict (id) do nothing returning id`,
        [source.id, source.url, source.fileName ?? null, source.mediaType, format, source.size, json(source)],
      );
      await tx.query(`insert into document_urls (document_id, url) values ($1, $2) on conflict do nothing`, [
        source.id,
        source.url,
      ]);
      return { created: ins.rows.length > 0 };
    });
  }

  async getDocument(id: string, opts: { withExtraction?: boolean } = {}): Promise<StoredDocument | undefined> {
    const cached = opts.withExtraction ? this.extractions.peek(id) : undefined;
    const { rows } = await this.sql.query<DocumentRow>(
      `select d.id, d.source, d.format, d.status, d.issues, d.checks, d.verification, d.first_seen_at, d.updated_at,
              ${
                opts.withExtraction
                  ? `case when d.extraction_token = $2 then null else d.extracted end as extracted, d.extraction_token,
                     pg_column_size(d.extracted) as extracted_size,`
                  : ''
              }
              (select count(*) from records r where r.document_id = d.id) as record_count,
              (select array_agg(u.url order by u.first_seen_at, u.url) from document_urls u where u.document_id = d.id) as urls
         from documents d where d.id = $1`,
      opts.withExtraction ? [id, cached?.token ?? null] : [id],
    );
    const r = rows[0];
    if (!r) return undefined;
    const extracted = opts.withExtraction ? this.extractionOf(r, cached) : undefined;
    return {
      id: r.id,
      source: r.source,
      format: r.format,
      status: r.status,
      issues: r.issues,
      checks: r.checks,
      verification: r.verification ?? null,
      urls: r.urls ?? [],
      ...(extracted ? { extracted } : {}),
      recordCount: Number(r.record_count),
      firstSeenAt: iso(r.first_seen_at),
      updatedAt: iso(r.updated_at),
    };
  }

  /** The extraction a row holds, or the cached one when the row still carries the token it was kept under. */
  private extractionOf(
    r: DocumentRow,
    cached: { token: string; doc: ExtractedDocument } | undefined,
  ): ExtractedDocument | undefined {
    const token = r.extraction_token ?? null;
    if (r.extracted) {
      // The stored size is compressed; four times it bounds the JSON text well enough to bound the cache.
      if (token) this.extractions.set(r.id, token, r.extracted, Number(r.extracted_size ?? 0) * 4);
      return r.extracted;
    }
    return cached && token === cached.token ? cached.doc : undefined;
  }

  async saveExtraction(id: string, doc: ExtractedDocument): Promise<void> {
    const status = doc.status === 'failed' ? 'failed' : 'pending';
    const text = json(doc);
    const token = randomUUID();
    await this.sql.query(
      `update documents set extracted = $2::jsonb, extraction_token = $6, issues = $3::jsonb, status = $4, format = $5,
              stage = case when $4 = 'failed' then 'failed' else 'extracted' end, stage_at = now(), updated_at = now()
        where id = $1`,
      [id, text, json(doc.issues), status, doc.format, token],
    );
    // What a read of the row gives (JSON, not the structured clone the worker thread sent, which can hold undefined
    // or NaN), so a stage reads the same extraction whether it comes from here or from the store.
    this.extractions.set(id, token, JSON.parse(text) as ExtractedDocument, text.length);
  }

  async statuses(ids: string[]): Promise<Map<string, StoredStatus>> {
    const { rows } = await this.sql.query<{ id: string; status: StoredStatus }>(
      `select id, status from documents where id = any($1::text[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  async saveRecords(
    id: string,
    records: RecognisedRecord[],
    checks: Check[],
    status: DocumentStatus,
    issues: Issue[],
  ): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query(`delete from records where document_id = $1`, [id]);
      // One statement per chunk of rows, not per record: on PGlite each statement costs about a millisecond of its
      // own, whatever it does (issue 12, the nightly simulation).
      for (let start = 0; start < records.length; start += RECORDS_PER_INSERT) {
        const params: unknown[] = [];
        const rows = records.slice(start, start + RECORDS_PER_INSERT).map((rec, k) => {
          const seq = start + k;
          const tableId = typeof rec.tableId === 'string' ? rec.tableId : `r${seq + 1}`;
          const n = params.push(id, tableId, seq, rec.tableType, rec.status, json(rec));
          return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n}::jsonb)`;
        });
        await tx.query(
          `insert into records (document_id, table_id, seq, table_type, status, record) values ${rows.join(', ')}`,
          params,
        );
      }
      const f = documentFacets(records);
      await tx.query(
        `update documents set status = $2, checks = $3::jsonb, issues = $4::jsonb, verification = $5::jsonb,
                stage = 'done', stage_at = now(),
                department = $6, department_id = $7, region = $8, region_id = $9, year = $10, kind = $11, level = $12,
                updated_at = now() where id = $1`,
        [
          id,
          status,
          json(checks),
          json(issues),
          json(documentVerification(records)),
          f.department === null ? null : storable(f.department),
          f.departmentId === null ? null : storable(f.departmentId),
          f.region,
          f.regionId,
          f.year,
          f.kind,
          f.level,
        ],
      );
    });
  }

  async markFailed(id: string, failure: Issue): Promise<void> {
    await this.sql.query(
      `update documents set status = 'failed', issues = issues || $2::jsonb, stage = 'failed', stage_at = now(),
              updated_at = now() where id = $1`,
      [id, json([failure])],
    );
  }

  async markStage(id: string, stage: PipelineStage, runId?: string): Promise<void> {
    await this.sql.query(
      `update documents set stage = $2, stage_at = now(), run_id = coalesce($3, run_id) where id = $1`,
      [id, stage, runId ?? null],
    );
  }

  async unfinished(opts: { staleSeconds: number; ids?: string[]; limit?: number }): Promise<Unfinished[]> {
    const params: unknown[] = [opts.staleSeconds, opts.limit ?? 1000];
    const among = opts.ids ? `and id = any($${params.push(opts.ids)}::text[])` : '';
    const { rows } = await this.sql.query<{
      id: string;
      stage: PipelineStage | null;
      run_id: string | null;
      stage_at: Date | string | null;
    }>(
      `select id, stage, run_id, stage_at from documents
        where status = 'pending' and (stage_at is null or stage_at < now() - make_interval(secs => $1)) ${among}
        order by stage_at nulls first, id limit $2`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      stage: r.stage,
      runId: r.run_id,
      stageAt: r.stage_at === null ? null : iso(r.stage_at),
    }));
  }

  async listRecords(id: string): Promise<RecognisedRecord[]> {
    const { rows } = await this.sql.query<{ record: RecognisedRecord }>(
      `select record from records where document_id = $1 order by seq`,
      [id],
    );
    return rows.map((r) => r.record);
  }

  async pageRecords(query: RecordPageQuery): Promise<StoredRecordRow[]> {
    const { sql, params } = pageRecordsSql(query);
    const { rows } = await this.sql.query<{
      document_id: string;
      seq: number;
      url: string;
      file_name: string | null;
      record: RecognisedRecord;
    }>(sql, params);
    return rows.map((r) => ({
      documentId: r.document_id,
      seq: Number(r.seq),
      sourceUrl: r.url,
      fileName: r.file_name,
      record: r.record,
    }));
  }

  async summary(ids?: string[]): Promise<StoreSummary> {
    const where = ids ? 'where d.id = any($1::text[])' : '';
    const params = ids ? [ids] : [];
    const docs = await this.sql.query<{ id: string; url: string; status: string; issues: Issue[]; checks: Check[] }>(
      `select d.id, d.url, d.status, d.issues, d.checks from documents d ${where} order by d.first_seen_at, d.id`,
      params,
    );
    const recs = await this.sql.query<{ table_type: string; n: number | string; failed: number | string }>(
      `select r.table_type, count(*) as n,
              sum((select count(*) from jsonb_array_elements(r.record->'checks') c where (c->>'ok')::boolean = false)) as failed
         from records r join documents d on d.id = r.document_id ${where} group by r.table_type order by r.table_type`,
      params,
    );
    const byStatus: Record<string, number> = {};
    for (const d of docs.rows) byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
    const tablesByType = Object.fromEntries(recs.rows.map((r) => [r.table_type, Number(r.n)]));
    const crossFailed = docs.rows.reduce((n, d) => n + d.checks.filter((c) => !c.ok).length, 0);
    return {
      documents: docs.rows.length,
      byStatus,
      records: Object.values(tablesByType).reduce((a, b) => a + b, 0),
      tablesByType,
      checksFailed: recs.rows.reduce((n, r) => n + Number(r.failed ?? 0), 0) + crossFailed,
      failedDocuments: docs.rows
        .filter((d) => d.status === 'failed')
        .map((d) => ({
          id: d.id,
          url: d.url,
          reason: d.issues.find((i) => i.severity === 'error')?.message ?? 'unknown',
        })),
    };
  }

  async close(): Promise<void> {
    await this.sql.close();
  }
}
