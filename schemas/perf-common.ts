import { z } from 'zod';
import { amountFieldSchema, provenanceSchema, textFieldSchema } from './common.js';

/** `≥25次`, `≤预算控制数`, `100%`, `合理` (src/recognise/values.ts parseOperatorValue). */
export const operatorValueSchema = z.object({
  /** '≥' | '≤' | '=' | '>' | '<' | '定性'; null when none is printed. */
  operator: z.string().nullable(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  /** The cell as printed (normalised). */
  text: z.string(),
});
export type OperatorValueOut = z.infer<typeof operatorValueSchema>;

/** Boxes printed in a cell (`优秀□ 良好□`), with the marked ones. */
export const checkboxesSchema = z.object({
  text: z.string(),
  options: z.array(z.object({ label: z.string(), checked: z.boolean() })),
  checked: z.array(z.string()),
  provenance: provenanceSchema,
});

/** A free-text field that may be printed blank. */
export const optionalTextSchema = z.string().nullable();

/**
 * The part every 绩效 indicator row shares: 一级/二级/三级 labels with the points printed in them
 * (`投入管理指标(50分)` -> label `投入管理指标`, points 50), carried down from merged cells.
 */
export const indicatorBaseSchema = z.object({
  /** 一级指标 (产出指标 / 效益指标 / 满意度指标 / 投入 / 过程 / 效果). */
  level1: z.string().nullable(),
  level1Points: z.number().nullable(),
  /** 二级指标 (数量指标, 质量指标, 预算执行 ...). */
  level2: z.string().nullable(),
  level2Points: z.number().nullable(),
  /** 三级指标, without its points. */
  level3: z.string(),
  level3Points: z.number().nullable(),
  /** The indicator row (its 三级指标 cell). */
  provenance: provenanceSchema,
  /** Provenance of each printed column, keyed like the fields. */
  cells: z.record(z.string(), provenanceSchema),
});

/**
 * A header field of a 绩效 form with the label it is printed beside (`项目名称`, `其中：财政资金`, `计划开始日期`):
 * `{ label, value, provenance }`, the provenance that of the value's cell. `label` is optional so that fields
 * read from elsewhere (a unit line above the table) fit too.
 */
export const labelledTextFieldSchema = textFieldSchema.extend({
  /** The printed label, normalised (`其中：财政资金`), without a trailing colon. */
  label: z.string().optional(),
});
/** An amount field of a 绩效 form with its printed label (see labelledTextFieldSchema). */
export const labelledAmountFieldSchema = amountFieldSchema.extend({
  /** The printed label, normalised (`年度资金申请总额`). */
  label: z.string().optional(),
});
