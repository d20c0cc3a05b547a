import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LineRow } from '../../schemas/common.js';
import { VALUE_COLUMNS } from '../../src/export/value-rows.js';
import type { RecognisedRecord } from '../../src/recognise/types.js';
import { openStores } from '../../src/store/open.js';
import { budgetdoc } from '../helpers/cli.js';
import { derivedAvailable, derivedFile } from '../helpers/derived.js';

/** The store holds the project's HTML sample and the planted-error page built from the corpus at test time. */
const WRONG_TOTAL = 'putuo-finance-2024-gpb-functional-wrong-total.html';

type Line = RecognisedRecord & { documentId: string; sourceUrl: string; fileName: string };
const csvRows = (text: string) => parse(text, { columns: true, bom: true }) as Record<string, string>[];
const blank = (v: unknown) => (v === null || v === undefined ? '' : String(v));

describe.runIf(derivedAvailable(WRONG_TOTAL))('budgetdoc export', () => {
  const data = mkdtempSync(join(tmpdir(), 'budgetdoc-export-'));
  const input = mkdtempSync(join(tmpdir(), 'budgetdoc-export-in-'));
  /** What the store holds, per document: the reference the exports are checked against. */
  const stored = new Map<string, RecognisedRecord[]>();

  beforeAll(async () => {
    for (const f of readdirSync('samples/html').filter((f) => f.endsWith('.html')))
      copyFileSync(join('samples/html', f), join(input, f));
    copyFileSync(await derivedFile(WRONG_TOTAL), join(input, WRONG_TOTAL));
    const ingest = await budgetdoc(['ingest', input, '--data-dir', data, '--no-ocr', '--json']);
    expect(ingest.code).toBe(0);
    const stores = await openStores({ dataDir: data });
    try {
      for (const path of readdirSync(input)) {
        const id = createHash('sha256')
          .update(readFileSync(join(input, path)))
          .digest('hex');
        stored.set(id, await stores.records.listRecords(id));
      }
    } finally {
      await stores.close();
    }
    expect([...stored.values()].map((recs) => recs.length)).toEqual([1, 1]);
    // An ingest process and a PGlite start: slow when the suite fills both cores.
  }, 120_000);

  it('JSONL: one stored record per line, as stored, led by its document', async () => {
    const r = await budgetdoc(['export', '--data-dir', data, '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    expect(lines).toHaveLength(2);
    for (const { documentId, sourceUrl, fileName, ...record } of lines) {
      expect(stored.get(documentId)).toContainEqual(record);
      expect(sourceUrl).toBe(`file://${join(input, fileName)}`);
    }
    expect(r.stderr).toContain('exported 2 records, 2 rows (jsonl)');
  });

  it('CSV values: every value of every line row, with its provenance, written to --out with a BOM', async () => {
    const out = join(data, 'values.csv');
    const r = await budgetdoc(['export', '--data-dir', data, '--format', 'csv', '--bom', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFdocumentId,sourceUrl,')).toBe(true);
    const rows = csvRows(text);
    expect(Object.keys(rows[0]!)).toEqual([...VALUE_COLUMNS]);
    const [id, records] = [...stored].find(([, recs]) => recs.some((rec) => rec.rows.length > 0))!;
    const record = records.find((rec) => rec.rows.length > 0)!;
    expect(record.tableType).toBe('final.gpb_functional');
    let n = 0;
    for (const [i, row] of (record.rows as LineRow[]).entries()) {
      for (const [key, value] of Object.entries(row.values)) {
        n++;
        const got = rows.filter((c) => c.rowIndex === String(i + 1) && c.columnKey === key);
        expect(got, `${row.name} ${key}`).toHaveLength(1);
        const cell = row.cells?.[key] ?? row.provenance;
        expect(got[0]).toMatchObject({
          documentId: id,
          tableType: record.tableType,
          unit: blank(record.unit),
          year: blank(record.year),
          county: blank(record.region.county),
          recordStatus: record.status,
          rowCode: blank(row.code),
          rowName: row.name,
          value: blank(value),
          page: String(cell.page),
          locator: blank(cell.locator),
          method: cell.method,
          extractor: cell.extractor,
        });
      }
    }
    expect(rows).toHaveLength(n);
    expect(r.stderr).toContain(`exported 2 records, ${n} rows (csv values) to ${out}`);
  });

  it('CSV indicators: one row per 绩效 indicator, its value parts and provenance', async () => {
    const r = await budgetdoc(['export', '--data-dir', data, '--format', 'csv', '--table', 'indicators']);
    expect(r.code).toBe(0);
    const rows = csvRows(r.stdout);
    const record = [...stored.values()].flat().find((rec) => rec.tableType === 'perf.dept_target')!;
    const indicators = record.indicators as Array<{
      level1: string;
      level3: string;
      value: { text: string; operator: string | null };
      provenance: { locator?: string };
    }>;
    expect(indicators.length).toBeGreaterThan(5);
    expect(rows).toHaveLength(indicators.length);
    for (const [i, ind] of indicators.entries()) {
      expect(rows[i]).toMatchObject({
        indicatorIndex: String(i + 1),
        level1: ind.level1,
        level3: ind.level3,
        valueText: ind.value.text,
        valueOperator: blank(ind.value.operator),
        locator: blank(ind.provenance.locator),
      });
    }
  });

  it('filters by type prefix, region, year, status and document prefix', async () => {
    const ids = async (...args: string[]) =>
      (await budgetdoc(['export', '--data-dir', data, ...args])).stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as Line).tableType);
    const [perfId] = [...stored].find(([, recs]) => recs[0]!.tableType === 'perf.dept_target')!;
    expect(
      await ids('--type', 'final.', 'budget.', '--region', '普陀', '--year', '2024', '--status', 'partial'),
    ).toEqual(['final.gpb_functional']);
    expect(await ids('--document', perfId.slice(0, 8), '--year', '2024')).toEqual([]);
  });

  it('fails with a message and a non-zero exit on bad flags, and leaves no partial file', async () => {
    for (const args of [
      ['--format', 'xml'],
      ['--year', '20x4'],
    ]) {
      const r = await budgetdoc(['export', '--data-dir', data, ...args]);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr, args.join(' ')).toContain(args[0]);
    }
    const out = join(data, 'missing-dir', 'x.csv');
    const r = await budgetdoc(['export', '--data-dir', data, '--out', out]);
    expect(r.code).not.toBe(0);
    expect(existsSync(`${out}.part`)).toBe(false);
  });

  it('has --help', async () => {
    const r = await budgetdoc(['export', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: budgetdoc export');
    expect(r.stdout).toContain('--table <table>');
  });
});
