/**
 * Builds samples/pdf/built/jiangsu-2024-jiangsu-style-budget-tables.pdf (issue 11, "titles above a 部门： line"):
 * a constructed Jiangsu-style 省级部门预算公开表 of an invented department (江苏省文物保护厅), laid out the way the
 * Jiangsu 2017–2019 tables print (read, not copied): each table's title centred at the top of its page, its
 * `公开表N` label on the next line at the left, then `部门：…` at the left and `单位：万元` at the right, then the ruled
 * grid. Six tables on 8 pages (A4; the two-sided 收支预算总表 landscape):
 *   p1 公开表一 收支预算总表 (收入 | 支出: 功能分类 · 支出用途), p2 公开表二 收入预算总表 (group cells merged down),
 *   p3 公开表三 支出预算总表 (one line of figures), p4 公开表四 财政拨款收支预算总表,
 *   p5–6 公开表五 一般公共预算支出预算表 (科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出, 类/款/项 lines): page 6
 *        repeats the title, the label, the 部门 / 单位 line and the header,
 *   p7–8 公开表六 一般公共预算基本支出预算表 (合计 | 人员经费 | 公用经费): page 8 goes on with the lines alone,
 *        no title, no header.
 * All figures are in scripts/jiangsu-style-sample/data.ts; every identity listed there is checked before printing.
 * pdfkit with fonts-wqy-zenhei (subset embedded), cell rectangles stroked one by one (scripts/pdf-sample-kit.ts);
 * fixed PDF dates, so rebuilding gives the same bytes.
 * Usage: npx tsx scripts/build-jiangsu-style-sample.ts   (then look at it: pdftoppm -r 80 -png)
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import PDFDocument from 'pdfkit';
import { CJK_FONT, drawTable, save, type CellSpec, type RowSpec, type TableSpec } from './pdf-sample-kit.js';
import { checkCodes, rowMismatches, treeMismatches, units, type Line } from './hard-samples/sums.js';
import { jiangsuStyle as d, type Amount, type CodedLine } from './jiangsu-style-sample/data.js';

const CREATED = new Date('2024-02-01T00:00:00Z');
const PAGE_H = 841.89;
/** Lowest point a table line may reach on a page. */
const FLOOR = 770;
const TITLE_Y = 40;

// ---------------------------------------------------------------- sums

const v = (a: Amount): number => units(a, 2);
const sum = (xs: readonly Amount[]): number => xs.reduce((s, x) => s + v(x), 0);

function expect(what: string, printed: Amount, value: number): void {
  if (v(printed) !== value)
    throw new Error(`${what}: printed ${printed || '(blank)'}, sums to ${(value / 100).toFixed(2)}`);
}

function checkLines(name: string, rows: readonly CodedLine[], parts: number[]): void {
  const lines: Line[] = rows.map(([code, , a]) => ({ code, values: a.map(v) }));
  checkCodes(lines);
  const bad = [...treeMismatches(lines), ...rowMismatches(lines, 0, parts, ['合计', 'a', 'b'])];
  if (bad.length)
    throw new Error(
      `${name}: ${bad.map((m) => `${m.identity} ${m.code || '合计'} col ${m.column}: ${m.printed} vs ${m.sumOfParts}`).join('; ')}`,
    );
}

