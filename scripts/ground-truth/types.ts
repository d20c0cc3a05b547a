/** The ground-truth file format (test/ground-truth/README.md). */

export interface GroundTruthTable {
  page: number;
  tableType: string;
  /** The title as printed. */
  title: string;
  /** 万元 | 元 as printed; null where the table prints no unit. */
  unit?: string | null;
  /** Functional / economic tables printed twice (Jiangsu): for all 财政拨款 or for the 一般公共预算 alone. */
  scope?: 'general_budget' | 'fiscal';
}

export interface GroundTruthValue {
  page: number;
  tableType: string;
  /** Amount tables: the line's code as printed (spaces removed) and its name as printed. */
  code?: string;
  row?: string;
  /** Summary tables (收支总表): which half the line is printed in. */
  side?: 'income' | 'expenditure';
  /** The printed column header (lowest header cell; merged parents joined with '/'). */
  column?: string;
  /** Schema key of the column (amount tables) or property path inside an indicator (forms). */
  key?: string;
  /** As for tables: the fund scope of a functional / economic table printed twice (Jiangsu). */
  scope?: 'general_budget' | 'fiscal';
  /** Forms: the record picked among several of one type, by its 项目名称 or title as printed. */
  form?: string;
  /** Forms: record path of a header field (`budget`, `budget.total`, `projectName`) and its printed label. */
  field?: string;
  label?: string;
  /** Forms: the 三级指标 as printed. */
  indicator?: string;
  /** The cell as printed; '' for a cell the page leaves blank. */
  value: string;
}

export interface GroundTruthFile {
  /** 'corpus:<file name>' or 'sample:<path from the repository root>'. */
  document: string;
  /** 'pdftotext', 'libreoffice' (workbooks), 'seed:<seed file name>' or 'build-data:<module>'. */
  checkedWith: string;
  typed: string;
  tables: GroundTruthTable[];
  values: GroundTruthValue[];
}

/** The checker's verdict on one value (index into `values`). */
export interface ValueVerdict {
  index: number;
  ok: boolean;
  reason?: string;
}
