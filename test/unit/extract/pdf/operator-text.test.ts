import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPdfJs, openPdf, type PdfPage } from '../../../../src/extract/pdf/load.js';
import { type RunFont, type TextOps, textFromOperators } from '../../../../src/extract/pdf/operator-text.js';
import { corpusAvailable, corpusDir, REPO_ROOT } from '../../../helpers/corpus.js';
import { makePdf } from './make-pdf.js';

/**
 * The text runs read from the operator list against pdf.js's own getTextContent on the same page: the oracle is the
 * library whose text-layer rules src/extract/pdf/operator-text.ts ports. Whitespace-only items are left out on both
 * sides (readers drop them); positions and widths agree to 0.01 pt, strings and fonts exactly.
 */
async function differences(page: PdfPage): Promise<string[]> {
  const pdfjs = await loadPdfJs();
  const expected = (await page.getTextContent()).items.flatMap((i) =>
    'str' in i && i.str.trim() !== ''
      ? [{ str: i.str, transform: i.transform as number[], width: i.width, fontName: i.fontName }]
      : [],
  );
  const list = await page.getOperatorList();
  const actual = textFromOperators({
    fnArray: list.fnArray,
    argsArray: list.argsArray,
    ops: pdfjs.OPS as unknown as TextOps,
    font: (id) => (page.commonObjs.has(id) ? (page.commonObjs.get(id) as RunFont) : undefined),
    view: page.view,
    normalize: pdfjs.normalizeUnicode,
  }).filter((r) => r.str.trim() !== '');
  const where = `page ${page.pageNumber}`;
  if (actual.length !== expected.length)
    return [
      `${where}: ${actual.length} runs, getTextContent ${expected.length}: ${actual.map((r) => r.str).join('|')}`,
    ];
  const out: string[] = [];
  expected.forEach((e, k) => {
    const a = actual[k]!;
    const near = (x: number, y: number) => Math.abs(x - y) <= 0.01;
    if (
      a.str !== e.str ||
      a.fontName !== e.fontName ||
      !near(a.width, e.width) ||
      !e.transform.every((v, j) => near(v, a.transform[j]!))
    )
      out.push(`${where} run ${k}: ${JSON.stringify(a)} against ${JSON.stringify(e)}`);
  });
  return out;
}

async function fileDifferences(bytes: Uint8Array): Promise<string[]> {
  const doc = await openPdf(bytes, 'read');
  const out: string[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      out.push(...(await differences(page)));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

const pdfsIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => join(dir, f));

describe('text from the operator list', () => {
  it.runIf(corpusAvailable([], 'operator-list text against getTextContent'))(
    'gives getTextContent runs on every page of the corpus PDFs',
    async () => {
      const files = pdfsIn(corpusDir());
      expect(files.length).toBeGreaterThan(5);
      for (const f of files) expect(await fileDifferences(new Uint8Array(readFileSync(f))), f).toEqual([]);
    },
    300_000,
  );

  it('gives getTextContent runs on the sample PDFs (built tables, unmapped glyphs, a scan)', async () => {
    const files = ['built', 'scan'].flatMap((d) => pdfsIn(join(REPO_ROOT, 'samples', 'pdf', d)));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(await fileDifferences(new Uint8Array(readFileSync(f))), f).toEqual([]);
  }, 120_000);

  it('follows rotation, character and word spacing, horizontal scaling and kerning as pdf.js does', async () => {
    const bytes = await makePdf((doc) => {
      doc.fontSize(12).text('Plain line of text 123.45', 72, 72, { lineBreak: false });
      doc.text('Spaced out', 72, 100, { characterSpacing: 3, lineBreak: false });
      doc.text('wide word gaps here', 72, 130, { wordSpacing: 12, lineBreak: false });
      doc.text('Squeezed', 72, 160, { horizontalScaling: 60, lineBreak: false } as PDFKit.Mixins.TextOptions);
      doc.text('AVATAR WAVE Tj', 72, 190, { features: ['kern'], lineBreak: false });
      doc
        .save()
        .rotate(90, { origin: [300, 300] })
        .text('turned ninety', 300, 300, { lineBreak: false })
        .restore();
      doc
        .save()
        .rotate(30, { origin: [200, 500] })
        .text('at thirty degrees', 200, 500, { lineBreak: false })
        .restore();
      doc
        .save()
        .rotate(180, { origin: [400, 700] })
        .text('upside down', 400, 700, { lineBreak: false })
        .restore();
      doc.text('far', 72, 400, { lineBreak: false }).text('apart', 300, 400, { lineBreak: false });
      doc.text('off the page', 700, 100, { lineBreak: false });
    });
    const diffs = await fileDifferences(bytes);
    expect(diffs).toEqual([]);
  });
});
