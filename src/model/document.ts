/**
 * The document model every extractor produces and every recogniser consumes.
 * One coordinate system: PDF points, top-left origin, 1-based pages (docs/architecture.md).
 */

/** How a piece of text was obtained; ordered roughly by trust. */
export type ExtractMethod = 'structure' | 'text-layer' | 'emf-text' | 'ocr';

export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Where a document was found by the crawler (issue 6); absent for local files. */
export interface Discovery {
  listingUrl?: string;
  articleUrl?: string;
  articleTitle?: string;
  linkText?: string;
  publishedAt?: string;
}

export interface SourceRef {
  /** sha256 of the raw bytes, lowercase hex. */
  id: string;
  /** Where the bytes came from: an http(s) URL, or `file:` + path for local input. */
  url: string;
  fetchedAt: string;
  /** Sniffed media type (never trusted from the file name alone). */
  mediaType: string;
  fileName?: string;
  /** Content-Type the server sent, when fetched; its charset parameter guides HTML decoding. */
  contentType?: string;
  size: number;
  discoveredFrom?: Discovery;
  /** For members of a container (ZIP attachment, embedded object): the container's sha256. */
  parentId?: string;
}

export interface Provenance {
  sourceId: string;
  /** 1-based page; the 1-based sheet index for workbooks; 1 for HTML. */
  page: number;
  /** Package part: 'word/embeddings/oleObject4.bin', 'word/media/image11.emf'. */
  part?: string;
  bbox?: BBox;
  /** 'Sheet1!B7', 'table[3]/row[2]/cell[1]'. */
  locator?: string;
  method: ExtractMethod;
  /** Extractor and its library version, e.g. 'html/cheerio@1.2.0'. */
  extractor: string;
  /** OCR confidence 0..1. */
  confidence?: number;
}

export interface TextRun {
  text: string;
  prov: Provenance;
  fontSize?: number;
}

export interface Page {
  number: number;
  /** Page size in points, where the format has one. */
  width?: number;
  height?: number;
  runs: TextRun[];
}

export interface Cell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** Text as printed (whitespace normalised only by the recogniser, never here). */
  text: string;
  /** Raw numeric value where the source stores one (workbooks); `text` is the displayed value. */
  value?: number;
  header?: boolean;
  prov: Provenance;
}

export interface Table {
  /** Stable within the document, e.g. 't3' or 'p4-t1'. */
  id: string;
  nRows: number;
  nCols: number;
  cells: Cell[];
  /** Title line printed with the table, if the extractor could attach one. */
  caption?: string;
  /**
   * Text lines printed just before the table (nearest last): title, 公开NN表 label,
   * 编制部门 / 单位 lines. Recognisers classify from these and from the cells.
   */
  context: string[];
  /** Text lines printed just after the table (notes like 注：本表为空表). */
  after?: string[];
  prov: Provenance;
  /** Pages a table spans when joined across pages. */
  pages?: number[];
}

export type Severity = 'warning' | 'error';

export interface Issue {
  severity: Severity;
  /** Stable dotted code: 'sniff.unknown_format', 'pdf.encrypted', 'html.decode_fallback'. */
  code: string;
  message: string;
  prov?: Provenance;
}

export type DocumentStatus = 'ok' | 'partial' | 'failed';

/** A piece of page metadata (发布时间, 信息来源, title) with where it was read. */
export interface MetaField {
  key: 'title' | 'publishedAt' | 'publisher' | 'author' | 'producer' | string;
  value: string;
  prov: Provenance;
}

export type Format =
  | 'pdf'
  | 'html'
  | 'docx'
  | 'xlsx'
  | 'xls'
  | 'doc'
  | 'wps'
  | 'et'
  | 'zip'
  | 'png'
  | 'jpeg'
  | 'emf'
  | 'unknown';

export interface ExtractedDocument {
  source: SourceRef;
  format: Format;
  pages: Page[];
  tables: Table[];
  meta: MetaField[];
  status: DocumentStatus;
  issues: Issue[];
  /** Library versions that produced this document. */
  versions: Record<string, string>;
}
