/**
 * A DOCX of paragraphs and native tables only, with column widths given by the caller: for forms whose narrow
 * score columns (分值, 得分) the content-based widths of docx-builder.ts would squeeze until `10` wraps. Reuses the
 * WordprocessingML fragments of ooxml.ts and the grid syntax of grid-spec.ts; a fixed zip date keeps rebuilt
 * samples byte-identical.
 */
import JSZip from 'jszip';
import { coveringCell, parseGrid } from './grid-spec.js';
import { APP_XML, contentTypesXml, coreXml, documentXml, esc, paragraph, REL, relsXml, STYLES } from './ooxml.js';

/** A native table: gridSpan for horizontal merges, vMerge restart/continue for vertical ones; widths in twips. */
export function fixedTable(src: string, widths: number[], fontSize = 9): string {
  const g = parseGrid(src);
  if (widths.length !== g.nCols) throw new Error(`${widths.length} widths for ${g.nCols} columns`);
  const total = widths.reduce((s, w) => s + w, 0);
  const border = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
    .join('');
  const rPr = `<w:rPr><w:sz w:val="${fontSize * 2}"/><w:szCs w:val="${fontSize * 2}"/></w:rPr>`;
  const rows: string[] = [];
  for (let r = 0; r < g.nRows; r++) {
    const tcs: string[] = [];
    for (let c = 0; c < g.nCols; ) {
      const cell = coveringCell(g, r, c);
      if (!cell) throw new Error(`no cell at ${r},${c}`);
      const span = cell.colSpan;
      const w = widths.slice(c, c + span).reduce((s, x) => s + x, 0);
      const grid = span > 1 ? `<w:gridSpan w:val="${span}"/>` : '';
      const anchor = cell.row === r;
      const vMerge = cell.rowSpan > 1 ? (anchor ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : '';
      const paras = anchor
        ? cell.lines
            .map(
              (l) =>
                `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${l === '' ? '' : `<w:r>${rPr}<w:t xml:space="preserve">${esc(l)}</w:t></w:r>`}</w:p>`,
            )
            .join('')
        : '<w:p/>';
      tcs.push(
        `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/>${grid}${vMerge}<w:vAlign w:val="center"/></w:tcPr>${paras}</w:tc>`,
      );
      c += span;
    }
    rows.push(`<w:tr>${tcs.join('')}</w:tr>`);
  }
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>${border}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>`
  );
}

export class PlainDocx {
  private body: string[] = [];

  constructor(
    private readonly title: string,
    private readonly landscape = true,
  ) {}

  p(text: string, opts: Parameters<typeof paragraph>[1] = {}): this {
    this.body.push(paragraph(text, opts));
    return this;
  }

  table(src: string, widths: number[], fontSize = 9): this {
    this.body.push(fixedTable(src, widths, fontSize));
    return this;
  }

  async build(): Promise<Buffer> {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', contentTypesXml());
    zip.file(
      '_rels/.rels',
      relsXml([
        { id: 'rId1', type: REL.officeDocument, target: 'word/document.xml' },
        { id: 'rId2', type: REL.core, target: 'docProps/core.xml' },
        { id: 'rId3', type: REL.app, target: 'docProps/app.xml' },
      ]),
    );
    zip.file('docProps/core.xml', coreXml(this.title));
    zip.file('docProps/app.xml', APP_XML);
    zip.file('word/document.xml', documentXml(this.body, this.landscape));
    zip.file('word/styles.xml', STYLES);
    zip.file('word/_rels/document.xml.rels', relsXml([{ id: 'rId1', type: REL.styles, target: 'styles.xml' }]));
    const date = new Date('2020-06-01T00:00:00Z');
    zip.forEach((_, f) => {
      f.date = date;
    });
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}
