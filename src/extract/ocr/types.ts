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
  /** Present when ocrImage ran (deskew angle, rulings, timing). */
  layout?: OcrLayout;
}

export interface OcrOptions {
  /** Wall-clock limit; the OCR worker is terminated when it passes. */
  timeoutMs: number;
  signal?: AbortSignal;
  tuning?: OcrTuning;
}

/** A ruling line found in the picture, image pixels (a box: lines keep their thickness). */
export interface OcrRuling {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Settings of one OCR call beyond the time limit (all optional). */
export interface OcrTuning {
  /**
   * Second pass (default true): cells of ruled tables re-read one by one, numbers with a digit
   * whitelist; without rulings, number-like words re-read in their own box.
   */
  digitPass?: boolean;
  /** Text lines outside ruled tables (title, 编制部门/单位 lines) re-read one by one as single lines (default true; needs digitPass). */
  linePass?: boolean;
  /** Override the language folder; tests pass a URL to prove the worker never fetches. */
  langPath?: string;
  /** Try quarter turns when the page reads badly (sideways landscape scans; default true). */
  orientation?: boolean;
  /** Name for error messages, e.g. 'page 3 of <sha256>'. */
  what?: string;
}

/** What the OCR saw beyond words: the page's skew and the ruling lines (image pixels). */
export interface OcrLayout {
  /** Degrees the page was turned to make it upright before reading; boxes refer to the upright image. */
  deskewDegrees: number;
  /** Clockwise quarter turn applied before reading (a sideways scan); boxes refer to the turned image. */
  quarterTurn: 0 | 90 | 270;
  rulings: OcrRuling[];
  /** Seconds the OCR took. */
  seconds: number;
}
