import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { RecordFilter, RecordStore, StoredRecordRow } from '../store/ports.js';
import type { CsvRow } from './columns.js';
import { csvChunk } from './csv.js';
import { INDICATOR_COLUMNS, indicatorRows } from './indicator-rows.js';
import { VALUE_COLUMNS, valueRows } from './value-rows.js';

export type ExportFormat = 'jsonl' | 'csv';
export type CsvTable = 'values' | 'indicators';

export interface ExportOptions {
  format: ExportFormat;
  /** CSV shape; ignored for JSONL. */
  table?: CsvTable;
  filter?: RecordFilter;
  /** CSV only: lead with a UTF-8 BOM (Excel reads Chinese CSV as ANSI without it). */
  bom?: boolean;
  /** Records per store page. */
  batchSize?: number;
}

export interface ExportSummary {
  records: number;
  rows: number;
}

const SHAPES: Record<
  CsvTable,
  { columns: readonly string[]; rows(item: StoredRecordRow): CsvRow[]; types?: string[] }
> = {
  values: { columns: VALUE_COLUMNS, rows: valueRows },
  // Only 绩效 records carry indicators; without a --type, skip reading the amount tables at all.
  indicators: { columns: INDICATOR_COLUMNS, rows: indicatorRows, types: ['perf.'] },
};

/** One JSONL line: the record as stored, led by the document it came from. */
export function jsonlLine(item: StoredRecordRow): string {
  return `${JSON.stringify({ documentId: item.documentId, sourceUrl: item.sourceUrl, fileName: item.fileName, ...item.record })}\n`;
}

/** Every record matching the filter, one store page at a time. */
export async function* scanRecords(
  store: RecordStore,
  filter: RecordFilter,
  batchSize = 200,
): AsyncGenerator<StoredRecordRow[]> {
  let after: { documentId: string; seq: number } | undefined;
  for (;;) {
    const page = await store.pageRecords({ filter, limit: batchSize, ...(after ? { after } : {}) });
    if (page.length > 0) yield page;
    const last = page.at(-1);
    if (!last || page.length < batchSize) return;
    after = { documentId: last.documentId, seq: last.seq };
  }
}

/** Streams the selected records to `out` as JSONL or CSV, page by page, honouring backpressure. */
export async function exportRecords(store: RecordStore, out: Writable, opts: ExportOptions): Promise<ExportSummary> {
  const shape = opts.format === 'csv' ? SHAPES[opts.table ?? 'values'] : undefined;
  const filter = { ...opts.filter };
  if (shape?.types && !filter.tableTypes?.length) filter.tableTypes = shape.types;
  const summary: ExportSummary = { records: 0, rows: 0 };
  if (shape) await write(out, csvChunk([], shape.columns, { header: true, bom: Boolean(opts.bom) }));
  for await (const page of scanRecords(store, filter, opts.batchSize)) {
    summary.records += page.length;
    if (!shape) {
      summary.rows += page.length;
      await write(out, page.map(jsonlLine).join(''));
      continue;
    }
    const rows = page.flatMap(shape.rows);
    summary.rows += rows.length;
    if (rows.length) await write(out, csvChunk(rows, shape.columns, { header: false }));
  }
  return summary;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
