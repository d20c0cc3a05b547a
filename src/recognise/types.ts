import type { z } from 'zod';
import type { ExtractedDocument, Issue, Provenance, Table } from '../model/document.js';
import type { BaseRecord, Check } from '../../schemas/common.js';

/** Document-level facts every record carries (docs/domain.md §4), each with provenance. */
export interface DocumentMeta {
  region: { province?: string; city?: string; county?: string };
  department: string | null;
  year: number | null;
  kind: BaseRecord['kind'];
  /** Provenance of each of the fields above, keyed 'region' | 'department' | 'year' | 'kind'. */
  provenance: Record<string, Provenance>;
  /** Repairs made to these fields (meta.name_repaired), for the records that carry them. */
  issues?: Issue[];
}

export interface RecogniseContext {
  doc: ExtractedDocument;
  meta: DocumentMeta;
  /** Index of the table in doc.tables, for tables whose title sits on the previous page. */
  tableIndex: number;
}

/** A recognised record: the base output contract plus table-specific named properties. */
export type RecognisedRecord = BaseRecord & Record<string, unknown>;

/** What a recogniser returns before validation adds the checks. */
export interface RecogniseResult {
  record: Omit<RecognisedRecord, 'checks' | 'status'> & Record<string, unknown>;
  issues: Issue[];
}

export interface Recogniser {
  /** Output-contract id: 'final.summary', 'perf.dept_target' ... */
  tableType: string;
  /** How sure (0..1) this recogniser is that the table is its type; 0 = not mine. */
  score(table: Table, ctx: RecogniseContext): number;
  recognise(table: Table, ctx: RecogniseContext): RecogniseResult;
  /** zod schema of the full record (schemas/<type>.ts). */
  schema: z.ZodType;
  /** The table's own identities (docs/domain.md §3), evaluated on the record. */
  checks(record: RecognisedRecord): Check[];
  /**
   * Rows at the top of the table that are its header (column heads, in-table title), 0 when it
   * starts with body lines, null when it cannot be a continuation part. Recognisers without it
   * never have their tables joined (continuation.ts).
   */
  headerRows?(table: Table, ctx: RecogniseContext): number | null;
}

/** Identities that span tables of one document (01 vs 02/03, 05 vs 06). */
export type CrossTableCheck = (records: RecognisedRecord[]) => Check[];
