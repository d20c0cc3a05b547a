/**
 * Rebuilds seed 002 (湖南 洪江市 2023 部门整体支出绩效目标表, a finance-bureau article page) as the HTML page it
 * was extracted from: a GB2312-declared article whose body is one table with rowspan/colspan.
 * The seed prints each table row as `cell | cell | ...` with the merged cells missing; the spans below
 * restore them (8 columns, as the indicator header row shows).
 *
 * Usage: npx tsx scripts/build-html-samples.ts /path/to/002_3682ea16efa1e965.txt
 */
import { readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';

const N_COLS = 8;
const seedPath = process.argv[2] ?? '../shared/seeds/002_3682ea16efa1e965.txt';
const lines = readFileSync(seedPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const td = (text: string, attrs: { rowspan?: number; colspan?: number } = {}) => {
  const a = [
    attrs.rowspan && attrs.rowspan > 1 ? ` rowspan="${attrs.rowspan}"` : '',
    attrs.colspan && attrs.colspan > 1 ? ` colspan="${attrs.colspan}"` : '',
  ].join('');
  return `<td${a}>${esc(text)}</td>`;
};
const cellsOf = (line: string) => {
  const cells = line.split('|').map((c) => c.trim());
  while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
  return cells;
};

const [infoLine, titleLine, unitLine, nameLine, goalLine, ...rest] = lines;
const published = /发布时间:(\S+ \S+)/.exec(infoLine!)![1]!;
const publisher = /信息来源:(\S+)/.exec(infoLine!)![1]!;
const title = cellsOf(titleLine!)[0]!;

const rows: string[] = [];
rows.push(`<tr>${td(title, { colspan: N_COLS })}</tr>`);
rows.push(`<tr>${td(cellsOf(unitLine!)[0]!, { colspan: N_COLS })}</tr>`);
for (const l of [nameLine!, goalLine!]) {
  const [k, v] = cellsOf(l);
  rows.push(`<tr>${td(k!)}${td(v ?? '', { colspan: N_COLS - 1 })}</tr>`);
}

// 年度主要任务: a header row then one row per task, the block label spanning all of them.
const budgetAt = rest.findIndex((l) => l.startsWith('预算情况'));
const taskLines = rest.slice(0, budgetAt);
taskLines.forEach((l, i) => {
  const c = cellsOf(l);
  const [name, content] = i === 0 ? [c[1]!, c[2]!] : [c[0]!, c[1] ?? ''];
  const label = i === 0 ? td(c[0]!, { rowspan: taskLines.length }) : '';
  rows.push(`<tr>${label}${td(name, { colspan: 2 })}${td(content, { colspan: N_COLS - 3 })}</tr>`);
});

// 预算情况: five label/value rows under one block label.
const headerAt = rest.findIndex((l) => l.startsWith('一级指标'));
const budgetLines = rest.slice(budgetAt, headerAt);
budgetLines.forEach((l, i) => {
  const c = l.split('|').map((x) => x.trim());
  const [label, value] = i === 0 ? [c[1]!, c[2] ?? ''] : [c[0]!, c[1] ?? ''];
  const head = i === 0 ? td(c[0]!, { rowspan: budgetLines.length }) : '';
  rows.push(`<tr>${head}${td(label, { colspan: 3 })}${td(value, { colspan: N_COLS - 4 })}</tr>`);
});

// Indicators: 8 cells open a 一级 group, 7 cells a 二级 group, 6 cells continue the current one.
rows.push(
  `<tr>${cellsOf(rest[headerAt]!)
    .map((c) => `<th>${esc(c)}</th>`)
    .join('')}</tr>`,
);
interface IndRow {
  cells: string[];
  l1?: string;
  l2?: string;
  l1Span: number;
  l2Span: number;
}
const ind: IndRow[] = [];
let l1Row: IndRow | undefined;
let l2Row: IndRow | undefined;
for (const l of rest.slice(headerAt + 1)) {
  const raw = l.split('|').map((x) => x.trim());
  const c = raw.length >= N_COLS ? raw.slice(0, N_COLS) : raw;
  const filled = cellsOf(l).length;
  const r: IndRow = { cells: [], l1Span: 1, l2Span: 1 };
  if (filled >= 7 && /分\)$/.test(c[0]!) && /分\)$/.test(c[1]!)) {
    r.l1 = c[0]!;
    r.l2 = c[1]!;
    r.cells = c.slice(2, 8);
    l1Row = r;
    l2Row = r;
  } else if (/分\)$/.test(c[0]!) && !/分\)$/.test(c[1] ?? '')) {
    r.l2 = c[0]!;
    r.cells = c.slice(1, 7);
    l1Row!.l1Span++;
    l2Row = r;
  } else {
    r.cells = c.slice(0, 6);
    l1Row!.l1Span++;
    l2Row!.l2Span++;
  }
  while (r.cells.length < 6) r.cells.push('');
  ind.push(r);
}
for (const r of ind) {
  const l1 = r.l1 !== undefined ? td(r.l1, { rowspan: r.l1Span }) : '';
  const l2 = r.l2 !== undefined ? td(r.l2, { rowspan: r.l2Span }) : '';
  rows.push(`<tr>${l1}${l2}${r.cells.map((c) => td(c)).join('')}</tr>`);
}

const html = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>${esc(title)}-洪江市人民政府</title>
<link rel="stylesheet" href="/css/style.css" />
</head>
<body>
<div class="header"><a href="/">洪江市人民政府门户网站</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/czzj/">财政资金</a></div>
<div class="main">
<h1 class="article-title">${esc(title)}</h1>
<div class="article-info"><span>发布时间:${esc(published)}</span>&nbsp;&nbsp;<span>信息来源:${esc(publisher)}</span>&nbsp;&nbsp;<span>【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span></div>
<div class="article-content">
<table border="1" cellspacing="0" cellpadding="0" width="100%">
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>
</div>
<div class="footer">主办：洪江市人民政府办公室</div>
</body>
</html>
`;
const out = 'samples/html/hongjiang-2023-gov-office-dept-target.html';
writeFileSync(out, iconv.encode(html, 'gbk'));
console.error(`wrote ${out}: ${rows.length} table rows`);
