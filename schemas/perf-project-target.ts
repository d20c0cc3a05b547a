import { z } from 'zod';
import { baseRecordSchema, provenanceSchema } from './common.js';
import {
  indicatorBaseSchema,
  labelledAmountFieldSchema,
  labelledTextFieldSchema,
  operatorValueSchema,
  optionalTextSchema,
} from './perf-common.js';

/** One indicator row of a 项目支出绩效目标表 (docs/domain.md §3.5, §3.6). */
export const projectTargetIndicatorSchema = indicatorBaseSchema.extend({
  /** 绩效指标描述 (指标内容) */
  description: optionalTextSchema,
  /**
   * 指标值 / 年度指标值 (`≥25次`, `≤预算控制数`, `按要求召开`; Shanghai §3.6: `≥13459.00(平方米)` -> operator `≥`,
   * value 13459, unit `平方米`; `合规` as a word).
   */
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

const amount = labelledAmountFieldSchema.nullable();
const text = labelledTextFieldSchema.nullable();

/**
 * 项目资金（元）, left half, of Shanghai's 财政项目支出绩效目标填报表 (docs/domain.md §3.6): the project's funds over
 * its whole life. 项目资金总额 = 财政资金 + 其他资金.
 */
export const projectFundsSchema = z.object({
  /** 项目资金总额 */
  total: amount,
  /** 其中：财政资金 */
  fiscal: amount,
  /** 其他资金 (the one printed in the left half) */
  other: amount,
});

/**
 * 项目资金（元）, right half, of the same form: what the year asks for.
 * 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金.
 */
export const annualFundsSchema = z.object({
  /** 年度资金申请总额 */
  total: amount,
  /** 其中：当年财政拨款 */
  appropriation: amount,
  /** 上年结转资金 */
  carryover: amount,
  /** 其他资金 (the one printed in the right half) */
  other: amount,
});

/**
 * perf.project_target: 项目支出绩效目标表 (seed 003 ×5, the 财政部 template) and Shanghai's 财政项目支出绩效目标填报表
 * (§3.6, one form per project). `rows` is empty. Header fields carry the label they are printed beside.
 */
export const perfProjectTargetSchema = baseRecordSchema.extend({
  tableType: z.literal('perf.project_target'),
  /** 项目编码 (`101-0701-JBN-FTBH`) */
  projectCode: text,
  /** 项目名称 */
  projectName: text,
  /** 主管部门（及代码） (财政部 template), 主管部门 (§3.6) */
  supervisor: text,
  /** 实施单位 (财政部 template, §3.6) */
  implementer: text,
  /** 单位编码 printed above the table (`101002 抚宁区人大`). */
  unitCode: text,
  /** 预算数 (年度资金总额 in the 财政部 template); null on a §3.6 form, whose figures are in projectFunds / annualFunds. */
  budget: amount,
  /** 其中：财政资金 (财政拨款) under 预算数 */
  fiscalFunds: amount,
  /** 其他资金 under 预算数 */
  otherFunds: amount,
  /** 资金用途 (the text row of 预算规模及资金用途) */
  purpose: text,
  /** 资金支出计划（%） */
  spendingPlan: z.array(spendingMilestoneSchema),
  /** 绩效目标, one entry per numbered target (`1、…`); empty on a §3.6 form (see overallGoal, annualGoal). */
  goals: z.array(labelledTextFieldSchema),
  /** 项目性质 (§3.6: 经常性项目 / 阶段性项目) */
  nature: text.optional(),
  /** 项目类别 (§3.6) */
  category: text.optional(),
  /** 计划开始日期 (§3.6), as printed (`2025-01-01`) */
  startDate: text.optional(),
  /** 计划完成日期 (§3.6), as printed */
  endDate: text.optional(),
  /** 项目资金（元）, left half (§3.6); null where the form has no such block. */
  projectFunds: projectFundsSchema.nullable().optional(),
  /** 项目资金（元）, right half (§3.6); null where the form has no such block. */
  annualFunds: annualFundsSchema.nullable().optional(),
  /** 项目总目标 (§3.6), the text under its heading */
  overallGoal: text.optional(),
  /** 年度总体目标 (§3.6), the text under its heading */
  annualGoal: text.optional(),
  indicators: z.array(projectTargetIndicatorSchema),
});
export type PerfProjectTarget = z.infer<typeof perfProjectTargetSchema>;
