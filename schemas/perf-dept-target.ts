import { z } from 'zod';
import { amountFieldSchema, baseRecordSchema, provenanceSchema, textFieldSchema } from './common.js';

/** 指标值: operator, number and unit as printed (`≥ 90 %`, `定性` + `合理`). */
export const indicatorValueSchema = z.object({
  operator: z.string().nullable(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  text: z.string(),
});

/** One 三级指标 row of a 部门整体支出绩效目标表 (domain.md §3.4). */
export const deptTargetIndicatorSchema = z.object({
  /** 一级指标, carried down from its merged cell; points printed in it (`投入管理指标(50分)`). */
  level1: z.string(),
  level1Points: z.number().nullable(),
  /** 二级指标 */
  level2: z.string(),
  level2Points: z.number().nullable(),
  /** 三级指标 */
  level3: z.string(),
  /** 指标值类型 (定性, ≥, ≤, =) where printed as its own column. */
  valueType: z.string().nullable(),
  /** 指标值 */
  value: indicatorValueSchema,
  /** 评(扣)分标准 */
  scoringStandard: z.string().nullable(),
  /** 指标值说明 */
  description: z.string().nullable(),
  /** 备注 / 目标值测算要点及依据 */
  remark: z.string().nullable(),
  provenance: provenanceSchema,
  cells: z.record(z.string(), provenanceSchema),
});

export const deptTargetTaskSchema = z.object({
  /** 任务名称 */
  name: z.string(),
  /** 主要内容 */
  content: z.string(),
  provenance: provenanceSchema,
});

/** A 资金来源 line: 财政性资金 / 其他资金, or 公共财政拨款 / 政府性基金拨款 / 非税收入拨款 / 其他拨款 (seed 000). */
export const fundingSourceSchema = z.object({ label: z.string(), amount: z.number().nullable(), provenance: provenanceSchema });

/** perf.dept_target: 部门整体支出绩效目标表 / 申报表 (seeds 000, 002, 004). */
export const deptTargetRecordSchema = baseRecordSchema.extend({
  tableType: z.literal('perf.dept_target'),
  /** 部门(单位)名称 */
  departmentName: textFieldSchema.nullable(),
  /** 填报单位 */
  reportingUnit: textFieldSchema.nullable(),
  /** 年度履职目标 */
  annualGoal: textFieldSchema.nullable(),
  /** 年度主要任务 */
  tasks: z.array(deptTargetTaskSchema),
  /** 预算情况 */
  budget: z.object({
    /** 部门预算总额 */
    total: amountFieldSchema.nullable(),
    /** 资金来源 */
    sources: z.array(fundingSourceSchema),
    /** 资金结构: 基本支出 */
    basicExpenditure: amountFieldSchema.nullable(),
    /** 资金结构: 项目支出 */
    projectExpenditure: amountFieldSchema.nullable(),
  }),
  indicators: z.array(deptTargetIndicatorSchema),
});
export type DeptTargetRecord = z.infer<typeof deptTargetRecordSchema>;
