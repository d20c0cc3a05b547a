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
