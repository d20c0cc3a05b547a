/**
 * Builds samples/pdf/scan/yangling-2019-gongkai06-unmapped-glyphs.pdf (issue 3: "pages whose text is
 * unusable (no text layer, or glyphs without Unicode mapping) are rendered and OCR'd"): the top of
 * seed 001's 公开06表 printed with pdfkit and a fonts-wqy-zenhei subset, then the font's /ToUnicode
 * entry blanked out with spaces (same length, so the xref offsets stay right). The subset's codes are
 * glyph ids in order of first use (Identity-H), so a reader without the map sees U+0001, U+0002, …:
 * control characters for the first 31 glyphs, ASCII punctuation and letters after. The page still
 * renders as before, so only OCR can read it.
 * Usage: npx tsx scripts/build-unmapped-sample.ts   (then: pdftotext it to see the garbage)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { drawTable, line, newDoc, save, type TableSpec } from './pdf-sample-kit.js';
import { seed001 } from './pdf-sample-seed001.js';

const OUT = 'samples/pdf/scan/yangling-2019-gongkai06-unmapped-glyphs.pdf';
/** 合计, 301 工资福利支出 and its first seven 款: one small page keeps the OCR test near 10 s. */
const BODY_ROWS = 8;

async function build(): Promise<void> {
  const doc = newDoc('portrait', seed001.title);
  const t: TableSpec = { widths: seed001.widths, fontSize: 11, minRow: 26 };
  line(doc, seed001.title, 50, 14, 'center');
  line(doc, seed001.label, 72, 10, 'right');
  line(doc, seed001.dept, 90, 10, 'left');
  line(doc, seed001.unit, 90, 10, 'right');
  drawTable(doc, t, [...seed001.head, ...seed001.body.slice(0, BODY_ROWS)], 50, 108);
  await save(doc, OUT);
  const pdf = readFileSync(OUT).toString('latin1');
  const maps = pdf.match(/\/ToUnicode \d+ 0 R/g) ?? [];
  if (maps.length !== 1) throw new Error(`expected one /ToUnicode entry, found ${maps.length}`);
  writeFileSync(OUT, Buffer.from(pdf.replace(maps[0]!, ' '.repeat(maps[0]!.length)), 'latin1'));
  console.log(`wrote ${OUT} (removed ${maps[0]})`);
}

mkdirSync('samples/pdf/scan', { recursive: true });
await build();
