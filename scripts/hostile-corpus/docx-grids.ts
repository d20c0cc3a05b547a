import { baseNamed } from './bases.js';
import { text, withPart } from './packages.js';
import { cell, docx, documentXml, para, row2, table } from './ooxml.js';
import { type Recipe, utf8 } from './recipe.js';

/** Native tables whose spans or sizes would expand to hundreds of millions of grid cells (kind docx-grid). */
export function docxGridRecipes(): Recipe[] {
  const kaili = baseNamed('docx-kaili');
  const rows = (n: number, tr: (i: number) => string) => Array.from({ length: n }, (_, i) => tr(i)).join('');
  const grid1 = '<w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>';
  const list: Array<[string, string, () => Uint8Array]> = [
    [
      'gridspan-1e8-30000-rows',
      'w:gridSpan 100000000 on each of 30 000 rows',
      () =>
        docx(
          documentXml(
            `<w:tbl>${grid1}${rows(30_000, (i) => `<w:tr>${cell(`行${i}`, '<w:gridSpan w:val="100000000"/>')}</w:tr>`)}</w:tbl>`,
          ),
        ),
    ],
    [
      'gridbefore-after-1e8',
      'w:gridBefore and w:gridAfter 100000000 on 30 000 rows',
      () =>
        docx(
          documentXml(
            `<w:tbl>${grid1}${rows(30_000, (i) => `<w:tr><w:trPr><w:gridBefore w:val="100000000"/><w:gridAfter w:val="100000000"/></w:trPr>${cell(`${i}`)}</w:tr>`)}</w:tbl>`,
          ),
        ),
    ],
    [
      'vmerge-30000-rows',
      'one 1000-column cell merged down 30 000 rows (w:vMerge)',
      () =>
        docx(
          documentXml(
            `<w:tbl>${grid1}${rows(30_000, (i) => `<w:tr>${cell(i ? '' : '合计', `<w:gridSpan w:val="1000"/><w:vMerge${i ? '' : ' w:val="restart"'}/>`)}</w:tr>`)}</w:tbl>`,
          ),
        ),
    ],
    [
      'tblgrid-100000-cols',
      '100 000 w:gridCol in the table grid over 30 000 rows',
      () =>
        docx(
          documentXml(
            `<w:tbl><w:tblGrid>${'<w:gridCol w:w="10"/>'.repeat(100_000)}</w:tblGrid>${rows(30_000, (i) => `<w:tr>${cell(`${i}`)}</w:tr>`)}</w:tbl>`,
          ),
        ),
    ],
    [
      'rows-100000',
      '100 000 rows of one cell',
      () => docx(documentXml(`<w:tbl>${grid1}${rows(100_000, (i) => `<w:tr>${cell(`${i}`)}</w:tr>`)}</w:tbl>`)),
    ],
    [
      'cells-300000',
      '5000 rows × 60 real cells',
      () =>
        docx(
          documentXml(
            `<w:tbl>${grid1}${rows(5000, (i) => `<w:tr>${Array.from({ length: 60 }, (_, k) => cell(`${i}.${k}`)).join('')}</w:tr>`)}</w:tbl>`,
          ),
        ),
    ],
    [
      'nested-tables-20000',
      'tables nested 20 000 deep',
      () =>
        docx(
          documentXml(`${'<w:tbl><w:tr><w:tc>'.repeat(20_000)}${para('x')}${'</w:tc></w:tr></w:tbl>'.repeat(20_000)}`),
        ),
    ],
    [
      'nested-sdt-50000',
      'content controls (w:sdt) nested 50 000 deep around a row',
      () =>
        docx(
          documentXml(
            `<w:tbl>${grid1}${'<w:sdt><w:sdtContent>'.repeat(50_000)}<w:tr>${cell('x')}</w:tr>${'</w:sdtContent></w:sdt>'.repeat(50_000)}</w:tbl>`,
          ),
        ),
    ],
  ];
  return list.map(([name, note, make]) => ({
    path: `docx-grid/${name}.docx`,
    kind: 'docx-grid',
    base: kaili.from,
    note,
    make,
  }));
}

/** Text a PostgreSQL jsonb column refuses: NUL, lone surrogates, C0 controls (kind text-unstorable). */
export function unstorableOoxml(): Recipe[] {
  const kaili = baseNamed('docx-kaili');
  const xlsx = baseNamed('xlsx-');
  const sheet = text(xlsx, 'xl/worksheets/sheet1.xml');
  // SheetJS unescapes _xHHHH_ in strings (ECMA-376 §22.9.2.19 ST_Xstring), so these reach the cell text.
  const escaped = (esc: string) =>
    sheet.replace(
      /<c r="B2"[^>]*>.*?<\/c>/,
      `<c r="B2" t="inlineStr"><is><t>区级预算${esc}（项目）绩效目标自评表</t></is></c>`,
    );
  const list: Array<[string, string, string, () => Uint8Array]> = [
    [
      'docx-nul-ref.docx',
      'character references &#0; and &#x1; in table cells',
      kaili.from,
      () => docx(documentXml(table(row2('合计&#0;', '490.68&#x1;')))),
    ],
    [
      'docx-nul-raw.docx',
      'raw NUL bytes inside w:t',
      kaili.from,
      () => docx(new Uint8Array(Buffer.from(documentXml(table(row2('合计\u0000', '490.68\u0000'))), 'utf8'))),
    ],
    [
      'docx-lone-surrogate.docx',
      '&#xD800; (a lone surrogate) in a cell',
      kaili.from,
      () => docx(documentXml(table(row2('合计&#xD800;', '490.68')))),
    ],
    [
      'xlsx-x0000.xlsx',
      'a cell _x0000_ escape (NUL once unescaped)',
      xlsx.from,
      () => withPart(xlsx, 'xl/worksheets/sheet1.xml', utf8(escaped('_x0000_'))),
    ],
    [
      'xlsx-xd800.xlsx',
      'a cell _xD800_ escape (a lone surrogate once unescaped)',
      xlsx.from,
      () => withPart(xlsx, 'xl/worksheets/sheet1.xml', utf8(escaped('_xD800_'))),
    ],
  ];
  return list.map(([file, note, base, make]) => ({
    path: `text-unstorable/${file}`,
    kind: 'text-unstorable',
    base,
    note,
    make,
  }));
}
