import type { ExtractedDocument, Format, SourceRef } from '../model/document.js';

/** Safety limits every extractor honours (hostile input: zip bombs, huge pages). */
export interface ExtractLimits {
  /** Largest input file accepted, bytes. */
  maxInputBytes: number;
  /** Largest total inflated size of a package (DOCX/XLSX/ZIP), bytes. */
  maxInflatedBytes: number;
  /** Most pages processed in one PDF. */
  maxPages: number;
  /** Wall-clock limit for OCR of one page, ms. */
  ocrPageTimeoutMs: number;
  /** Whether OCR may run at all (tests of other stages switch it off for speed). */
  ocr: boolean;
}

export const defaultLimits: ExtractLimits = {
  maxInputBytes: 200 * 1024 * 1024,
  maxInflatedBytes: 500 * 1024 * 1024,
  maxPages: 2000,
  ocrPageTimeoutMs: 120_000,
  ocr: true,
};

export interface ExtractContext {
  source: SourceRef;
  limits: ExtractLimits;
  signal?: AbortSignal;
}

/**
 * One backend per input format. An extractor never throws for bad input: it returns a
 * document with status `failed` and an error issue. It throws only for programming errors.
 */
export interface Extractor {
  formats: Format[];
  extract(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractedDocument>;
}
