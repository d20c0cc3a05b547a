import type { Check } from '../../schemas/common.js';
import type { ExtractedDocument, Issue } from '../model/document.js';
import { issue } from '../model/build.js';
import { rescaleTolerance } from '../validate/sum-check.js';
import { resolveCovers, verifyRecord } from '../validate/verification.js';
import type { RecognisedRecord } from './types.js';

/**
 * Document-level checks (cross-table identities, the narrative against the tables) applied to the records they
 * read (docs/architecture.md, Trust): their `covers` name `<tableId>:<path>`, their 尾差 is the coarsest printed
 * precision of the tables they compare (1 when either is printed in whole 元), and every record's verification
 * counts them.
 */
export function documentChecksCover(records: RecognisedRecord[], checks: Check[]): void {
  const roots = records
    .filter((r) => typeof r.tableId === 'string')
    .map((record) => ({ record, prefix: `${String(record.tableId)}:` }));
  resolveCovers(checks, roots);
  const byId = new Map(records.map((r) => [String(r.tableId), r]));
  for (const c of checks) {
    const decimals = (c.covers ?? [])
      .map((p) => byId.get(p.slice(0, p.indexOf(':')))?.printedDecimals)
      .filter((d): d is number => d !== undefined);
    if (decimals.length > 0) rescaleTolerance(c, 10 ** -Math.min(...decimals));
  }
  for (const r of records) {
    r.verification = verifyRecord(r, checks);
    flagUncheckedOcr(r);
  }
}

/**
 * OCR invents digits the page never printed; only an identity can tell. An OCR-read record is `ok` only when
 * every one of its numbers is covered by a passing identity (issue 9: identities that cannot run must not let
 * invented amounts through silently).
 */
function flagUncheckedOcr(r: RecognisedRecord): void {
  const v = r.verification;
  if (r.provenance.method !== 'ocr' || !v || v.unchecked === 0) return;
  const none = v.verified + v.contradicted === 0;
  const message = none
    ? `no identity could check any of the ${v.total} OCR-read numbers`
    : `${v.unchecked} of ${v.total} OCR-read numbers are covered by no identity`;
  r.issues = [...r.issues, issue('error', 'ocr.values_unchecked', message, r.provenance)];
  r.status = 'partial';
}

/**
 * A document that yields no table is never silently `ok` (issue 9): it says so, with what it holds instead
 * (pages of text, narrative figures compared with nothing).
 */
export function completenessOfDocument(doc: ExtractedDocument, records: RecognisedRecord[], checks: Check[]): Issue[] {
  if (records.length > 0 || doc.status === 'failed') return [];
  const textPages = doc.pages.filter((p) => p.runs.some((r) => r.text.trim() !== '')).length;
  const figures = checks.filter((c) => c.rule.startsWith('narrative.')).length;
  const holds = [`${textPages} page${textPages === 1 ? '' : 's'} of text`];
  if (figures > 0) holds.push(`${figures} narrative figure${figures === 1 ? '' : 's'}`);
  return [
    issue('error', 'document.no_tables', `no table was found in the document; it holds ${holds.join(' and ')} instead`),
  ];
}
