import type { BBox } from '../../model/document.js';

/** One recognised word (tesseract.js), in the input image's pixel coordinates, top-left origin. */
export interface OcrWord {
  text: string;
  bbox: BBox;
  /** 0..1 */
  confidence: number;
}

export interface OcrPageResult {
  words: OcrWord[];
  /** Image size in pixels, so callers can scale boxes to PDF points. */
  width: number;
  height: number;
  /** Mean word confidence 0..1. */
  confidence: number;
  engine: string;
}

export interface OcrOptions {
  /** Wall-clock limit; the OCR worker is terminated when it passes. */
  timeoutMs: number;
  signal?: AbortSignal;
}