function checkAll(): void {
  const s = d.summary;
  const inc = (label: string) => s.income.find(([l]) => l.trim() === label)![1];
  const tot = (label: string) => s.totals.find(([l, , r]) => l === label || r === label)!;
  expect('一、财政拨款', inc('一、财政拨款'), sum([inc('1.一般公共预算'), inc('2.政府性基金预算')]));
  const currentIncome = sum([inc('一、财政拨款'), inc('二、财政专户管理资金'), inc('三、其他资金')]);
  expect('当年收入小计', tot('当年收入小计')[1], currentIncome);
  expect('收入合计', tot('收入合计')[1], currentIncome + v(tot('上年结转资金')[1]));
  const spent = sum(s.functional.map(([, a]) => a));
  expect('Σ 支出用途', tot('当年支出小计')[3], sum(s.purpose.map(([, a]) => a)));
  expect('当年支出小计 (Σ 功能分类)', tot('当年支出小计')[3], spent);
  expect('支出合计', tot('支出合计')[3], spent + v(tot('结转下年资金')[3]));
  expect('收入合计 = 支出合计', tot('收入合计')[1], v(tot('支出合计')[3]));

  const r = d.income.rows;
  const groups = [...new Set(r.map(([g]) => g).filter(Boolean))];
  for (const g of groups) {
    const lines = r.filter(([x]) => x === g);
    const items = lines.slice(1).filter(([, l]) => !l.startsWith('其中'));
    if (items.length) expect(`${g} 小计`, lines[0]![2], sum(items.map(([, , a]) => a)));
  }
  const subtotal = (g: string) => r.find(([x, l]) => x === g && l === '小计')![2];
  expect('收入总计', r[0]![2], sum(groups.map(subtotal)));
  expect('收入总计 = 收支总表 收入合计', r[0]![2], v(tot('收入合计')[1]));
  expect('一般公共预算资金 = 1.一般公共预算', subtotal('一般公共预算资金'), v(inc('1.一般公共预算')));
  expect('其他资金 = 三、其他资金', subtotal('其他资金'), v(inc('三、其他资金')));
  expect('上年结转和结余资金 = 上年结转资金', subtotal('上年结转和结余资金'), v(tot('上年结转资金')[1]));

  const e = d.expenditure.values;
  expect('支出预算总表 合计', e[0]!, sum(e.slice(1)));
  expect('支出预算总表 合计 = 支出合计', e[0]!, v(tot('支出合计')[3]));
  s.purpose.forEach(([label, a], i) => expect(`支出预算总表 ${label}`, e[i + 1]!, v(a)));

  const f = d.fiscalSummary;
  expect('财政拨款 收入合计', f.totals[1], sum(f.rows.map((x) => x[1])));
  expect('财政拨款 支出合计', f.totals[3], sum(f.rows.map((x) => x[3])));
  expect('财政拨款 收入合计 = 一、财政拨款', f.totals[1], v(inc('一、财政拨款')));
  expect('财政拨款 收入合计 = 支出合计', f.totals[1], v(f.totals[3]));

  checkLines('一般公共预算支出预算表', d.gpbFunctional.rows, [1, 2]);
  checkLines('一般公共预算基本支出预算表', d.gpbBasicEconomic.rows, [1, 2]);
  const g = d.gpbFunctional.rows[0]![2];
  expect('一般公共预算支出 合计 = 一、一般公共预算', g[0]!, v(f.rows[0]![1]));
  expect('一般公共预算支出 基本支出 = 财政拨款 基本支出', g[1]!, v(f.rows[0]![3]));
  expect('一般公共预算支出 项目支出 = 财政拨款 项目支出', g[2]!, v(f.rows[1]![3]));
  expect('基本支出预算表 合计 = 基本支出', d.gpbBasicEconomic.rows[0]![2][0]!, v(g[1]!));
  // Each 类 of the 收支总表 holds at least its 一般公共预算 part; the rest is 其他资金 + 上年结转资金.
  let rest = 0;
  for (const [code, , a] of d.gpbFunctional.rows.filter(([c]) => c.length === 3)) {
    const name = d.gpbFunctional.rows.find(([c]) => c === code)![1];
    const line = s.functional.find(([l]) => l.endsWith(`、${name}`));
    if (!line) throw new Error(`收支预算总表 prints no 类 ${name}`);
    if (v(line[1]) < v(a[0]!)) throw new Error(`收支预算总表 ${name} ${line[1]} < 一般公共预算 ${a[0]}`);
    rest += v(line[1]) - v(a[0]!);
  }
  if (rest !== v(inc('三、其他资金')) + v(tot('上年结转资金')[1]))
    throw new Error('收支预算总表: 类 beyond 一般公共预算 ≠ 其他资金 + 上年结转资金');
}

// ---------------------------------------------------------------- printing

