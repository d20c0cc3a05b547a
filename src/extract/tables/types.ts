import type { BBox, Provenance } from '../../model/document.js';

/**
 * Input to table reconstruction, shared by every positioned-text source: the PDF text layer,
 * EMF text records and OCR words. Coordinates are PDF points, top-left origin (for EMF and
 * OCR the caller scales to points first).
 */
export interface PositionedText {
  text: string;
  bbox: BBox;
  fontSize?: number;
  /** Provenance of this run; reconstruction unions the boxes of the runs in a cell. */
  prov: Provenance;
}

/** A ruling line or the edge of a filled rectangle, in the same coordinates. */
export interface Ruling {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One cell of a reconstructed grid; merged cells carry spans, their text is never copied. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** Wrapped lines joined in reading order (CJK lines without a space). */
  text: string;
  bbox: BBox;
  /** The runs the text came from, for provenance. */
  items: PositionedText[];
}

/** A table rebuilt from positions: from ruling lines (lattice) or text alignment (stream). */
export interface TableGrid {
  method: 'lattice' | 'stream';
  bbox: BBox;
  nRows: number;
  nCols: number;
  cells: GridCell[];
  /** Row boundaries (nRows + 1 values, top to bottom), for joining across pages. */
  rowEdges: number[];
  colEdges: number[];
}

export interface ReconstructOptions {
  /** Positions closer than this are one rule (points). Default 2. */
  snap?: number;
  /** Try text alignment where there are no rules. Default true. */
  stream?: boolean;
}
