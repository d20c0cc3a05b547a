/**
 * The printed pages of the hard samples (scripts/build-hard-samples.ts), set with pdfkit and the ruled-table printer
 * of scripts/pdf-sample-kit.ts (fonts-wqy-zenhei subset embedded). All figures come from the data files beside this
 * one; nothing here computes an amount.
 */
import PDFDocument from 'pdfkit';
import { CJK_FONT, drawTable, line, save, type CellSpec, type RowSpec, type TableSpec } from '../pdf-sample-kit.js';
import { incomeFinal } from './income-final-data.js';
import { gongkai08 } from './gongkai08-data.js';
import { wholeYuan, type PrintedRow } from './whole-yuan-data.js';

/** Fixed dates, so rebuilding gives the same bytes. */
const CREATED = new Date('2025-03-01T00:00:00Z');

function newDoc(title: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: {
      Title: title,
      Creator: 'scripts/build-hard-samples.ts',
      Producer: 'budgetdoc build-hard-samples (pdfkit)',
      CreationDate: CREATED,
      ModDate: CREATED,
    },
  });
  doc.registerFont('cjk', CJK_FONT, 'WenQuanYiZenHei');
  doc.font('cjk');
  return doc;
}

/** A text line ending at `right` (the table's right edge), where the 公开NN表 label and 单位 line stand. */
function lineRight(doc: PDFKit.PDFDocument, text: string, y: number, size: number, right: number): void {
  doc.fontSize(size);
  doc.text(text, right - doc.widthOfString(text), y, { lineBreak: false });
}

const centre = (text: string, more: Partial<CellSpec> = {}): CellSpec => ({ text, align: 'center', ...more });
const right = (text: string): CellSpec => ({ text, align: 'right' });

/** Where a narrow header cell breaks its words, as the spreadsheet it was printed from set them. */
const HEADER_LINES: Record<string, string> = {
  本年收入合计: '本年收入\n合计',
  财政拨款收入: '财政拨款\n收入',
  上级补助收入: '上级补助\n收入',
  附属单位上缴收入: '附属单位\n上缴收入',
  功能分类科目编码: '功能分类\n科目编码',
};
const header = (text: string): string => HEADER_LINES[text] ?? text;

/**
 * 收入决算表 (公开02表) as a text PDF, one portrait page, 7.5 pt table text: the page the scan is made from.
 * 项 names are indented two spaces, as in seed 001's 公开02表.
 */
export async function buildIncomeFinalText(path: string): Promise<void> {
  const d = incomeFinal;
  const doc = newDoc(`${d.department}${d.year}年度部门决算 ${d.title}`);
  const widths = [54, 128, ...d.columns.map(() => 47)];
  const t: TableSpec = { widths, fontSize: 7.5, minRow: 16 };
  const x = (doc.page.width - widths.reduce((s, w) => s + w, 0)) / 2;
  line(doc, d.title, 46, 16, 'center');
  const edge = x + widths.reduce((s, w) => s + w, 0);
  lineRight(doc, d.label, 72, 9, edge);
  line(doc, d.dept, 88, 9, 'left', x);
  line(doc, d.period, 88, 9, 'center');
  lineRight(doc, d.unit, 88, 9, edge);
  const head: RowSpec[] = [
    [centre('项目', { colSpan: 2 }), null, ...d.columns.map((c) => centre(header(c.header), { rowSpan: 2 }))],
    [centre(header('功能分类科目编码')), centre('科目名称'), ...d.columns.map(() => null)],
  ];
  const body: RowSpec[] = d.rows.map(([code, name, amounts]) =>
    code === ''
      ? [centre(name, { colSpan: 2 }), null, ...amounts.map(right)]
      : [code, code.length === 7 ? `  ${name}` : name, ...amounts.map(right)],
  );
  const bottom = drawTable(doc, t, [...head, ...body], x, 104);
  line(doc, d.note, bottom + 8, 7.5, 'left', x);
  await save(doc, path);
}

