import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
// Type only: erased at run time, so the builder never loads vitest.
import type { GoldenTable } from '../../test/golden/table-golden.js';
import { coveringCell, parseGrid, textRows, asSheetValue, type GridSpec } from './grid-spec.js';
import { layoutTable } from './table-layout.js';
import { writeBitmapEmf, writeEmf } from './emf-writer.js';
import { renderTablePng, renderTableRgba } from './table-png.js';
import { book, excelSheet8Object, specSheet, xlsxPackage } from './workbook-object.js';
import {
  APP_XML,
  contentTypesXml,
  coreXml,
  documentXml,
  oleObject,
  paragraph,
  picture,
  REL,
  relsXml,
  STYLES,
  table,
  type Part,
} from './ooxml.js';

/** What the golden test expects of one table, derived from the seed transcription. */
export interface ExpectedTable extends GoldenTable {
  source: 'native' | 'workbook' | 'emf' | 'ocr';
  method: 'structure' | 'emf-text' | 'ocr';
}

const col = (c: number): string => XLSX.utils.encode_col(c);
const sheetRef = (name: string, r: number, c: number): string =>
  `${/[\s'!]/.test(name) ? `'${name}'` : name}!${col(c)}${r + 1}`;
const spansOf = (g: GridSpec): Array<[number, number, number, number]> =>
  g.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c) => [c.row, c.col, c.rowSpan, c.colSpan]);
/** Checkbox glyphs come back as the character Word shows for Wingdings 2 F0A3. */
const shown = (rows: string[][]): string[][] => rows.map((r) => r.map((t) => t.replace(/☐/g, '□')));

/** The raw numbers a sheet built from a spec holds, keyed 'row,col' of the table. */
export function sheetValues(g: GridSpec): Record<string, number> {
  const values: Record<string, number> = {};
  for (const c of g.cells) {
    const { v } = asSheetValue(c.text);
    if (typeof v === 'number' && c.text !== '') values[`${c.row},${c.col}`] = v;
  }
  return values;
}

const TEXT_WIDTH_TWIPS = 14570; // A4 landscape minus 2 cm margins

export class DocxBuilder {
  private body: string[] = [];
  private rels: Part[] = [{ id: 'rId1', type: REL.styles, target: 'styles.xml' }];
  private files = new Map<string, Uint8Array>();
  private natives = 0;
  private media = 0;
  private oles = 0;
  private packages = 0;
  private firstObject = true;
  readonly expected: ExpectedTable[] = [];

  constructor(private readonly title: string) {}

  p(text: string, opts: Parameters<typeof paragraph>[1] = {}): this {
    this.body.push(paragraph(text, opts));
    return this;
  }

  lines(lines: string[]): this {
    lines.forEach((l) => this.p(l));
    return this;
  }

  private rel(type: string, target: string): string {
    const id = `rId${this.rels.length + 1}`;
    this.rels.push({ id, type, target });
    return id;
  }

  native(src: string, contextIncludes: string): this {
    const g = parseGrid(src);
    this.body.push(table(g, TEXT_WIDTH_TWIPS));
    const n = ++this.natives;
    const loc = (r: number, c: number): string => {
      let tc = 0;
      for (let x = 0; x <= c; ) {
        tc++;
        const cell = coveringCell(g, r, x)!;
        if (x === c) break;
        x += cell.colSpan;
      }
      return `table[${n}]/row[${r + 1}]/cell[${tc}]`;
    };
    const last = g.cells[g.cells.length - 1]!;
    this.expected.push({
      source: 'native',
      part: 'word/document.xml',
      method: 'structure',
      contextIncludes,
      nRows: g.nRows,
      nCols: g.nCols,
      rows: shown(textRows(g)),
      spans: spansOf(g),
      firstLocator: loc(0, 0),
      lastLocator: loc(last.row, last.col),
    });
    return this;
  }

  private addMedia(ext: string, bytes: Uint8Array): { rid: string; part: string } {
    const name = `image${++this.media}.${ext}`;
    this.files.set(`word/media/${name}`, bytes);
    return { rid: this.rel(REL.image, `media/${name}`), part: `word/media/${name}` };
  }

