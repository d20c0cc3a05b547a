import type { ExtractedDocument, Format, SourceRef } from '../model/document.js';
import { failedDocument, statusFrom } from '../model/build.js';
import { errorCode, PermanentError } from '../model/errors.js';
import { defaultLimits, type ExtractLimits, type Extractor } from './types.js';

/**
 * One backend per format, loaded lazily so that a worker extracting HTML never loads pdf.js.
 * Each format folder exports its Extractor from index.ts; add a line here when a backend lands.
 */
const loaders: Partial<Record<Format, () => Promise<Extractor>>> = {
  html: async () => (await import('./html/index.js')).htmlExtractor,
  pdf: async () => (await import('./pdf/index.js')).pdfExtractor,
  docx: async () => (await import('./docx/index.js')).docxExtractor,
  xls: async () => (await import('./xlsx/index.js')).workbookExtractor,
  xlsx: async () => (await import('./xlsx/index.js')).workbookExtractor,
  doc: async () => (await import('./convert/index.js')).convertExtractor,
  wps: async () => (await import('./convert/index.js')).convertExtractor,
  et: async () => (await import('./convert/index.js')).convertExtractor,
  png: async () => (await import('./image/index.js')).imageExtractor,
  jpeg: async () => (await import('./image/index.js')).imageExtractor,
};

/** Formats that need a converter this machine may not have (LibreOffice). */
const NEEDS_CONVERTER: Partial<Record<Format, string>> = {
  doc: 'Word 97-2003 (.doc) files need LibreOffice (soffice) to convert',
  wps: 'WPS files need LibreOffice (soffice) to convert',
  et: 'WPS spreadsheets need LibreOffice (soffice) to convert',
};

export function registerExtractor(format: Format, load: () => Promise<Extractor>): void {
  loaders[format] = load;
}

export function supportedFormats(): Format[] {
  return Object.keys(loaders) as Format[];
}

/**
 * Extracts one document. Never throws for bad input: an unknown or unsupported format, a
 * file over the size limit or an extractor failure becomes a `failed` document with a reason.
 */
export async function extractDocument(
  bytes: Uint8Array,
  source: SourceRef,
  format: Format,
  limits: ExtractLimits = defaultLimits,
): Promise<ExtractedDocument> {
  if (bytes.length > limits.maxInputBytes) {
    return failedDocument(
      source,
      format,
      'input.too_large',
      `file is ${bytes.length} bytes, limit ${limits.maxInputBytes}`,
    );
  }
  if (format === 'unknown') {
    return failedDocument(
      source,
      format,
      'sniff.unknown_format',
      'content matches no supported format (PDF, HTML, DOCX, XLS/XLSX, images)',
    );
  }
  const load = loaders[format];
  if (!load) {
    const why = NEEDS_CONVERTER[format] ?? `no extractor for ${format} files`;
    return failedDocument(source, format, 'extract.unsupported', `unsupported: ${why}`);
  }
  try {
    const extractor = await load();
    const doc = await extractor.extract(bytes, { source, limits });
    if (doc.status === 'ok') doc.status = statusFrom(doc);
    return doc;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const code =
      err instanceof PermanentError
        ? err.code
        : `${format}.${errorCode(err) === 'internal.error' ? 'extract_failed' : errorCode(err)}`;
    return failedDocument(source, format, code, `${format} extraction failed: ${message}`);
  }
}
