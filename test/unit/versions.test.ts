import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, Format } from '../../src/model/document.js';
import { extractDocument } from '../../src/extract/registry.js';
import { defaultLimits } from '../../src/extract/types.js';
import { recogniseDocument } from '../../src/recognise/registry.js';
import { installedVersion } from '../../src/util/versions.js';

/** The version a package.json on disk states, read by path: independent of how src/util/versions.ts finds it. */
const onDisk = (dir: string): string =>
  (JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as { version: string }).version;
const installed = (name: string) => onDisk(`node_modules/${name}`);

async function extract(file: string, format: Format): Promise<ExtractedDocument> {
  const bytes = new Uint8Array(readFileSync(file));
  const id = createHash('sha256').update(bytes).digest('hex');
  const at = { url: `file:${file}`, fetchedAt: '2026-01-01T00:00:00Z', mediaType: 'application/octet-stream' };
  const source = { id, ...at, size: bytes.length, fileName: basename(file) };
  // OCR off: the image extractor records the tesseract.js version before it would read anything.
  return extractDocument(bytes, source, format, { ...defaultLimits, ocr: false });
}

/** Every extractor name in a document's provenance (tables, cells, runs, issues). */
function extractors(doc: ExtractedDocument): Set<string> {
  const names = new Set<string>();
  JSON.stringify(doc, (key, value: unknown) => {
    if (key === 'extractor' && typeof value === 'string') names.add(value);
    return value;
  });
  return names;
}

describe('versions in provenance are the installed packages', () => {
  it('reads a version even where `exports` hides package.json (@e965/xlsx)', () => {
    expect(() => createRequire(import.meta.url).resolve('@e965/xlsx/package.json')).toThrow(/exports/);
    expect(installedVersion('@e965/xlsx')).toBe(installed('@e965/xlsx'));
  });

  it('HTML: cheerio', async () => {
    const doc = await extract('samples/html/hongjiang-2023-gov-office-dept-target.html', 'html');
    expect(doc.versions).toMatchObject({ cheerio: installed('cheerio') });
    expect([...extractors(doc)]).toEqual([`html/cheerio@${installed('cheerio')}`]);
  });

  it('PDF: pdfjs-dist', async () => {
    const doc = await extract('samples/pdf/built/yangling-2019-final-table06-two-pages.pdf', 'pdf');
    expect(doc.versions).toMatchObject({ 'pdfjs-dist': installed('pdfjs-dist') });
    expect(extractors(doc)).toContain(`pdf/pdfjs@${installed('pdfjs-dist')}`);
  });

  it('DOCX: cheerio and the SheetJS build that reads embedded workbooks', async () => {
    const doc = await extract('samples/docx/yangling-2019-final.docx', 'docx');
    expect(doc.versions).toMatchObject({ cheerio: installed('cheerio'), '@e965/xlsx': installed('@e965/xlsx') });
    expect(extractors(doc)).toContain(`docx/cheerio@${installed('cheerio')}`);
    expect(extractors(doc)).toContain(`xlsx/sheetjs@${installed('@e965/xlsx')}`);
  });

  it('picture: tesseract.js', async () => {
    const doc = await extract('samples/images/seed001-gongkai06-basic-economic.png', 'png');
    expect(doc.versions).toMatchObject({ 'tesseract.js': installed('tesseract.js') });
    expect([...extractors(doc)]).toEqual([`ocr/tesseract.js@${installed('tesseract.js')}`]);
  });

  it('records: budgetdoc itself, beside the extractor libraries', async () => {
    const doc = await extract('samples/html/hongjiang-2023-gov-office-dept-target.html', 'html');
    const { records } = recogniseDocument(doc);
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(r.versions).toEqual({ budgetdoc: onDisk('.'), cheerio: installed('cheerio') });
  });
});
