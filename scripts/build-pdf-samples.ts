/**
 * Builds the PDF samples the corpus lacks (issue 3), with pdfkit and the Debian font
 * fonts-wqy-zenhei (a subset is embedded, so the files render anywhere):
 *  - samples/pdf/built/hengyang-2022-dept-target-fragmented.pdf: seed 004's 整体绩效目标申报表 as a
 *    ruled table with narrow columns, wrapped cells written line by line across the row (runs of
 *    neighbouring cells interleave), 指标值 as separate runs (`90`, `%`), over pages with the
 *    indicator header repeated;
 *  - samples/pdf/built/yangling-2019-final-table06-two-pages.pdf: seed 001's 公开06表 over two pages,
 *    title, label, 编制部门 line and header repeated on page 2;
 *  - samples/pdf/built/funing-2020-project-targets.pdf: seed 003's five 项目支出绩效目标表, one per page.
 * Usage: npx tsx scripts/build-pdf-samples.ts   (then look at them: pdftoppm -png -r 60)
 */
import { mkdirSync } from 'node:fs';
import { drawTable, line, newDoc, paginate, save, type RowSpec, type TableSpec } from './pdf-sample-kit.js';
import { seed001 } from './pdf-sample-seed001.js';
import { projectRows, seed003, seed003Widths } from './pdf-sample-seed003.js';
import { seed004 } from './pdf-sample-seed004.js';

const OUT = 'samples/pdf/built';
const BOTTOM_MARGIN = 50;

function pageNumber(doc: PDFKit.PDFDocument, n: number): void {
  line(doc, `- ${n} -`, doc.page.height - 30, 9, 'center');
}

async function buildSeed004(): Promise<void> {
  const doc = newDoc('portrait', seed004.title);
  const t: TableSpec = { widths: seed004.widths, fontSize: 8, minRow: 18 };
  line(doc, seed004.title, 40, 15, 'center');
  line(doc, seed004.year, 62, 10, 'center');
  let y = drawTable(doc, t, seed004.head, 40, 84);
  const headH = 18;
  const firstRoom = doc.page.height - BOTTOM_MARGIN - y - headH;
  const nextRoom = doc.page.height - BOTTOM_MARGIN - 40 - headH;
  const pages = paginate(doc, t, seed004.body, [firstRoom, nextRoom]);
  pages.forEach((rows, i) => {
    if (i > 0) {
      doc.addPage();
      y = 40;
    }
    // The indicator header is the first row of the indicator block on every page, as in seed 004.
    drawTable(doc, t, [seed004.indicatorHead, ...rows], 40, y);
    pageNumber(doc, i + 1);
  });
  await save(doc, `${OUT}/hengyang-2022-dept-target-fragmented.pdf`);
  console.log(`seed 004: ${pages.length} pages`);
}

async function buildSeed001(): Promise<void> {
  const doc = newDoc('portrait', seed001.title);
  const t: TableSpec = { widths: seed001.widths, fontSize: 10, minRow: 26 };
  const split = 17;
  const parts = [seed001.body.slice(0, split), seed001.body.slice(split)];
  parts.forEach((rows: RowSpec[], i) => {
    if (i > 0) doc.addPage();
    line(doc, seed001.title, 50, 14, 'center');
    line(doc, seed001.label, 72, 10, 'right');
    line(doc, seed001.dept, 90, 10, 'left');
    line(doc, seed001.unit, 90, 10, 'right');
    const bottom = drawTable(doc, t, [...seed001.head, ...rows], 50, 108);
    if (i === parts.length - 1) {
      doc.fontSize(9).text(seed001.note, 50, bottom + 8, { width: 495 });
    }
    pageNumber(doc, i + 1);
  });
  await save(doc, `${OUT}/yangling-2019-final-table06-two-pages.pdf`);
}

async function buildSeed003(): Promise<void> {
  const doc = newDoc('portrait', '2020年部门预算绩效文本 项目支出绩效目标表');
  const t: TableSpec = { widths: seed003Widths, fontSize: 9, minRow: 22 };
  seed003.projects.forEach((p, i) => {
    if (i > 0) doc.addPage();
    line(doc, p.title, 50, 14, 'center');
    line(doc, seed003.unitCode, 76, 10, 'left', 40);
    line(doc, seed003.unit, 76, 10, 'right');
    drawTable(doc, t, projectRows(p), 40, 94);
    pageNumber(doc, i + 6);
  });
  await save(doc, `${OUT}/funing-2020-project-targets.pdf`);
}

mkdirSync(OUT, { recursive: true });
await buildSeed004();
await buildSeed001();
await buildSeed003();
