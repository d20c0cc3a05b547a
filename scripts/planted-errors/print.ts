/**
 * Prints a FinalDocument (final-document.ts) as an A4 PDF with the project's PDF sample kit
 * (scripts/pdf-sample-kit.ts: pdfkit, fonts-wqy-zenhei subset embedded, ruled tables whose text layer runs row by
 * row): cover with the part list, 第一部分 with the unit list and the empty-table index, each 公开表 on a page of its
 * own under its title, label and 编制部门 … 金额单位 line, then the 情况说明 and 第四部分 as running text. Fixed PDF
 * dates: the same document gives the same bytes.
 */
import { parseGrid } from '../docx-samples/grid-spec.js';
import { type CellSpec, drawTable, line, newDoc, type RowSpec, type TableSpec } from '../pdf-sample-kit.js';
import type { FinalDocument, PrintedTable } from './final-document.js';

const LEFT = 40;
const WIDTH = 515;
const BOTTOM = 790;
const BODY = 10.5;
const LEADING = 17;

/** The grid notation as the kit's rows: anchors with their spans, null where a merge covers the slot. */
export function gridRows(src: string): RowSpec[] {
  const g = parseGrid(src);
  const rows: RowSpec[] = Array.from({ length: g.nRows }, () => Array.from({ length: g.nCols }, () => null));
  for (const c of g.cells) {
    const numeric = /^-?[\d,]+(\.\d+)?$/.test(c.text.trim());
    const spec: CellSpec = {
      text: c.text.replace(/^ +/, '') || '',
      align: numeric ? 'right' : c.row < 2 ? 'center' : 'left',
    };
    if (c.colSpan > 1) spec.colSpan = c.colSpan;
    if (c.rowSpan > 1) spec.rowSpan = c.rowSpan;
    rows[c.row]![c.col] = spec;
  }
  return rows;
}

/** Characters of `text` that fit `width` at the current font size, line by line (Chinese breaks anywhere). */
function wrapLines(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of text) {
    if (cur && doc.widthOfString(cur + ch) > width) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

class Printer {
  readonly doc = newDoc('portrait', '咸阳市杨陵区人大常委会办公室2019年度部门决算');
  y = 50;
  page = 1;
  /** What each page prints, in order, for finding a planted text's page. */
  readonly pages: string[] = [''];

  text(s: string, x: number, y: number, size: number, align: 'left' | 'center' | 'right' = 'left'): void {
    line(this.doc, s, y, size, align, x);
    this.pages[this.page - 1] += s;
  }

  newPage(): void {
    this.footer();
    this.doc.addPage();
    this.page++;
    this.pages.push('');
    this.y = 50;
  }

  footer(): void {
    line(this.doc, `- ${this.page} -`, this.doc.page.height - 30, 9, 'center');
  }

  paragraph(s: string, size = BODY): void {
    this.doc.fontSize(size);
    const indent = /^(第[一二三四]部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d\.)/.test(s)
      ? 0
      : 2 * size;
    wrapLines(this.doc, s, WIDTH - indent).forEach((l, i) => {
      if (this.y + LEADING > BOTTOM) this.newPage();
      this.text(l, LEFT + (i === 0 ? indent : 0), this.y, size);
      this.y += LEADING;
    });
  }

  /** A table's title lines: the 公开NN表 label right, 编制部门 left and 金额单位 right, anything else centred. */
  headers(lines: string[]): void {
    for (const raw of lines) {
      const s = raw.trim();
      if (/^公开\d+表$/.test(s)) this.text(s, LEFT, this.y, 9, 'right');
      else if (/^编制部门/.test(s)) {
        const [dept, unit] = s.split(/\s{2,}/);
        this.text(dept!, LEFT, this.y, 9);
        if (unit) this.text(unit, LEFT, this.y, 9, 'right');
      } else this.text(s, LEFT, this.y, /^第[一二三四]部分/.test(s) ? 14 : 13, 'center');
      this.y += /^第[一二三四]部分/.test(s) ? 26 : 20;
    }
  }

  grid(src: string, widths: number[], fontSize = 7.5): void {
    const spec: TableSpec = { widths, fontSize, minRow: 15 };
    this.y = drawTable(this.doc, spec, gridRows(src), LEFT, this.y) + 8;
    this.pages[this.page - 1] += parseGrid(src)
      .cells.map((c) => c.text)
      .join('');
  }

  table(t: PrintedTable): void {
    this.newPage();
    this.headers(t.headers);
    this.grid(t.grid, t.widths);
    if (t.note) this.paragraph(t.note, 8);
  }
}

export interface Printed {
  bytes: Uint8Array;
  /** The text each page prints (spaces kept), 1-based page n at index n − 1. */
  pages: string[];
}

export async function printFinal(d: FinalDocument): Promise<Printed> {
  const p = new Printer();
  for (const c of d.cover) {
    p.text(c, LEFT, 120, 18, 'center');
    p.y = 200;
  }
  for (const part of d.parts) {
    p.text(part, LEFT, p.y, 12, 'center');
    p.y += 26;
  }
  p.newPage();
  for (const s of d.overview) p.paragraph(s);
  p.grid(d.unitList, [80, 435], 9);
  for (const s of d.staff) p.paragraph(s);
  p.grid(d.emptyIndex, [50, 300, 55, 110], 9);
  for (const t of d.tables) p.table(t);
  p.newPage();
  p.paragraph(d.narrativeHeading, 14);
  for (const s of [...d.narrative, ...d.more]) p.paragraph(s);
  p.newPage();
  for (const s of d.glossary) p.paragraph(s);
  p.footer();
  const chunks: Buffer[] = [];
  p.doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => p.doc.on('end', () => resolve()));
  p.doc.end();
  await done;
  return { bytes: new Uint8Array(Buffer.concat(chunks)), pages: p.pages };
}
