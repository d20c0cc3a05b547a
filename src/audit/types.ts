import type { BBox, ExtractedDocument, Issue } from '../model/document.js';
import type { Check } from '../../schemas/common.js';
import type { DocumentMeta, RecognisedRecord } from '../recognise/types.js';
import type { TextLocator } from './locate.js';

/**
 * The auditor's rulebook (docs/domain.md §5, docs/audit.md): what a reviewer of a published disclosure looks for,
 * one finding per publishing error, each with the page and the box of the printed text.
 */
export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Rule {
  /** Stable id, `<family>.<name>`: 'completeness.toc_entry_without_table'. */
  id: string;
  severity: FindingSeverity;
  /** One line a reviewer understands. */
  description: string;
}

export interface Finding {
  rule: string;
  severity: FindingSeverity;
  message: string;
  /** 1-based page (sheet index for workbooks); null when the finding is about the document as a whole. */
  page: number | null;
  /** PDF points, top-left origin; null where the format has no positions. */
  bbox: BBox | null;
  /** What is printed there. */
  text: string | null;
  /** What the figures say it should be, where numbers are involved. */
  expected: number | string | null;
  /** What is printed, as a number where it is one. */
  actual: number | string | null;
}

/** Another stored or given document an audit may compare with (a narrative file against its tables file). */
export interface PeerDocument {
  sourceId: string;
  fileName: string | null;
  records: RecognisedRecord[];
}

/** What processDocument returns (src/pipeline/process-document.ts), or what the store holds for a document. */
export interface AuditInput {
  document: ExtractedDocument;
  records: RecognisedRecord[];
  /** Document-level checks: cross-table identities and the narrative's restated totals. */
  checks: Check[];
  issues: Issue[];
  /** Documents of the same department, year and kind (cross-document rules); none when absent. */
  peers?: PeerDocument[];
}

/** An AuditInput with what several families share, computed once. */
export interface AuditContext extends AuditInput {
  meta: DocumentMeta;
  peers: PeerDocument[];
  /** Finds printed text on the pages (one index per document). */
  locate: TextLocator;
}

/** One module per family: its rules and the function that applies them. */
export interface RuleFamily {
  id: string;
  rules: Rule[];
  run(ctx: AuditContext): Finding[];
}
