import type { Provenance } from '../model/document.js';
import type { RecognisedRecord } from '../recognise/types.js';

/**
 * The printed cell behind a check's value path (schemas/common.ts `covers`: `rows.3.values.total` inside a record,
 * `p6-t1:rows.8.values.amount` across a document): its provenance, from the row's `cells` where the recogniser kept
 * them, else the nearest provenance up the path (the row's, a form field's).
 */
export function provenanceAt(record: object, path: string): Provenance | undefined {
  const keys = path.split('.');
  const chain: unknown[] = [record];
  for (const k of keys) {
    const top = chain.at(-1);
    if (!top || typeof top !== 'object') return undefined;
    chain.push((top as Record<string, unknown>)[k]);
  }
  const last = keys.at(-1)!;
  for (let i = chain.length - 2; i >= 0; i--) {
    const node = chain[i] as { cells?: Record<string, Provenance>; provenance?: Provenance } | undefined;
    if (!node || typeof node !== 'object') continue;
    if (node.cells && typeof node.cells === 'object' && node.cells[last]) return node.cells[last];
    if (node.provenance?.page) return node.provenance;
  }
  return undefined;
}

/** A document-level path (`<tableId>:<path>`) resolved among the records. */
export function documentProvenanceAt(records: RecognisedRecord[], path: string): Provenance | undefined {
  const at = path.indexOf(':');
  if (at < 0) return undefined;
  const record = records.find((r) => r.tableId === path.slice(0, at));
  return record && provenanceAt(record, path.slice(at + 1));
}

/** The record a document-level path points into. */
export function recordAt(records: RecognisedRecord[], path: string): RecognisedRecord | undefined {
  const at = path.indexOf(':');
  return at < 0 ? undefined : records.find((r) => r.tableId === path.slice(0, at));
}
