import { coveringCell, type GridSpec } from './grid-spec.js';
import { columnWidths } from './table-layout.js';

/** WordprocessingML fragments for the sample builders (ECMA-376 Part 1, §17). */
export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
};
export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  settings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings',
  image: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
  oleObject: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject',
  package: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/package',
  core: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  app: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
};

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Checkbox cells: '☐' in a spec becomes the Wingdings 2 box Word inserts from its symbol dialog. */
function runs(text: string, size?: number, bold = false): string {
  const rPr = `<w:rPr>${bold ? '<w:b/>' : ''}${size ? `<w:sz w:val="${size * 2}"/><w:szCs w:val="${size * 2}"/>` : ''}</w:rPr>`;
  return text
    .split(/(☐)/)
    .filter((p) => p !== '')
    .map((p) =>
      p === '☐'
        ? `<w:r>${rPr}<w:sym w:font="Wingdings 2" w:char="F0A3"/></w:r>`
        : `<w:r>${rPr}<w:t xml:space="preserve">${esc(p)}</w:t></w:r>`,
    )
    .join('');
}

export function paragraph(
  text: string,
  opts: { center?: boolean; right?: boolean; bold?: boolean; size?: number } = {},
): string {
  const jc = opts.center ? '<w:jc w:val="center"/>' : opts.right ? '<w:jc w:val="right"/>' : '';
  return `<w:p><w:pPr>${jc}</w:pPr>${runs(text, opts.size, opts.bold)}</w:p>`;
}

/** A native table: gridSpan for horizontal merges, vMerge restart/continue for vertical ones. */
export function table(g: GridSpec, widthTwips: number, fontSize = 9): string {
  const widths = columnWidths(g, widthTwips).map((w) => Math.round(w));
  const border = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
    .join('');
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
        ? cell.lines.map((l) => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${runs(l, fontSize)}</w:p>`).join('')
        : '<w:p/>';
      tcs.push(
        `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/>${grid}${vMerge}<w:vAlign w:val="center"/></w:tcPr>${paras}</w:tc>`,
      );
      c += span;
    }
    rows.push(`<w:tr>${tcs.join('')}</w:tr>`);
  }
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${widthTwips}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>${border}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>`
  );
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75" o:preferrelative="t" path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f">' +
  '<v:stroke joinstyle="miter"/><v:formulas><v:f eqn="if lineDrawn pixelLineWidth 0"/><v:f eqn="sum @0 1 0"/><v:f eqn="sum 0 0 @1"/>' +
  '<v:f eqn="prod @2 1 2"/><v:f eqn="prod @3 21600 pixelWidth"/><v:f eqn="prod @3 21600 pixelHeight"/><v:f eqn="sum @0 0 1"/>' +
  '<v:f eqn="prod @6 1 2"/><v:f eqn="prod @7 21600 pixelWidth"/><v:f eqn="sum @8 21600 0"/><v:f eqn="prod @7 21600 pixelHeight"/>' +
  '<v:f eqn="sum @10 21600 0"/></v:formulas><v:path o:extrusionok="f" gradientshapeok="t" o:connecttype="rect"/><o:lock v:ext="edit" aspectratio="t"/></v:shapetype>';

let shapeNo = 1025;

/** An embedded OLE object shown through its preview picture, as Word 2010+ writes it. */
export function oleObject(opts: {
  previewRid: string;
  objectRid: string;
  progId: string;
  widthPt: number;
  heightPt: number;
  first: boolean;
}): string {
  const id = `_x0000_i${shapeNo++}`;
  return (
    `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:object w:dxaOrig="${Math.round(opts.widthPt * 20)}" w:dyaOrig="${Math.round(opts.heightPt * 20)}">` +
    (opts.first ? SHAPETYPE : '') +
    `<v:shape id="${id}" type="#_x0000_t75" style="width:${opts.widthPt.toFixed(1)}pt;height:${opts.heightPt.toFixed(1)}pt" o:ole="">` +
    `<v:imagedata r:id="${opts.previewRid}" o:title=""/></v:shape>` +
    `<o:OLEObject Type="Embed" ProgID="${opts.progId}" ShapeID="${id}" DrawAspect="Content" ObjectID="_16${shapeNo}" r:id="${opts.objectRid}"/>` +
    `</w:object></w:r></w:p>`
  );
}

let docPrId = 1;

/** An inline DrawingML picture (a screenshot of a table). */
export function picture(opts: { rid: string; name: string; widthPt: number; heightPt: number }): string {
  const cx = Math.round(opts.widthPt * 12700);
  const cy = Math.round(opts.heightPt * 12700);
  const id = docPrId++;
  return (
    `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
    `<wp:docPr id="${id}" name="图片${id}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic><a:graphicData uri="${NS.pic}"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="${esc(opts.name)}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${opts.rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
  );
}

export function documentXml(body: string[], landscape: boolean): string {
  const ns = Object.entries(NS)
    .map(([k, v]) => `xmlns:${k}="${v}"`)
    .join(' ');
  const page = landscape
    ? '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
    : '<w:pgSz w:w="11906" w:h="16838"/>';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${ns}><w:body>${body.join('')}` +
    `<w:sectPr>${page}<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`
  );
}

export const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<w:styles xmlns:w="${NS.w}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/>` +
  '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' +
  '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>';

export interface Part {
  id: string;
  type: string;
  target: string;
}

export function relsXml(rels: Part[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"/>`).join('') +
    '</Relationships>'
  );
}

export function contentTypesXml(): string {
  const d = (ext: string, type: string): string => `<Default Extension="${ext}" ContentType="${type}"/>`;
  const o = (part: string, type: string): string => `<Override PartName="${part}" ContentType="${type}"/>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    d('rels', 'application/vnd.openxmlformats-package.relationships+xml') +
    d('xml', 'application/xml') +
    d('emf', 'image/x-emf') +
    d('png', 'image/png') +
    d('bin', 'application/vnd.openxmlformats-officedocument.oleObject') +
    d('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') +
    o('/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml') +
    o('/word/styles.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml') +
    o('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    o('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>'
  );
}

export function coreXml(title: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(title)}</dc:title><dc:creator>budgetdoc sample builder</dc:creator>` +
    '<dcterms:created xsi:type="dcterms:W3CDTF">2020-06-01T00:00:00Z</dcterms:created></cp:coreProperties>'
  );
}

export const APP_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application></Properties>';