  /** A workbook embedded as an OLE object (BIFF8 Excel.Sheet.8, or an .xlsx package), shown through an EMF preview. */
  workbook(
    src: string,
    opts: {
      contextIncludes: string;
      sheet: string;
      at: { r: number; c: number };
      xlsx?: boolean;
      stale?: Record<string, string>;
      layoutWidth?: number;
    },
  ): this {
    const g = parseGrid(src);
    const wb = book(specSheet(g, opts.at), opts.sheet);
    let part: string;
    let objectRid: string;
    if (opts.xlsx) {
      part = `word/embeddings/Microsoft_Excel_Worksheet${++this.packages}.xlsx`;
      this.files.set(part, xlsxPackage(wb));
      objectRid = this.rel(REL.package, part.replace('word/', ''));
    } else {
      part = `word/embeddings/oleObject${++this.oles}.bin`;
      this.files.set(part, excelSheet8Object(wb));
      objectRid = this.rel(REL.oleObject, part.replace('word/', ''));
    }
    const stale = opts.stale ?? {};
    const layout = layoutTable(g, {
      width: opts.layoutWidth ?? 760,
      fontSize: 9,
      text: (c) => stale[`${c.row},${c.col}`] ?? c.text,
    });
    const preview = this.addMedia('emf', writeEmf(layout));
    // Word shrinks an object that does not fit the page; the preview keeps its own coordinates.
    const scale = Math.min(1, 770 / layout.width, 470 / layout.height);
    this.body.push(
      oleObject({
        previewRid: preview.rid,
        objectRid,
        progId: opts.xlsx ? 'Excel.Sheet.12' : 'Excel.Sheet.8',
        widthPt: layout.width * scale,
        heightPt: layout.height * scale,
        first: this.firstObject,
      }),
    );
    this.firstObject = false;
    const values = sheetValues(g);
    // A sheet holds no cell where nothing is written: the last cell read is the last with text or a merge.
    const last = g.cells.filter((c) => c.text !== '' || c.rowSpan > 1 || c.colSpan > 1).pop()!;
    this.expected.push({
      source: 'workbook',
      part,
      method: 'structure',
      contextIncludes: opts.contextIncludes,
      nRows: g.nRows,
      nCols: g.nCols,
      rows: textRows(g),
      spans: spansOf(g),
      firstLocator: sheetRef(opts.sheet, opts.at.r, opts.at.c),
      lastLocator: sheetRef(opts.sheet, last.row + opts.at.r, last.col + opts.at.c),
      values,
    });
    return this;
  }

  /** A table only as a picture: an EMF with text records, or a PNG screenshot (OCR). */
  pictureTable(src: string, opts: { contextIncludes: string; kind: 'emf' | 'png' | 'emf-bitmap' }): this {
    const g = parseGrid(src);
    const layout = layoutTable(g, { width: 760, fontSize: 9 });
    const scale = 2.5;
    const pixels = (): Buffer => {
      const { rgba, width, height } = renderTableRgba(layout, scale);
      return writeBitmapEmf(rgba, width, height);
    };
    const bytes =
      opts.kind === 'emf' ? writeEmf(layout) : opts.kind === 'png' ? renderTablePng(layout, scale) : pixels();
    const m = this.addMedia(opts.kind === 'png' ? 'png' : 'emf', bytes);
    const margin = opts.kind === 'emf' ? 0 : 12;
    this.body.push(
      picture({
        rid: m.rid,
        name: m.part.split('/').pop()!,
        widthPt: layout.width + margin,
        heightPt: layout.height + margin,
      }),
    );
    this.expected.push({
      source: opts.kind === 'emf' ? 'emf' : 'ocr',
      part: m.part,
      method: opts.kind === 'emf' ? 'emf-text' : 'ocr',
      contextIncludes: opts.contextIncludes,
      nRows: g.nRows,
      nCols: g.nCols,
      // Wrapped lines of one cell join without a break, as on a printed page.
      rows: textRows(g).map((r) => r.map((t) => t.replace(/\n/g, ''))),
      spans: spansOf(g),
    });
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
    zip.file('word/document.xml', documentXml(this.body, true));
    zip.file('word/styles.xml', STYLES);
    zip.file('word/_rels/document.xml.rels', relsXml(this.rels));
    for (const [name, bytes] of this.files) zip.file(name, bytes);
    // A fixed date keeps rebuilt samples byte-identical.
    const date = new Date('2020-06-01T00:00:00Z');
    zip.forEach((_, f) => {
      f.date = date;
    });
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}
