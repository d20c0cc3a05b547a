import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { csvChunk } from './csv.js';
import { DICTIONARY_COLUMNS, datasetDictionary } from './dictionary.js';

/** `budgetdoc export --dictionary`: the data dictionary (src/export/dictionary.ts) as CSV or JSONL; returns the entries. */
export async function writeDictionary(out: Writable, format: 'csv' | 'jsonl', bom: boolean): Promise<number> {
  const entries = datasetDictionary();
  const text =
    format === 'csv'
      ? csvChunk(entries as unknown as Array<Record<string, string>>, DICTIONARY_COLUMNS, { header: true, bom })
      : entries.map((e) => `${JSON.stringify(e)}\n`).join('');
  if (!out.write(text)) await once(out, 'drain');
  return entries.length;
}
