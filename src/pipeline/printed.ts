import type { Processed } from './process-document.js';
import { documentRecord } from './document-record.js';
import { jsonChunks } from './json-chunks.js';

/** How `extract` prints values: items of one indented JSON array, or one compact JSON value per line. */
export type JsonStyle = 'array' | 'lines';

/** One value as printed: an item of the array (indented to sit inside it) or one line's JSON. */
const jsonOf = (value: unknown, style: JsonStyle): Buffer[] =>
  style === 'lines' ? jsonChunks(value, false) : jsonChunks(value, true, '  ');

/**
 * A document as `extract` prints it, serialised where it was processed: the values' UTF-8 text in one buffer
 * (value k is bytes ends[k-1]..ends[k]) and the few facts its progress line needs. The document model of a
 * 500-page PDF is ~190 MB of objects; rebuilt in the main thread only to be printed, it doubled the resident size of
 * `extract` (issue 12), while its text moves between threads without a copy.
 */
export interface PrintedDocument {
  bytes: Uint8Array;
  ends: number[];
  status: Processed['status'];
  tables: number;
  checksFailed: number;
  /** The first error's message, for a failed document. */
  failure?: string;
  /** Issue codes of the document and its recognition, once each. */
  codes: string[];
}

/** `raw`: the document model with its recognition issues and checks; otherwise its records, then its document record. */
export function printDocument(p: Processed, raw: boolean, style: JsonStyle): PrintedDocument {
  const values = raw
    ? [{ ...p.document, recognitionIssues: p.recognised.issues, crossTableChecks: p.recognised.checks }]
    : [...p.recognised.records, documentRecord(p)];
  const chunks: Buffer[] = [];
  const ends: number[] = [];
  let end = 0;
  for (const v of values) {
    for (const c of jsonOf(v, style)) {
      chunks.push(c);
      end += c.length;
    }
    ends.push(end);
  }
  // One buffer of its own, so that it can be transferred (a small Buffer may sit in Node's shared pool).
  const bytes = new Uint8Array(end);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  const failed = p.status === 'failed' ? p.document.issues.find((i) => i.severity === 'error') : undefined;
  return {
    bytes,
    ends,
    status: p.status,
    tables: p.recognised.records.length,
    checksFailed:
      p.recognised.checks.filter((c) => !c.ok).length +
      p.recognised.records.reduce((n, r) => n + r.checks.filter((c) => !c.ok).length, 0),
    ...(p.status === 'failed' ? { failure: failed?.message ?? 'no reason given' } : {}),
    codes: [...new Set([...p.document.issues, ...p.recognised.issues].map((i) => i.code))],
  };
}
