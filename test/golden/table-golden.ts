import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ExtractedDocument, Table } from '../../src/model/document.js';
import { toTextRows } from '../../src/model/grid.js';

/**
 * Golden files for table extractors (issue 4): per table its source part, method, size,
 * every cell's text, the merges, the first and last cell's locator and, for workbooks, the
 * raw numbers. Written from the seed transcriptions by scripts/build-docx-samples.ts;
 * UPDATE_GOLDEN=1 rewrites them from the output (refused when CI=true).
 */
export interface GoldenTable {
  part: string;
  method: string;
  contextIncludes: string;
  nRows: number;
  nCols: number;
  rows: string[][];
  spans: Array<[number, number, number, number]>;
  firstLocator?: string;
  lastLocator?: string;
  values?: Record<string, number>;
}

export interface Golden {
  sample: string;
  format: string;
  issues: Array<{ code: string; mentions: string[] }>;
  tables: GoldenTable[];
}

export function readGolden(path: string): Golden {
  return JSON.parse(readFileSync(path, 'utf8')) as Golden;
}

export function updating(): boolean {
  if (process.env.UPDATE_GOLDEN !== '1') return false;
  if (process.env.CI === 'true')
    throw new Error('UPDATE_GOLDEN=1 is refused on CI: golden files are reviewed, never regenerated there');
  return true;
}

const anchored = (t: Table) => [...t.cells].sort((a, b) => a.row - b.row || a.col - b.col);

export function summarise(t: Table, contextIncludes: string): GoldenTable {
  const cells = anchored(t);
  const out: GoldenTable = {
    part: t.prov.part ?? '',
    method: t.prov.method,
    contextIncludes,
    nRows: t.nRows,
    nCols: t.nCols,
    rows: toTextRows(t),
    spans: cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c) => [c.row, c.col, c.rowSpan, c.colSpan]),
  };
  const first = cells[0]?.prov.locator;
  const last = cells[cells.length - 1]?.prov.locator;
  if (first) out.firstLocator = first;
  if (last) out.lastLocator = last;
  const values = Object.fromEntries(
    cells.filter((c) => c.value !== undefined).map((c) => [`${c.row},${c.col}`, c.value!]),
  );
  if (Object.keys(values).length) out.values = values;
  return out;
}

/** OCR text is compared loosely: spacing, quote and bracket forms and stray dashes do not count. */
const loose = (s: string): string =>
  s
    .replace(/\s+/g, '')
    .replace(/[“”"]/g, '"')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[-—_]+$/, '');

/** Share of non-empty expected cells an OCR table reproduces; numbers must all be exact. */
export function ocrAgreement(expected: string[][], actual: string[][]): { share: number; numbersOk: boolean } {
  let total = 0;
  let same = 0;
  let numbersOk = true;
  expected.forEach((row, r) =>
    row.forEach((text, c) => {
      if (!text) return;
      total++;
      const got = actual[r]?.[c] ?? '';
      if (loose(got) === loose(text)) same++;
      else if (/^[\d.]+$/.test(text)) numbersOk = false;
    }),
  );
  return { share: total ? same / total : 1, numbersOk };
}

export function checkDocument(doc: ExtractedDocument, golden: Golden, path: string): void {
  if (updating()) {
    const next: Golden = {
      ...golden,
      tables: doc.tables.map((t, i) => summarise(t, golden.tables[i]?.contextIncludes ?? t.context.at(-1) ?? '')),
    };
    writeFileSync(path, `${JSON.stringify(next, null, 1)}\n`);
  }
  for (const want of golden.issues) {
    const found = doc.issues.find((i) => i.code === want.code);
    expect(found, `issue ${want.code}`).toBeDefined();
    for (const m of want.mentions) expect(found!.message).toContain(m);
  }
  const unexpected = doc.issues.filter((i) => !golden.issues.some((g) => g.code === i.code));
  expect(unexpected.map((i) => `${i.code}: ${i.message}`)).toEqual([]);
  expect(doc.tables.length).toBe(golden.tables.length);
  golden.tables.forEach((want, i) => {
    const t = doc.tables[i]!;
    const got = summarise(t, want.contextIncludes);
    const label = `table ${i + 1} (${want.part} ${want.contextIncludes})`;
    expect(got.part, label).toBe(want.part);
    expect(got.method, label).toBe(want.method);
    expect(
      t.context.some((l) => l.includes(want.contextIncludes)),
      `${label} context ${JSON.stringify(t.context)}`,
    ).toBe(true);
    expect([got.nRows, got.nCols], label).toEqual([want.nRows, want.nCols]);
    for (const c of t.cells) {
      expect(c.prov.part ?? '', label).toBe(want.part);
      expect(c.prov.method, label).toBe(want.method);
    }
    if (want.method === 'ocr') {
      const { share, numbersOk } = ocrAgreement(want.rows, got.rows);
      console.log(`${label}: OCR reproduces ${(share * 100).toFixed(0)}% of the cells`);
      expect(numbersOk, `${label} numbers`).toBe(true);
      expect(share, label).toBeGreaterThanOrEqual(0.8);
      return;
    }
    expect(got.rows, label).toEqual(want.rows);
    expect(got.spans, label).toEqual(want.spans);
    if (want.firstLocator) expect(got.firstLocator, label).toBe(want.firstLocator);
    if (want.lastLocator) expect(got.lastLocator, label).toBe(want.lastLocator);
    if (want.values) expect(got.values, label).toEqual(want.values);
  });
}

export function sampleBytes(path: string): Uint8Array {
  if (!existsSync(path))
    throw new Error(
      `sample missing: ${path} (under samples/: npx tsx scripts/build-docx-samples.ts; a corpus file: set BUDGETDOC_CORPUS)`,
    );
  return readFileSync(path);
}
