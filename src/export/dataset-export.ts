import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { effectiveDepartmentNameSql, effectiveDepartmentSql } from '../store/departments.js';
import type { RecordFilter, RecordStore } from '../store/ports.js';
import { pageRecordsSql } from '../store/record-page.js';
import type { RecognisedRecord } from '../recognise/types.js';
import { csvChunk } from './csv.js';
import { LineKeys, recordLines, type DatasetFacets, type DatasetItem } from './dataset-lines.js';
import {
  INTEGER_COLUMNS,
  LONG_COLUMNS,
  longDecimalColumns,
  longRows,
  wideColumns,
  wideDecimalColumns,
  wideRows,
  type DatasetRow,
} from './dataset-rows.js';
import { ParquetSink, type ParquetColumnType } from './parquet.js';

/**
 * `budgetdoc export --shape long|wide` (issue 15): the store as a dataset researchers pivot as it comes, in CSV,
 * JSONL or Parquet. Records are read a page at a time (keyset paging, with the documents' facets and the department
 * links joined in SQL) and written before the next page is read, so memory holds one page (and, for Parquet, one row
 * group) whatever the store holds.
 */
export type DatasetFormat = 'csv' | 'jsonl' | 'parquet';
export type DatasetShape = 'long' | 'wide';

export interface DatasetOptions {
  format: DatasetFormat;
  shape: DatasetShape;
  /** Keep blank cells (nothing printed) as rows with an empty value. */
  keepBlank?: boolean;
  filter?: RecordFilter;
  /** CSV only: lead with a UTF-8 BOM. */
  bom?: boolean;
  /** Records per store page. */
  batchSize?: number;
}

export interface DatasetSummary {
  records: number;
  rows: number;
}

/** Only these records hold printed amounts the shapes write: the amount tables and the narrative figures. */
const DATASET_TYPES = ['final.', 'budget.', 'narrative'];

interface Sink {
  write(rows: DatasetRow[]): Promise<void>;
  end(): Promise<void>;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (chunk && !out.write(chunk)) await once(out, 'drain');
}

function csvSink(out: Writable, columns: string[], bom: boolean): Sink {
  let started = false;
  return {
    async write(rows) {
      if (!started) {
        started = true;
        await write(out, csvChunk([], columns, { header: true, bom }));
      }
      if (rows.length) await write(out, csvChunk(rows, columns, { header: false }));
    },
    async end() {
      if (!started) await this.write([]);
    },
  };
}

function jsonlSink(out: Writable, columns: string[]): Sink {
  return {
    async write(rows) {
      await write(
        out,
        rows.map((r) => `${JSON.stringify(Object.fromEntries(columns.map((c) => [c, r[c] ?? null])))}\n`).join(''),
      );
    },
    async end() {},
  };
}

function parquetSink(out: Writable, columns: string[], decimals: Set<string>): Sink {
  const typed = columns.map((name) => ({
    name,
    type: (INTEGER_COLUMNS.has(name) ? 'int32' : decimals.has(name) ? 'decimal' : 'string') as ParquetColumnType,
  }));
  return new ParquetSink(out, typed);
}

interface DatasetPageRow {
  document_id: string;
  seq: number;
  url: string;
  file_name: string | null;
  record: RecognisedRecord;
  department_id: string | null;
  department: string | null;
  region_id: string | null;
  region: string | null;
  year: number | null;
  kind: string | null;
  /** Written by src/store/document-facets.ts only, so one of its levels. */
  level: DatasetFacets['level'];
}

/** A page of records with their documents' facets: the store's keyset page, joined with the department links. */
async function datasetPage(
  store: RecordStore,
  filter: RecordFilter,
  limit: number,
  after?: { documentId: string; seq: number },
): Promise<DatasetItem[]> {
  const inner = pageRecordsSql({ filter, limit, ...(after ? { after } : {}) });
  const { rows } = await store.client.query<DatasetPageRow>(
    `select p.document_id, p.seq, p.url, p.file_name, p.record,
            ${effectiveDepartmentSql('d')} as department_id, ${effectiveDepartmentNameSql('d')} as department,
            d.region_id, d.region, d.year, d.kind, d.level
       from (${inner.sql}) p join documents d on d.id = p.document_id
      order by p.document_id, p.seq`,
    inner.params,
  );
  return rows.map((r) => ({
    documentId: r.document_id,
    seq: Number(r.seq),
    sourceUrl: r.url,
    fileName: r.file_name,
    record: r.record,
    facets: {
      departmentId: r.department_id,
      department: r.department,
      regionId: r.region_id,
      region: r.region,
      year: r.year === null ? null : Number(r.year),
      kind: r.kind,
      level: r.level,
    },
  }));
}

export async function exportDataset(store: RecordStore, out: Writable, opts: DatasetOptions): Promise<DatasetSummary> {
  const filter: RecordFilter = { ...opts.filter };
  if (!filter.tableTypes?.length) filter.tableTypes = DATASET_TYPES;
  const long = opts.shape === 'long';
  const columns = long ? [...LONG_COLUMNS] : wideColumns();
  const sink =
    opts.format === 'csv'
      ? csvSink(out, columns, Boolean(opts.bom))
      : opts.format === 'jsonl'
        ? jsonlSink(out, columns)
        : parquetSink(out, columns, long ? longDecimalColumns : wideDecimalColumns());
  const keys = new LineKeys();
  const summary: DatasetSummary = { records: 0, rows: 0 };
  const batch = opts.batchSize ?? 200;
  let after: { documentId: string; seq: number } | undefined;
  for (;;) {
    const page = await datasetPage(store, filter, batch, after);
    summary.records += page.length;
    const lines = page.flatMap((item) => recordLines(item, keys));
    const rows = long ? longRows(lines, Boolean(opts.keepBlank)) : wideRows(lines, Boolean(opts.keepBlank));
    summary.rows += rows.length;
    await sink.write(rows);
    const last = page.at(-1);
    if (!last || page.length < batch) break;
    after = { documentId: last.documentId, seq: last.seq };
  }
  await sink.end();
  return summary;
}