const mid = (text: string, more: Partial<CellSpec> = {}): CellSpec => ({ text, align: 'center', ...more });
const right = (text: string): CellSpec => ({ text, align: 'right' });

function newDoc(): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 40,
    autoFirstPage: true,
    info: {
      Title: `${d.department}${d.year}年部门预算公开表`,
      Creator: 'scripts/build-jiangsu-style-sample.ts',
      Producer: 'budgetdoc build-jiangsu-style-sample (pdfkit)',
      CreationDate: CREATED,
      ModDate: CREATED,
    },
  });
  doc.registerFont('cjk', CJK_FONT, 'WenQuanYiZenHei');
  doc.font('cjk');
  return doc;
}

function text(doc: PDFKit.PDFDocument, s: string, x: number, y: number, size: number): void {
  doc.fontSize(size).text(s, x, y, { lineBreak: false });
}

/** Title centred over the table, label at its left, 部门 line left and 单位 right; returns where the grid starts. */
function head(doc: PDFKit.PDFDocument, title: string, label: string, x: number, width: number): number {
  doc.fontSize(16);
  text(doc, title, x + (width - doc.widthOfString(title)) / 2, TITLE_Y, 16);
  text(doc, label, x, TITLE_Y + 28, 9);
  text(doc, d.dept, x, TITLE_Y + 44, 10);
  doc.fontSize(10);
  text(doc, d.unit, x + width - doc.widthOfString(d.unit), TITLE_Y + 44, 10);
  return TITLE_Y + 62;
}

const left = (doc: PDFKit.PDFDocument, widths: number[]): number =>
  (doc.page.width - widths.reduce((s, w) => s + w, 0)) / 2;
const total = (widths: number[]): number => widths.reduce((s, w) => s + w, 0);

function pageSummary(doc: PDFKit.PDFDocument): void {
  const s = d.summary;
  const widths = [150, 90, 190, 90, 150, 90];
  const t: TableSpec = { widths, fontSize: 8.5, minRow: 15.5 };
  const x = left(doc, widths);
  const y = head(doc, s.title, s.label, x, total(widths));
  const rows: RowSpec[] = [
    [mid('收入', { colSpan: 2 }), null, mid('支出', { colSpan: 4 }), null, null, null],
    [
      mid('项目名称', { rowSpan: 2 }),
      mid('金额', { rowSpan: 2 }),
      mid('功能分类', { colSpan: 2 }),
      null,
      mid('支出用途', { colSpan: 2 }),
      null,
    ],
    [null, null, mid('功能科目名称'), mid('金额'), mid('项目名称'), mid('金额')],
  ];
  s.functional.forEach(([fl, fa], i) => {
    const inc = s.income[i];
    const use = s.purpose[i];
    rows.push([
      inc ? inc[0] : '',
      right(inc ? inc[1] : ''),
      fl,
      right(fa),
      use ? use[0] : '',
      right(use ? use[1] : ''),
    ]);
  });
  for (const [il, ia, el, ea] of s.totals)
    rows.push([mid(il), right(ia), mid(el, { colSpan: 3 }), null, null, right(ea)]);
  drawTable(doc, t, rows, x, y);
}

function pageIncome(doc: PDFKit.PDFDocument): void {
  const r = d.income.rows;
  const widths = [150, 200, 150];
  const t: TableSpec = { widths, fontSize: 10, minRow: 28 };
  const x = left(doc, widths);
  const y = head(doc, d.income.title, d.income.label, x, total(widths));
  const rows: RowSpec[] = [[mid('项目名称', { colSpan: 2 }), null, mid('金额')]];
  r.forEach(([g, l, a], i) => {
    if (g === '') {
      rows.push([mid(l, { colSpan: 2 }), null, right(a)]);
      return;
    }
    const first = r.findIndex(([x]) => x === g) === i;
    const span = r.filter(([x]) => x === g).length;
    rows.push([first ? mid(g, { rowSpan: span }) : null, l, right(a)]);
  });
  drawTable(doc, t, rows, x, y);
}

