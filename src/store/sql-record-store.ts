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
  StoreSummary,
  Unfinished,
} from './ports.js';
import { pageRecordsSql } from './record-page.js';
import { SCHEMA_SQL } from './schema.sql.js';
import { documentVerification } from '../validate/verification.js';
import { documentFacets } from './document-facets.js';

interface DocumentRow {
  id: string;
  source: SourceRef;
  format: string;
  status: StoredDocument['status'];
  issues: Issue[];
  checks: Check[];
  verification: Verification | null;
  extracted?: ExtractedDocument | null;
  first_seen_at: Date | string;
  updated_at: Date | string;
  record_count: number | string;
  urls: string[] | null;
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
/**
 * JSON for a jsonb column. PostgreSQL refuses U+0000 and unpaired surrogates in jsonb (issue 16: a text layer holding
 * NUL could not be stored, and the store error was retried as transient), so they become U+FFFD, as a decoder would
 * show them.
 */
const json = (v: unknown) => JSON.stringify(v, (_key, x: unknown) => (typeof x === 'string' ? storable(x) : x));
export const storable = (s: string) =>
  s.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** RecordStore over any SqlClient: the same statements run on PGlite and PostgreSQL. */
export class SqlRecordStore implements RecordStore {
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
    const { rows } = await this.sql.query<DocumentRow>(
      `select d.id, d.source, d.format, d.status, d.issues, d.checks, d.verification, d.first_seen_at, d.updated_at,
              ${opts.withExtraction ? 'd.extracted,' : ''}
              (select count(*) from records r where r.document_id = d.id) as record_count,
              (select array_agg(u.url order by u.first_seen_at, u.url) from document_urls u where u.document_id = d.id) as urls
         from documents d where d.id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      id: r.id,
      source: r.source,
      format: r.format,
      status: r.status,
      issues: r.issues,
      checks: r.checks,
      verification: r.verification ?? null,
      urls: r.urls ?? [],
      ...(r.extracted ? { extracted: r.extracted } : {}),
      recordCount: Number(r.record_count),
      firstSeenAt: iso(r.first_seen_at),
      updatedAt: iso(r.updated_at),
    };
  }

  async saveExtraction(id: string, doc: ExtractedDocument): Promise<void> {
    const status = doc.status === 'failed' ? 'failed' : 'pending';
    await this.sql.query(
      `update documents set extracted = $2::jsonb, issues = $3::jsonb, status = $4, format = $5,
              stage = case when $4 = 'failed' then 'failed' else 'extracted' end, stage_at = now(), updated_at = now()
        where id = $1`,
      [id, json(doc), json(doc.issues), status, doc.format],
    );
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
      for (const [seq, rec] of records.entries()) {
        const tableId = typeof rec.tableId === 'string' ? rec.tableId : `r${seq + 1}`;
        await tx.query(
          `insert into records (document_id, table_id, seq, table_type, status, record) values ($1, $2, $3, $4, $5, $6::jsonb)`,
          [id, tableId, seq, rec.tableType, rec.status, json(rec)],
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
