import { z } from 'zod';
import { baseRecordSchema } from './common.js';
import {
  checkboxesSchema,
  indicatorBaseSchema,
  labelledAmountFieldSchema,
  labelledTextFieldSchema,
  operatorValueSchema,
  optionalTextSchema,
} from './perf-common.js';

/** One 绩效指标 row of a 项目支出绩效自评表 (docs/domain.md §3.2). */
export const projectSelfevalIndicatorSchema = indicatorBaseSchema.extend({
  /** 年度指标值 */
  target: operatorValueSchema.nullable(),
  /** 全年完成值 (实际完成值) */
  actual: operatorValueSchema.nullable(),
  /** 分值, in regions that score indicators. */
  points: z.number().nullable(),
  /** 得分 */
  score: z.number().nullable(),
  /** 未完成原因和改进措施 / 偏差原因分析及改进措施 */
  reason: optionalTextSchema,
});
export type ProjectSelfevalIndicator = z.infer<typeof projectSelfevalIndicatorSchema>;

/**
 * perf.project_selfeval: 项目支出绩效自评表 / 区级预算（项目）绩效目标自评表 (seed 001 ×3).
 * `rows` are the 项目资金 lines (年度资金总额 / 其中：财政资金 / 其他资金) with values
 * `budget` (全年预算数 A), `executed` (全年执行数 B), `rate` (执行率 B/A, %), and `points` / `score`
 * (分值 / 得分) where printed.
 */
export const perfProjectSelfevalSchema = baseRecordSchema.extend({
  tableType: z.literal('perf.project_selfeval'),
  /** 专项（项目）名称 / 项目名称 */
  projectName: labelledTextFieldSchema.nullable(),
  /** 主管部门 / 区级主管部门 */
  supervisor: labelledTextFieldSchema.nullable(),
  /** 实施单位 */
  implementer: labelledTextFieldSchema.nullable(),
  /** 年度总体目标 · 年初设定目标 (预期目标) */
  plannedGoal: labelledTextFieldSchema.nullable(),
  /** 年度总体目标 · 全年实际完成情况 (实际完成情况) */
  achievedGoal: labelledTextFieldSchema.nullable(),
  /** 总分 row: 分值 (normally 100). */
  totalPoints: labelledAmountFieldSchema.nullable(),
  /** 总分 row: 得分, or 自评得分 printed in the header. */
  totalScore: labelledAmountFieldSchema.nullable(),
  /** 说明 */
  remark: labelledTextFieldSchema.nullable(),
  indicators: z.array(projectSelfevalIndicatorSchema),
  /** Option boxes printed on the form (自评等级 优秀□ 良好□ ...). */
  checkboxes: z.array(checkboxesSchema),
});
export type PerfProjectSelfeval = z.infer<typeof perfProjectSelfevalSchema>;
