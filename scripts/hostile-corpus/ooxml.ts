import { baseNamed } from './bases.js';
import { repack, text, withPart } from './packages.js';
import { type Recipe, utf8 } from './recipe.js';
import { storedEntry } from './zip-writer.js';

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

export const para = (s: string) => `<w:p><w:r><w:t>${s}</w:t></w:r></w:p>`;
export const cell = (s: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${para(s)}</w:tc>`;
export const documentXml = (body: string, doctype = '') =>
  `${DECL}${doctype}<w:document ${W_NS}><w:body>${para('2019年度部门决算')}${body}</w:body></w:document>`;

/** The kaili sample with its word/document.xml replaced: styles, content types and package rels stay real. */
export function docx(document: string | Uint8Array): Uint8Array {
  return withPart(
    baseNamed('docx-kaili'),
    'word/document.xml',
    typeof document === 'string' ? utf8(document) : document,
  );
}

const LAUGHS = `<!DOCTYPE w:document [<!ENTITY lol "lol">${Array.from(
  { length: 9 },
  (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`,
).join('')}]>`;
const XXE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
export const table = (rows: string) =>
  `<w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>${rows}</w:tbl>`;
export const row2 = (a: string, b: string) => `<w:tr>${cell(a)}${cell(b)}</w:tr>`;

/** Entity expansion and external entities in package XML (kind xml-entities). */
export function xmlEntityRecipes(): Recipe[] {
  const kaili = baseNamed('docx-kaili');
  const xlsx = baseNamed('xlsx-');
  const sheet = text(xlsx, 'xl/worksheets/sheet1.xml');
  const withDoctype = (xml: string, doctype: string) => xml.replace(/^(<\?xml[^>]*\?>)?/, (m) => `${m}${doctype}`);
  const list: Array<[string, string, string, () => Uint8Array]> = [
    [
      'docx-billion-laughs.docx',
      'billion laughs (10^9 expansions) in word/document.xml',
      kaili.from,
      () => docx(documentXml(table(row2('合计', '&lol9;')), LAUGHS)),
    ],
    [
      'docx-xxe-passwd.docx',
      'an external entity to file:///etc/passwd used in a table cell',
      kaili.from,
      () => docx(documentXml(table(row2('合计', '&xxe;')), XXE)),
    ],
    [
      'docx-xxe-parameter.docx',
      'a parameter entity that pulls in file:///etc/passwd',
      kaili.from,
      () =>
        docx(
          documentXml(
            table(row2('合计', '1')),
            '<!DOCTYPE w:document [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
          ),
        ),
    ],
    [
      'docx-rels-xxe.docx',
      'word/_rels/document.xml.rels with an external entity as a Target',
      kaili.from,
      () =>
        withPart(
          kaili,
          'word/_rels/document.xml.rels',
          utf8(
            `${DECL}<!DOCTYPE Relationships [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="&xxe;"/></Relationships>`,
          ),
        ),
    ],
    [
      'docx-types-laughs.docx',
      'billion laughs in [Content_Types].xml',
      kaili.from,
      () =>
        withPart(
          kaili,
          '[Content_Types].xml',
          utf8(withDoctype(text(kaili, '[Content_Types].xml'), LAUGHS.replace('w:document', 'Types'))),
        ),
    ],
    [
      'docx-xinclude.docx',
      'an XInclude of file:///etc/passwd inside a paragraph',
      kaili.from,
      () =>
        docx(
          documentXml(
            `<w:p><w:r><w:t><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/></w:t></w:r></w:p>`,
          ),
        ),
    ],
    [
      'docx-utf16-xxe.docx',
      'word/document.xml in UTF-16LE with an external entity (a DOCTYPE scan of UTF-8 text misses it)',
      kaili.from,
      () => {
        const xml = documentXml(table(row2('合计', '&xxe;')), XXE).replace('encoding="UTF-8"', 'encoding="UTF-16"');
        return docx(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')])));
      },
    ],
    [
      'docx-xxe-after-comment.docx',
      'the DOCTYPE after 8 KB of comment',
      kaili.from,
      () => docx(documentXml(table(row2('合计', '&xxe;')), `<!--${' '.repeat(8192)}-->${XXE}`)),
    ],
    [
      'xlsx-xxe-sheet.xlsx',
      'sheet1.xml with an external entity to file:///etc/passwd',
      xlsx.from,
      () =>
        withPart(xlsx, 'xl/worksheets/sheet1.xml', utf8(withDoctype(sheet, XXE.replace('w:document', 'worksheet')))),
    ],
    [
      'xlsx-xxe-after-comment.xlsx',
      'sheet1.xml: the DOCTYPE after 8 KB of comment (past a 4 KB scan)',
      xlsx.from,
      () =>
        withPart(
          xlsx,
          'xl/worksheets/sheet1.xml',
          utf8(withDoctype(sheet, `<!--${' '.repeat(8192)}-->${XXE.replace('w:document', 'worksheet')}`)),
        ),
    ],
    [
      'xlsx-laughs-workbook.xlsx',
      'billion laughs in xl/workbook.xml',
      xlsx.from,
      () =>
        withPart(
          xlsx,
          'xl/workbook.xml',
          utf8(withDoctype(text(xlsx, 'xl/workbook.xml'), LAUGHS.replace('w:document', 'workbook'))),
        ),
    ],
  ];
  return list.map(([file, note, base, make]) => ({
    path: `xml-entities/${file}`,
    kind: 'xml-entities',
    base,
    note,
    make,
  }));
}

/** Relationship targets and entry names that climb out of the package (kind rels-traversal). */
export function traversalRecipes(): Recipe[] {
  const yangling = baseNamed('docx-yangling');
  const xlsx = baseNamed('xlsx-');
  const rels = text(yangling, 'word/_rels/document.xml.rels');
  const retarget = (target: string, external = false) =>
    withPart(
      yangling,
      'word/_rels/document.xml.rels',
      utf8(
        rels
          .replace('Target="media/image3.png"', `Target="${target}"${external ? ' TargetMode="External"' : ''}`)
          .replace(
            'Target="embeddings/oleObject1.bin"',
            `Target="${target}"${external ? ' TargetMode="External"' : ''}`,
          ),
      ),
    );
  const slip = (base: typeof yangling, name: string) =>
    repack(base, (es) => [...es, storedEntry(name, utf8('written outside the archive: zip slip\n'))]);
  const list: Array<[string, string, string, () => Uint8Array]> = [
    [
      'docx-dotdot.docx',
      'image and OLE targets ../../../../../../etc/passwd',
      yangling.from,
      () => retarget('../../../../../../etc/passwd'),
    ],
    ['docx-absolute.docx', 'image and OLE targets /etc/passwd', yangling.from, () => retarget('/etc/passwd')],
    [
      'docx-external-file.docx',
      'image and OLE targets file:///etc/passwd, TargetMode External',
      yangling.from,
      () => retarget('file:///etc/passwd', true),
    ],
    [
      'docx-encoded-dotdot.docx',
      'targets %2e%2e/%2e%2e/%2e%2e/etc/passwd',
      yangling.from,
      () => retarget('%2e%2e/%2e%2e/%2e%2e/etc/passwd'),
    ],
    [
      'docx-backslash.docx',
      'targets ..\\..\\..\\etc\\passwd',
      yangling.from,
      () => retarget('..\\..\\..\\etc\\passwd'),
    ],
    [
      'docx-zip-slip.docx',
      'an entry named ../../../../../../tmp/budgetdoc-zip-slip.txt',
      yangling.from,
      () => slip(yangling, '../../../../../../tmp/budgetdoc-zip-slip.txt'),
    ],
    [
      'docx-zip-absolute.docx',
      'an entry named /tmp/budgetdoc-zip-slip-absolute.txt',
      yangling.from,
      () => slip(yangling, '/tmp/budgetdoc-zip-slip-absolute.txt'),
    ],
    [
      'xlsx-dotdot.xlsx',
      'the sheet relationship targets ../../../../etc/passwd',
      xlsx.from,
      () =>
        withPart(
          xlsx,
          'xl/_rels/workbook.xml.rels',
          utf8(
            text(xlsx, 'xl/_rels/workbook.xml.rels').replace(
              /Target="[^"]*sheet1\.xml"/,
              'Target="../../../../etc/passwd"',
            ),
          ),
        ),
    ],
    [
      'xlsx-zip-slip.xlsx',
      'an entry named ../../../../tmp/budgetdoc-zip-slip-xlsx.txt',
      xlsx.from,
      () => slip(xlsx, '../../../../tmp/budgetdoc-zip-slip-xlsx.txt'),
    ],
  ];
  return list.map(([file, note, base, make]) => ({
    path: `rels-traversal/${file}`,
    kind: 'rels-traversal',
    base,
    note,
    make,
  }));
}
