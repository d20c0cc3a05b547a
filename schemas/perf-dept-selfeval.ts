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

/** One indicator row of a 部门整体支出绩效自评表 (docs/domain.md §3.3). */
export const deptSelfevalIndicatorSchema = indicatorBaseSchema.extend({
  /** 分值 */
  points: z.number().nullable(),
  /** 指标说明 */
  description: optionalTextSchema,
  /** 评分标准 */
  scoring: optionalTextSchema,
  /** 指标值计算公式和数据获取方式 */
  formula: optionalTextSchema,
  /** 年初目标值 */
  target: operatorValueSchema.nullable(),
  /** 实际完成值 */
  actual: operatorValueSchema.nullable(),
  /** 得分 */
  score: z.number().nullable(),
  /** 未完成原因分析与改进措施 */
  reason: optionalTextSchema,
  /** 绩效指标分析与建议 */
  analysis: optionalTextSchema,
});
export type DeptSelfevalIndicator = z.infer<typeof deptSelfevalIndicatorSchema>;

/** perf.dept_selfeval: 部门整体支出绩效自评表 (seed 001). `rows` is empty. */
export const perfDeptSelfevalSchema = baseRecordSchema.extend({
  tableType: z.literal('perf.dept_selfeval'),
  /** 填报单位 */
  reportingUnit: labelledTextFieldSchema.nullable(),
  /** 自评得分 (`98分` -> 98) */
  selfScore: labelledAmountFieldSchema.nullable(),
  /** （一）简要概述部门职能与职责 */
  functions: labelledTextFieldSchema.nullable(),
  /** （二）简要概述部门支出情况，按活动内容分类 */
  spending: labelledTextFieldSchema.nullable(),
  /** （三）简要概述当年区委区政府下达的重点工作 */
  keyTasks: labelledTextFieldSchema.nullable(),
  /** 备注 (the notes printed under the indicators) */
  remark: labelledTextFieldSchema.nullable(),
  indicators: z.array(deptSelfevalIndicatorSchema),
  checkboxes: z.array(checkboxesSchema),
});
export type PerfDeptSelfeval = z.infer<typeof perfDeptSelfevalSchema>;
