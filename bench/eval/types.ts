/**
 * Shapes `npm run eval` works with: ground-truth entries (test/ground-truth/README.md) and the loose view of a
 * pipeline record it reads (schemas/ is the full contract; eval only needs pages, rows, fields and verification).
 */

/** One value typed from the printed page. */
export interface GtValue {
  page: number;
  tableType: string;
  /** The cell as printed: '1,234.56', '-', '' (blank), '≥90%'. */
  value: string;
  code?: string;
  row?: string;
  /** Summary tables: 'income' | 'expenditure' ('expenditure' also matches 'expenditure_by_purpose'). */
  side?: string;
  /** Printed column header (documentation; matching uses `key`). */
  column?: string;
  /** Schema key: rows[].values[key] (or rows[].notes[key]); for an indicator, a path inside it ('value.text'). */
  key?: string;
  /** 'fiscal' | 'general_budget': which of two tables of one type. */
  scope?: string;
  /** Picks one form among several of one type: its 项目名称 or title as printed. */
  form?: string;
  /** Form field path: 'budget.total' -> record.budget.total.value. */
  field?: string;
  label?: string;
  /** 三级指标 as printed. */
  indicator?: string;
}

export interface GtTable {
  page: number;
  tableType: string;
  title?: string;
  unit?: string;
  scope?: string;
}

export interface GtDocument {
  /** File name under test/ground-truth/. */
  file: string;
  /** 'corpus:<file>' or 'sample:<path>'. */
  document: string;
  /** Where the document is read from. */
  path: string;
  tables: GtTable[];
  values: GtValue[];
}

export type ValueState = 'verified' | 'contradicted' | 'unchecked';

export interface VerificationLike {
  verified: number;
  contradicted: number;
  unchecked: number;
  total: number;
  share?: number | null;
  states?: Record<string, ValueState>;
}

export interface EvalRow {
  code?: string;
  name?: string;
  side?: string;
  values?: Record<string, unknown>;
  notes?: Record<string, unknown>;
  provenance?: { page?: number };
}

export interface EvalRecord {
  tableType: string;
  title?: string;
  unit?: string | null;
  status?: string;
  scope?: string;
  provenance?: { page?: number };
  rows?: EvalRow[];
  indicators?: Array<Record<string, unknown>>;
  verification?: VerificationLike;
  [key: string]: unknown;
}

/** What one ground-truth value met in the records. */
export interface Match {
  gt: GtValue;
  /** The record the value belongs to (the first candidate when the value itself was not located). */
  record?: EvalRecord;
  /** Path of the value inside the record ('rows.3.values.total', 'budget.total.value'). */
  path?: string;
  got?: unknown;
  found: boolean;
  exact: boolean;
  state?: ValueState;
  /** Why the value was not found. */
  reason?: string;
}
