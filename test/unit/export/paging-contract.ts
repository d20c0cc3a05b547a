import { PassThrough } from 'node:stream';
import { expect } from 'vitest';
import { exportRecords, scanRecords } from '../../../src/export/export-records.js';
import type { RecordStore, StoredRecordRow } from '../../../src/store/ports.js';
import { DOC, DOC2, deptTargetRecord, projectSelfevalRecord, summaryRecord } from './fixtures.js';

/** Two documents, five records, stored through the port the pipeline uses. */
export async function seedStore(store: RecordStore): Promise<void> {
  for (const [id, name] of [
    [DOC2, 'second.pdf'],
    [DOC, 'first.pdf'],
  ] as const) {
    await store.upsertSource(
      {
        id,
        url: `https://example.gov.cn/${name}`,
        fileName: name,
        fetchedAt: '2026-01-01T00:00:00Z',
        mediaType: 'application/pdf',
        size: 1,
      },
      'pdf',
    );
  }
  await store.saveRecords(
    DOC,
    [
      summaryRecord({ tableId: 't1' }),
      summaryRecord({ tableId: 't2', status: 'partial', year: 2020 }),
      deptTargetRecord(),
    ],
    [],
    'ok',
    [],
  );
  await store.saveRecords(
    DOC2,
    [
      summaryRecord({ tableId: 'a', tableType: 'budget.summary', kind: 'budget', region: { province: '江苏省' } }),
      projectSelfevalRecord(),
    ],
    [],
    'ok',
    [],
  );
}

const ids = (rows: StoredRecordRow[]) => rows.map((r) => `${r.documentId.slice(0, 2)}/${r.seq}`);

async function scan(store: RecordStore, filter = {}, batchSize = 2): Promise<StoredRecordRow[]> {
  const out: StoredRecordRow[] = [];
  for await (const page of scanRecords(store, filter, batchSize)) {
    expect(page.length).toBeLessThanOrEqual(batchSize);
    out.push(...page);
  }
  return out;
}

/** RecordStore.pageRecords on any SQL backend: order, keyset pages, every filter. */
export async function checkPaging(store: RecordStore): Promise<void> {
  const all = await scan(store);
  expect(ids(all)).toEqual(['ab/0', 'ab/1', 'ab/2', 'cd/0', 'cd/1']);
  expect(all[0]).toMatchObject({
    sourceUrl: 'https://example.gov.cn/first.pdf',
    fileName: 'first.pdf',
    record: { tableId: 't1', tableType: 'final.summary' },
  });
  expect(ids(await scan(store, {}, 1))).toEqual(ids(all));
  expect(ids(await store.pageRecords({ limit: 2, after: { documentId: DOC, seq: 1 } }))).toEqual(['ab/2', 'cd/0']);

  expect(ids(await scan(store, { tableTypes: ['final.'] }))).toEqual(['ab/0', 'ab/1']);
  expect(ids(await scan(store, { tableTypes: ['budget.', 'perf.dept'] }))).toEqual(['ab/2', 'cd/0']);
  expect(ids(await scan(store, { year: 2020 }))).toEqual(['ab/1']);
  expect(ids(await scan(store, { region: '江苏' }))).toEqual(['cd/0']);
  expect(ids(await scan(store, { region: '杨陵' }))).toEqual(['ab/0', 'ab/1', 'ab/2', 'cd/1']);
  expect(ids(await scan(store, { status: 'partial' }))).toEqual(['ab/1']);
  expect(ids(await scan(store, { documentPrefix: 'cdcd' }))).toEqual(['cd/0', 'cd/1']);
  expect(ids(await scan(store, { tableTypes: ['final.'], status: 'ok', year: 2019, documentPrefix: DOC }))).toEqual([
    'ab/0',
  ]);
  expect(await scan(store, { region: '%' })).toEqual([]);
}

/** exportRecords end to end on the seeded store, in small pages. */
export async function checkExport(store: RecordStore): Promise<void> {
  const run = async (opts: Parameters<typeof exportRecords>[2]) => {
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
    const summary = await exportRecords(store, out, { batchSize: 2, ...opts });
    return { summary, text: chunks.join('') };
  };
  const jsonl = await run({ format: 'jsonl' });
  expect(jsonl.summary).toEqual({ records: 5, rows: 5 });
  const lines = jsonl.text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines[3]).toMatchObject({
    documentId: DOC2,
    fileName: 'second.pdf',
    tableType: 'budget.summary',
    region: { province: '江苏省' },
  });

  const values = await run({ format: 'csv', filter: { tableTypes: ['final.'] }, bom: true });
  expect(values.summary).toEqual({ records: 2, rows: 6 });
  expect(values.text.startsWith('\uFEFFdocumentId,')).toBe(true);
  // Indicators default to the 绩效 tables: the amount records are never read.
  const indicators = await run({ format: 'csv', table: 'indicators' });
  expect(indicators.summary).toEqual({ records: 2, rows: 2 });
}