/** 公开08表-style 一般公共预算基本支出预算表 with 基本支出 as its only amount column. */
export async function buildGongkai08(path: string): Promise<void> {
  const d = gongkai08;
  const doc = newDoc(`${d.department}${d.year}年部门预算 ${d.title}`);
  const widths = [100, 290, 60];
  const t: TableSpec = { widths, fontSize: 8, minRow: 16 };
  const x = (doc.page.width - widths.reduce((s, w) => s + w, 0)) / 2;
  line(doc, d.title, 36, 15, 'center');
  const edge = x + widths.reduce((s, w) => s + w, 0);
  lineRight(doc, d.label, 60, 9, edge);
  line(doc, d.dept, 76, 9, 'left', x);
  lineRight(doc, d.unit, 76, 9, edge);
  const head: RowSpec[] = [
    [centre('项目', { colSpan: 2 }), null, centre(d.column, { rowSpan: 2 })],
    [centre('科目编码'), centre('科目名称'), null],
  ];
  const body: RowSpec[] = d.rows.map(([code, name, amount]) =>
    code === '' ? [centre(name, { colSpan: 2 }), null, right(amount)] : [code, name, right(amount)],
  );
  const bottom = drawTable(doc, t, [...head, ...body], x, 92);
  doc.fontSize(8).text(d.note, x, bottom + 6, { width: widths.reduce((s, w) => s + w, 0) });
  await save(doc, path);
}

/** Shanghai prints a code in three cells: 类 (3 digits), 款 (2), 项 (2), the 类 repeated on every line. */
function splitCode(code: string, parts: number): string[] {
  const out = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].slice(0, parts);
  return out;
}

function yuanBody(rows: PrintedRow[], codeCols: number): RowSpec[] {
  return rows.map(([code, name, amounts]) =>
    code === ''
      ? [centre(name, { colSpan: codeCols + 1 }), ...Array<null>(codeCols).fill(null), ...amounts.map(right)]
      : [...splitCode(code, codeCols), name, ...amounts.map(right)],
  );
}

function yuanPage(
  doc: PDFKit.PDFDocument,
  title: string,
  widths: number[],
  head: RowSpec[],
  body: RowSpec[],
  page: number,
): void {
  const t: TableSpec = { widths, fontSize: 9, minRow: 18 };
  const x = (doc.page.width - widths.reduce((s, w) => s + w, 0)) / 2;
  line(doc, title, 48, 14, 'center');
  line(doc, wholeYuan.dept, 76, 10, 'left', x);
  lineRight(doc, wholeYuan.unit, 76, 10, x + widths.reduce((s, w) => s + w, 0));
  drawTable(doc, t, [...head, ...body], x, 94);
  line(doc, `${page}`, doc.page.height - 34, 9, 'center');
}

/** The 元 budget: the functional table on page 1, the economic table on page 2, 合计 last (Shanghai layout). */
export async function buildWholeYuan(path: string): Promise<void> {
  const d = wholeYuan;
  const doc = newDoc(`${d.department}${d.year}年预算单位预算`);
  const f = d.functional;
  yuanPage(
    doc,
    f.title,
    [26, 26, 26, 200, 64, 64, 64],
    [
      [centre('项目', { colSpan: 4 }), null, null, null, centre(f.group, { colSpan: 3 }), null, null],
      [
        centre('功能分类科目编码', { colSpan: 3 }),
        null,
        null,
        centre('功能分类科目名称', { rowSpan: 2 }),
        ...f.columns.map((c) => centre(c.header, { rowSpan: 2 })),
      ],
      [centre('类'), centre('款'), centre('项'), null, null, null, null],
    ],
    yuanBody(f.printed, 3),
    1,
  );
  doc.addPage();
  const e = d.economic;
  yuanPage(
    doc,
    e.title,
    [30, 30, 220, 64, 64, 64],
    [
      [centre('项目', { colSpan: 3 }), null, null, centre(e.group, { colSpan: 3 }), null, null],
      [
        centre('经济分类\n科目编码', { colSpan: 2 }),
        null,
        centre('部门经济分类科目名称', { rowSpan: 2 }),
        ...e.columns.map((c) => centre(c.header, { rowSpan: 2 })),
      ],
      [centre('类'), centre('款'), null, null, null, null],
    ],
    yuanBody(e.printed, 2),
    2,
  );
  await save(doc, path);
}
