import type { ExtractedDocument, Format, SourceRef } from '../model/document.js';
import { extractDocument } from '../extract/registry.js';
import type { ExtractLimits } from '../extract/types.js';
import { recogniseDocument, type RecognisedDocument } from '../recognise/registry.js';
import { documentVerification } from '../validate/verification.js';
import { transferring } from '../util/isolated-pool.js';
import { documentStatus } from './document-status.js';
import { printDocument, type JsonStyle, type PrintedDocument } from './printed.js';

/**
 * What a thread of the isolated pool runs for the pipeline (src/util/isolated-pool.ts): recognition is bounded in
 * time and heap like extraction (issue 16: a DOCX gridSpan of 1e8 or an HTML table of 1,000 × 100,000 cells ran the
 * recognisers out of memory on the main thread and took the whole ingest down).
 */
export function recogniseInThread(doc: ExtractedDocument): RecognisedDocument {
  return doc.status === 'failed'
    ? { records: [], checks: [], issues: [], verification: documentVerification([]) }
    : recogniseDocument(doc);
}

/** Extraction and recognition in one call, so the document model never crosses threads (`budgetdoc extract`). */
export async function processInThread(
  bytes: Uint8Array,
  source: SourceRef,
  format: Format,
  limits: ExtractLimits,
): Promise<{ document: ExtractedDocument; recognised: RecognisedDocument }> {
  const document = await extractDocument(bytes, source, format, limits);
  return { document, recognised: recogniseInThread(document) };
}

/** Extraction and recognition, printed in this thread (`budgetdoc extract`): only the text moves to the caller. */
export async function printInThread(
  bytes: Uint8Array,
  source: SourceRef,
  format: Format,
  limits: ExtractLimits,
  raw: boolean,
  style: JsonStyle,
): Promise<PrintedDocument> {
  const { document, recognised } = await processInThread(bytes, source, format, limits);
  const status = documentStatus(document.status, recognised.records, recognised.checks, recognised.issues);
  const printed = printDocument({ document, recognised, status }, raw, style);
  return transferring(printed, [printed.bytes.buffer as ArrayBuffer]);
}
