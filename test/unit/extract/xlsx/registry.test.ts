import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../src/extract/registry.js';
import { sniff } from '../../../../src/extract/sniff.js';
import { defaultLimits } from '../../../../src/extract/types.js';
import type { Format } from '../../../../src/model/document.js';
import { corpusAvailable, corpusFile } from '../../../helpers/corpus.js';

const source = (file: string) => ({
  id: 'sha',
  url: `file:${file}`,
  fetchedAt: '2026-01-01T00:00:00Z',
  mediaType: '',
  size: 0,
});

const XLS = 'shanghai-putuo-2026-unit-budget-template.xls';

async function extracted(file: string, format: Format, tables: number): Promise<void> {
  const bytes = readFileSync(file);
  expect(sniff(bytes, file)).toBe(format);
  const doc = await extractDocument(bytes, source(file), format, { ...defaultLimits, ocr: false });
  expect(doc.status).toBe('ok');
  expect(doc.tables.length).toBe(tables);
}

describe('registry: Word files and workbooks', () => {
  it.each([
    ['samples/xlsx/yangling-2019-selfeval.xlsx', 'xlsx', 1],
    ['samples/docx/kaili-2021-perf-target.docx', 'docx', 4],
  ] as const)('%s is sniffed as %s and extracted through the registry', (file, format, tables) =>
    extracted(file, format, tables),
  );

  // A BIFF8 workbook: the corpus's blank 16-sheet template, read where the corpus lies.
  it.runIf(corpusAvailable([XLS]))(`corpus ${XLS} is sniffed as xls and extracted through the registry`, () =>
    extracted(corpusFile(XLS), 'xls', 16),
  );

  // Issue 16: the same workbook renamed .et is read by its content, not refused as needing LibreOffice.
  it.runIf(corpusAvailable([XLS]))('reads a BIFF8 workbook named .et as the workbook it is', async () => {
    const renamed = join(mkdtempSync(join(tmpdir(), 'et-')), 'budget.et');
    copyFileSync(corpusFile(XLS), renamed);
    await extracted(renamed, 'xls', 16);
  });
});
