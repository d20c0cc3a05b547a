import type { Recipe } from './recipe.js';

const MB = 1024 * 1024;
const page = (body: string, head = '') =>
  `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>2019年度部门决算-某县财政局</title>${head}</head><body>\n<h1>2019年度部门决算</h1>\n<p>发布时间：2020-08-01 10:00 信息来源：某县财政局</p>\n${body}\n</body></html>\n`;

/** Repeats `unit` into about `bytes` bytes without building the string char by char. */
function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}

const encode = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const rows = (n: number, tr: (i: number) => string) => Array.from({ length: n }, (_, i) => tr(i)).join('\n');

/** Pages too big or too deep for a naive reader (kind html-big). */
function bigPages(): Array<[string, string, () => Uint8Array]> {
  return [
    [
      'body-50mb-one-paragraph',
      'a 50 MB body: one paragraph of text',
      () => encode(page(`<p>${fill('一般公共预算财政拨款支出决算', 50 * MB)}</p>`)),
    ],
    [
      'body-50mb-lines',
      'a 50 MB body: a million short paragraphs',
      () => encode(page(fill('<p>基本支出 人员经费 490.68</p>\n', 50 * MB))),
    ],
    [
      'table-200000-rows',
      'a table of 200 000 rows × 5 columns',
      () =>
        encode(
          page(
            `<table><tr><th>科目编码</th><th>科目名称</th><th>合计</th><th>基本支出</th><th>项目支出</th></tr>\n${rows(200_000, (i) => `<tr><td>${201 + (i % 90)}</td><td>项目${i}</td><td>${i}.00</td><td>${i}.00</td><td>0.00</td></tr>`)}</table>`,
          ),
        ),
    ],
    [
      'table-1000x100000-colspan',
      'a table of 1000 rows × 100 000 columns (100 cells of colspan 1000 per row)',
      () => encode(page(`<table>${rows(1000, () => `<tr>${'<td colspan="1000">1</td>'.repeat(100)}</tr>`)}</table>`)),
    ],
    [
      'table-1000x100000-cells',
      'a table of 1000 rows × 100 000 real (empty, unclosed) cells on every 50th row, 1 cell elsewhere',
      () =>
        encode(page(`<table>${rows(1000, (i) => `<tr>${i % 50 === 0 ? '<td>'.repeat(100_000) : '<td>1'}`)}</table>`)),
    ],
    [
      'spans-1e8',
      'rowspan and colspan 100000000 on every cell of 1000 rows',
      () =>
        encode(
          page(
            `<table>${rows(1000, (i) => `<tr>${`<td rowspan="100000000" colspan="100000000">${i}</td>`.repeat(10)}</tr>`)}</table>`,
          ),
        ),
    ],
    [
      'nested-divs-100000',
      '100 000 nested div elements',
      () => encode(page(`${'<div>'.repeat(100_000)}合计 490.68${'</div>'.repeat(100_000)}`)),
    ],
    [
      'tables-20000',
      '20 000 small tables',
      () =>
        encode(page(rows(20_000, (i) => `<p>公开0${i % 9}表</p><table><tr><td>合计</td><td>${i}</td></tr></table>`))),
    ],
  ];
}

/** Entities and characters a reader must not expand or store as they are (kinds xml-entities, text-unstorable). */
function hostileText(): Array<[Recipe['kind'], string, string, () => Uint8Array]> {
  const cells = (a: string, b: string) =>
    `<table><tr><td>项目</td><td>金额</td></tr><tr><td>${a}</td><td>${b}</td></tr></table>`;
  return [
    [
      'xml-entities',
      'html-xxe',
      'a DOCTYPE with an external entity to file:///etc/passwd used in a cell',
      () =>
        encode(
          page(cells('合计', '&xxe;')).replace(
            '<!DOCTYPE html>',
            '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
          ),
        ),
    ],
    [
      'text-unstorable',
      'html-nul-bytes',
      'raw NUL bytes inside table cells',
      () => encode(page(cells('合计\u0000', '490.68\u0000\u0000'))),
    ],
    [
      'text-unstorable',
      'html-nul-refs',
      '&#0; and &#xD800; character references in cells',
      () => encode(page(cells('合计&#0;', '490.68&#xD800;&#xDFFF;'))),
    ],
    [
      'text-unstorable',
      'html-controls',
      'C0 control characters and U+FFFF in cells',
      () => encode(page(cells('合\u0001\u0002\u001f计', '490.68\uffff\ufffe'))),
    ],
    [
      'text-unstorable',
      'html-bad-utf8',
      'declared UTF-8, holding invalid UTF-8 sequences and a lone surrogate encoded as UTF-8 bytes',
      () =>
        new Uint8Array(
          Buffer.concat([
            Buffer.from(page(cells('合计', 'X')).split('X')[0]!, 'utf8'),
            Buffer.from([0xed, 0xa0, 0x80, 0xc3, 0x28, 0xff, 0xfe]),
            Buffer.from(page(cells('合计', 'X')).split('X')[1]!, 'utf8'),
          ]),
        ),
    ],
  ];
}

export function htmlRecipes(): Recipe[] {
  return [
    ...bigPages().map(
      ([name, note, make]): Recipe => ({
        path: `html-big/${name}.html`,
        kind: 'html-big',
        base: 'crafted',
        note,
        make,
      }),
    ),
    ...hostileText().map(
      ([kind, name, note, make]): Recipe => ({ path: `${kind}/${name}.html`, kind, base: 'crafted', note, make }),
    ),
  ];
}
