import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPdf, type PdfPage } from '../../../../src/extract/pdf/load.js';
import { operatorRuns, readPageContent } from '../../../../src/extract/pdf/page-content.js';
import { corpusAvailable, corpusDir, REPO_ROOT } from '../../../helpers/corpus.js';
import { stream, writePdf } from '../../../../scripts/hostile-corpus/pdf-writer.js';
import { makePdf } from './make-pdf.js';

/**
 * The text runs read from the operator list against pdf.js's own getTextContent on the same page: the oracle is the
 * library whose text-layer rules src/extract/pdf/operator-text.ts ports. Whitespace-only items are left out on both
 * sides (readers drop them); positions and widths agree to 0.01 pt, strings and fonts exactly.
 */
async function differences(page: PdfPage): Promise<string[]> {
  const expected = (await page.getTextContent()).items.flatMap((i) =>
    'str' in i && i.str.trim() !== ''
      ? [{ str: i.str, transform: i.transform as number[], width: i.width, fontName: i.fontName }]
      : [],
  );
  const actual = (await operatorRuns(page, await page.getOperatorList())).filter((r) => r.str.trim() !== '');
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

  it('follows text state operators, forms, marked content, CID, vertical and Type3 fonts as pdf.js does', async () => {
    const bytes = handWrittenPage();
    const doc = await openPdf(bytes, 'read');
    const page = await doc.getPage(1);
    const seen = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('|');
    // The page is read as written: each feature reaches getTextContent (otherwise the comparison proves nothing).
    for (const s of [
      'Inside',
      'From gstate font',
      '中文总计',
      '中文',
      'four',
      'abab',
      'Rotated',
      'Invisible',
      'Marked',
    ])
      expect(seen).toContain(s);
    await doc.destroy();
    expect(await fileDifferences(bytes)).toEqual([]);
  });

  it('waits for fonts that pdf.js has not handed over when the operator list arrives', async () => {
    const doc = await openPdf(handWrittenPage(), 'read');
    const page = await doc.getPage(1);
    const boxes = async () => (await readPageContent(page, 's')).text.items.map((i) => [i.text, i.bbox]);
    const expected = await boxes();
    const real = page.commonObjs;
    const released = new Set<string>();
    // Fonts that arrive late: unknown until asked for, then a moment later (the vertical CID font's runs depend on it).
    const late = {
      has: (id: string) => released.has(id) && real.has(id),
      get: (id: string, done?: (v: unknown) => void) => {
        if (!done) return real.get(id);
        setTimeout(() => {
          released.add(id);
          done(real.get(id));
        }, 5);
      },
    };
    Object.defineProperty(page, 'commonObjs', { value: late });
    expect(await boxes()).toEqual(expected);
    expect(released.size).toBeGreaterThan(2);
    await doc.destroy();
  });
});

/**
 * A page written by hand with what pdfkit never writes: Tz, Ts, TL, T*, ' and ", TJ with large adjustments, marked
 * content, a font set by an ExtGState, text inside a form XObject, CID fonts horizontal and vertical (STSong-Light with
 * the UCS2 CMaps, not embedded), a Type3 font, invisible text, text off the page, and an annotation whose appearance
 * holds text (getTextContent reads the page's content only).
 */
function handWrittenPage(): Uint8Array {
  const content = [
    'BT /F1 12 Tf 72 750 Td (Plain text) Tj ET',
    'BT /F1 12 Tf 72 720 Td 3 Tc (Char spaced) Tj 0 Tc ET',
    'BT /F1 12 Tf 72 700 Td 10 Tw (word spaced text) Tj 0 Tw ET',
    'BT /F1 12 Tf 72 680 Td 50 Tz (Scaled) Tj 100 Tz ET',
    'BT /F1 12 Tf 72 660 Td (Base) Tj 5 Ts (up) Tj 0 Ts (down) Tj ET',
    'BT /F1 12 Tf 14 TL 72 640 Td (Line one) Tj T* (Line two) Tj (Line three) \' 2 1 (Line four) " ET',
    'BT /F1 12 Tf 72 560 Td [(Kern)-250(ing)-3000(far)120(back)] TJ ET',
    'BT /F1 12 Tf 72 540 Td /Span <</MCID 0>> BDC (Marked) Tj EMC (after) Tj ET',
    'BT /GS1 gs 72 520 Td (From gstate font) Tj ET',
    'q 1 0 0 1 100 400 cm /Fm1 Do Q',
    'BT /F2 12 Tf 72 380 Td <4E2D65870020603B8BA1> Tj ET',
    'BT /F3 12 Tf 300 380 Td <4E2D6587603B8BA1> Tj ET',
    'BT /F4 12 Tf 72 340 Td (abab) Tj ET',
    'BT /F1 12 Tf 0 1 -1 0 500 300 Tm (Rotated by matrix) Tj ET',
    'BT /F1 12 Tf 2 0 0 2 72 250 Tm (Scaled matrix) Tj ET',
    'BT /F1 12 Tf 72 200 Td 3 Tr (Invisible text) Tj 0 Tr ET',
    'BT /F1 12 Tf 700 200 Td (Off page) Tj ET',
  ].join('\n');
  const descriptor =
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>';
  const cidFont = (extra: string) =>
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 8 0 R /DW 1000 ${extra} >>`;
  const glyph = '1000 0 0 0 750 750 d1 0 0 750 750 re f';
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Annots [16 0 R] /Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 9 0 R /F4 11 0 R >> /ExtGState << /GS1 << /Type /ExtGState /Font [5 0 R 14] >> >> /XObject << /Fm1 14 0 R >> >> >>',
    stream('', content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [7 0 R] >>',
    cidFont(''),
    descriptor,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-V /DescendantFonts [10 0 R] >>',
    cidFont('/DW2 [880 -1000]'),
    '<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /a 12 0 R /b 13 0 R >> /Encoding << /Type /Encoding /Differences [97 /a /b] >> /FirstChar 97 /LastChar 98 /Widths [1000 1000] /Resources << >> >>',
    stream('', glyph),
    stream('', glyph),
    stream(
      '/Type /XObject /Subtype /Form /BBox [0 0 300 100] /Matrix [1 0 0 1 10 10] /Resources << /Font << /F1 5 0 R >> >>',
      'BT /F1 10 Tf 0 0 Td (Inside form) Tj 0 -12 Td (second form line) Tj ET',
    ),
    stream(
      '/Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources << /Font << /F1 5 0 R >> >>',
      'BT /F1 10 Tf 2 5 Td (annotation text) Tj ET',
    ),
    '<< /Type /Annot /Subtype /FreeText /Rect [300 700 500 720] /AP << /N 15 0 R >> /DA (/F1 10 Tf) /Contents (note) /F 4 >>',
  ]);
}
