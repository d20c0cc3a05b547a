import { createHash } from 'node:crypto';
import { documentMeta } from '../recognise/meta/document-meta.js';
import { completeness } from './completeness.js';
import { consistency } from './consistency.js';
import { crossDocument } from './cross-document.js';
import { crossTable } from './cross-table.js';
import { hygiene } from './hygiene.js';
import { TextLocator } from './locate.js';
import { narrative } from './narrative.js';
import type { AuditInput, Finding, FindingSeverity, Rule, RuleFamily } from './types.js';

/** The rule families, in the order a report lists them (docs/audit.md). */
export const families: RuleFamily[] = [completeness, consistency, narrative, crossTable, crossDocument, hygiene];

export const allRules: Rule[] = families.flatMap((f) => f.rules);

/**
 * Bumped by hand when a rule's logic changes without its list changing; the hash of the rule list changes by itself
 * when a rule is added, removed, renamed or re-graded. Stored findings of another version are re-computed.
 */
const REVISION = 1;
export const RULES_VERSION = `${REVISION}-${createHash('sha256')
  .update(JSON.stringify(allRules))
  .digest('hex')
  .slice(0, 8)}`;

const ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Every finding of the rulebook on one document, by page, then severity; findings on the whole document first. */
export function auditDocument(input: AuditInput): Finding[] {
  const ctx = {
    ...input,
    peers: input.peers ?? [],
    meta: documentMeta(input.document),
    locate: new TextLocator(input.document),
  };
  const ids = new Set(allRules.map((r) => r.id));
  const findings = families.flatMap((f) => f.run(ctx));
  for (const f of findings) if (!ids.has(f.rule)) throw new Error(`finding of an unlisted rule ${f.rule}`);
  return findings.sort(
    (a, b) =>
      (a.page ?? 0) - (b.page ?? 0) || ORDER[a.severity] - ORDER[b.severity] || (a.bbox?.y0 ?? 0) - (b.bbox?.y0 ?? 0),
  );
}

/** Counts by severity, for summaries and the exit code. */
export function severityCounts(findings: Finding[]): Record<FindingSeverity, number> {
  const out: Record<FindingSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