function pageExpenditure(doc: PDFKit.PDFDocument): void {
  const e = d.expenditure;
  const widths = [103, 103, 103, 103, 103];
  const t: TableSpec = { widths, fontSize: 10.5, minRow: 30 };
  const x = left(doc, widths);
  const y = head(doc, e.title, e.label, x, total(widths));
  drawTable(doc, t, [e.columns.map((c) => mid(c)), e.values.map(right)], x, y);
}

function pageFiscalSummary(doc: PDFKit.PDFDocument): void {
  const f = d.fiscalSummary;
  const widths = [140, 110, 150, 110];
  const t: TableSpec = { widths, fontSize: 10, minRow: 34 };
  const x = left(doc, widths);
  const y = head(doc, f.title, f.label, x, total(widths));
  const rows: RowSpec[] = [
    [mid('收入', { colSpan: 2 }), null, mid('支出', { colSpan: 2 }), null],
    [mid('项目名称', { rowSpan: 2 }), mid('金额', { rowSpan: 2 }), mid('支出用途', { colSpan: 2 }), null],
    [null, null, mid('项目名称'), mid('金额')],
    ...f.rows.map(([il, ia, el, ea]): RowSpec => [il, right(ia), el, right(ea)]),
    [mid(f.totals[0]), right(f.totals[1]), mid(f.totals[2]), right(f.totals[3])],
  ];
  drawTable(doc, t, rows, x, y);
}

/** A 科目编码 table: header row, then lines; 合计 merged over code and name. */
function codedRows(lines: readonly CodedLine[]): RowSpec[] {
  return lines.map(([code, name, a]) =>
    code === '' ? [mid(name, { colSpan: 2 }), null, ...a.map(right)] : [code, name, ...a.map(right)],
  );
}

/** How many lines of height `h` fit under `top` on a page. */
const linesThatFit = (top: number, h: number): number => Math.floor((FLOOR - top) / h);

function pagesCoded(
  doc: PDFKit.PDFDocument,
  table: typeof d.gpbFunctional | typeof d.gpbBasicEconomic,
  repeatTitle: boolean,
  rowH: number,
): void {
  const widths = [90, 215, 80, 80, 80];
  const t: TableSpec = { widths, fontSize: 9.5, minRow: rowH };
  const header: RowSpec = [mid('科目编码'), mid('科目名称'), ...table.columns.map((c) => mid(c))];
  const x = left(doc, widths);
  const body = codedRows(table.rows);
  let at = 0;
  let page = 0;
  while (at < body.length) {
    if (page > 0) doc.addPage({ size: 'A4', layout: 'portrait', margin: 40 });
    const withHead = page === 0 || repeatTitle;
    const y = withHead ? head(doc, table.title, table.label, x, total(widths)) : TITLE_Y;
    const top = withHead ? y + rowH : y;
    const n = Math.min(body.length - at, linesThatFit(top, rowH));
    if (page === 0 && n !== table.firstPage)
      throw new Error(`${table.title}: ${n} lines fit page 1, the data says ${table.firstPage}`);
    drawTable(doc, t, [...(withHead ? [header] : []), ...body.slice(at, at + n)], x, y);
    at += n;
    page++;
  }
  if (page !== 2) throw new Error(`${table.title}: printed on ${page} pages, not 2`);
}

async function main(): Promise<void> {
  checkAll();
  mkdirSync(dirname(d.file), { recursive: true });
  const doc = newDoc();
  pageSummary(doc);
  const portrait = () => doc.addPage({ size: 'A4', layout: 'portrait', margin: 40 });
  portrait();
  pageIncome(doc);
  portrait();
  pageExpenditure(doc);
  portrait();
  pageFiscalSummary(doc);
  portrait();
  pagesCoded(doc, d.gpbFunctional, true, 34);
  portrait();
  pagesCoded(doc, d.gpbBasicEconomic, false, 22);
  if (Math.abs(doc.page.height - PAGE_H) > 1) throw new Error('last page is not A4 portrait');
  await save(doc, d.file);
  console.log(`wrote ${d.file}`);
}

await main();
