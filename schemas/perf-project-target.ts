import { z } from 'zod';
import { amountFieldSchema, baseRecordSchema, provenanceSchema, textFieldSchema } from './common.js';
import { indicatorBaseSchema, operatorValueSchema, optionalTextSchema } from './perf-common.js';

/** One indicator row of a 项目支出绩效目标表 (docs/domain.md §3.5). */
export const projectTargetIndicatorSchema = indicatorBaseSchema.extend({
  /** 绩效指标描述 (指标内容) */
  description: optionalTextSchema,
  /** 指标值 (`≥25次`, `≤预算控制数`, `按要求召开`) */
  value: operatorValueSchema.nullable(),
  /** 指标值确定依据 */
  basis: optionalTextSchema,
});
export type ProjectTargetIndicator = z.infer<typeof projectTargetIndicatorSchema>;

/** One 资金支出计划 milestone: `3月底` 25.00 (% of the year's budget spent by then). */
export const spendingMilestoneSchema = z.object({
  /** As printed: `3月底`. */
  label: z.string(),
  month: z.number().int().min(1).max(12),
  percent: z.number().nullable(),
  provenance: provenanceSchema,
});

/** perf.project_target: 项目支出绩效目标表 (seed 003 ×5). `rows` is empty. */
export const perfProjectTargetSchema = baseRecordSchema.extend({
  tableType: z.literal('perf.project_target'),
  /** 项目编码 (`101-0701-JBN-FTBH`) */
  projectCode: textFieldSchema.nullable(),
  /** 项目名称 */
  projectName: textFieldSchema.nullable(),
  /** 主管部门（及代码） (财政部 template) */
  supervisor: textFieldSchema.nullable(),
  /** 实施单位 (财政部 template) */
  implementer: textFieldSchema.nullable(),
  /** 单位编码 printed above the table (`101002 抚宁区人大`). */
  unitCode: textFieldSchema.nullable(),
  /** 预算数 (年度资金总额 in the 财政部 template) */
  budget: amountFieldSchema.nullable(),
  /** 其中：财政资金 (财政拨款) */
  fiscalFunds: amountFieldSchema.nullable(),
  /** 其他资金 */
  otherFunds: amountFieldSchema.nullable(),
  /** 资金用途 (the text row of 预算规模及资金用途) */
  purpose: textFieldSchema.nullable(),
  /** 资金支出计划（%） */
  spendingPlan: z.array(spendingMilestoneSchema),
  /** 绩效目标, one entry per numbered target (`1、…`). */
  goals: z.array(textFieldSchema),
  indicators: z.array(projectTargetIndicatorSchema),
});
export type PerfProjectTarget = z.infer<typeof perfProjectTargetSchema>;
