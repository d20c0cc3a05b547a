import { z } from 'zod';

/** Provenance of a value (docs/architecture.md): page, part, box, locator, extractor. */
export const provenanceSchema = z.object({
  sourceId: z.string().regex(/^[0-9a-f]{64}$/),
  page: z.number().int().min(1),
  part: z.string().optional(),
  bbox: z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() }).optional(),
  locator: z.string().optional(),
  method: z.enum(['structure', 'text-layer', 'emf-text', 'ocr']),
  extractor: z.string(),
  confidence: z.number().min(0).max(1).optional(),
});
export type ProvenanceOut = z.infer<typeof provenanceSchema>;

/** An amount in the table's unit; null is a blank cell, 0 a printed 0 or '-'. */
export const moneySchema = z.number().finite().nullable();

export const issueSchema = z.object({
  severity: z.enum(['warning', 'error']),
  code: z.string(),
  message: z.string(),
  prov: provenanceSchema.optional(),
});

export const checkSchema = z.object({
  /** Stable rule id, e.g. 'perf.dept_target.total_eq_basic_plus_project'. */
  rule: z.string(),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  ok: z.boolean(),
  tolerance: z.number(),
  /** Human-readable statement of the identity, with the printed labels. */
  description: z.string().optional(),
  /**
   * The values the identity reads, as paths in the record (`rows.3.values.total`, `budget.total.value`); in a
   * document-level check prefixed with the record's table id (`t5:rows.0.values.total`).
   */
  covers: z.array(z.string()).optional(),
  /** Passed only within 尾差 (docs/domain.md §2): the sides differ by no more than the printed rounding allows. */
  rounding: z.boolean().optional(),
});
export type Check = z.infer<typeof checkSchema>;

export const valueStateSchema = z.enum(['verified', 'contradicted', 'unchecked']);
export type ValueState = z.infer<typeof valueStateSchema>;

/**
 * What the identities say about the numbers of a record or document (docs/architecture.md, Trust): a number is
 * verified when a passing identity covers it, contradicted when a failing one does, unchecked otherwise.
 */
export const verificationSchema = z.object({
  verified: z.number().int(),
  contradicted: z.number().int(),
  unchecked: z.number().int(),
  total: z.number().int(),
  /** verified / total; null for a record without numbers. */
  share: z.number().nullable(),
  /** State of each number, keyed by its path in the record; absent in document totals. */
  states: z.record(z.string(), valueStateSchema).optional(),
});
export type Verification = z.infer<typeof verificationSchema>;

/** A value read from a labelled cell of a form-like table. */
export const fieldSchema = <T extends z.ZodTypeAny>(value: T) => z.object({ value, provenance: provenanceSchema });
export const textFieldSchema = fieldSchema(z.string());
export const amountFieldSchema = fieldSchema(z.number().nullable());
export type TextField = z.infer<typeof textFieldSchema>;
export type AmountField = z.infer<typeof amountFieldSchema>;

/** A line-item row of an amount table (output contract). */
export const lineRowSchema = z.object({
  code: z.string().optional(),
  name: z.string(),
  /** 类 / 款 / 项 from code length (3 / 5 / 7 digits); absent for rows without a code. */
  level: z.number().int().min(1).max(3).optional(),
  values: z.record(z.string(), moneySchema),
  provenance: provenanceSchema,
  /** Provenance of each value, keyed like `values`. */
  cells: z.record(z.string(), provenanceSchema).optional(),
});
export type LineRow = z.infer<typeof lineRowSchema>;

export const regionSchema = z.object({
  province: z.string().optional(),
  city: z.string().optional(),
  county: z.string().optional(),
});

export const documentKindSchema = z.enum(['final', 'budget', 'perf_target', 'perf_selfeval', 'unknown']);

export const recordSourceSchema = z.object({
  /** sha256 of the file. */
  id: z.string(),
  url: z.string(),
  fileName: z.string().nullable(),
  /** 发布时间 as printed on the page that published it. */
  publishedAt: z.string().nullable(),
  /** 信息来源 */
  publisher: z.string().nullable(),
  /** Where the crawler found it: listing URL, link text, article title (issue 6). */
  discoveredFrom: z.record(z.string(), z.string()).optional(),
  /** sha256 of the container (ZIP) it was unpacked from. */
  parentId: z.string().optional(),
});

/** Every recognised table is one record of this shape (docs/architecture.md, Output contract). */
export const baseRecordSchema = z.object({
  tableType: z.string(),
  title: z.string(),
  /** '万元' or '元', as printed in the table's 单位 line; null where none is printed. */
  unit: z.string().nullable(),
  region: regionSchema,
  department: z.string().nullable(),
  year: z.number().int().nullable(),
  kind: documentKindSchema,
  rows: z.array(lineRowSchema),
  checks: z.array(checkSchema),
  issues: z.array(issueSchema),
  /** The table as a whole. */
  provenance: provenanceSchema,
  /** Provenance of region, department, year, kind, unit and title. */
  metaProvenance: z.record(z.string(), provenanceSchema),
  status: z.enum(['ok', 'partial', 'failed']),
  /** Set after the checks ran (src/validate/verification.ts). */
  verification: verificationSchema.optional(),
  /** Decimals of the amounts as printed (2 for 万元 with fen, 0 for whole 元): the unit of 尾差. */
  printedDecimals: z.number().int().min(0).max(6).optional(),
  versions: z.record(z.string(), z.string()),
  /** The document the table was published in (docs/domain.md §4): file, URL, 发布时间, 信息来源, where it was found. */
  source: recordSourceSchema.optional(),
});
export type BaseRecord = z.infer<typeof baseRecordSchema>;
