import { z } from 'zod';
import { baseRecordSchema, provenanceSchema } from './common.js';
import { checkboxesSchema, labelledAmountFieldSchema, labelledTextFieldSchema } from './perf-common.js';

/** 指标值: operator, number and unit as printed (`≥ 90 %`, `定性` + `合理`). */
export const indicatorValueSchema = z.object({
  operator: z.string().nullable(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  text: z.string(),
});

/** One 三级指标 row of a 部门整体支出绩效目标表 (docs/domain.md §3.4). */
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
export const fundingSourceSchema = z.object({
  label: z.string(),
  amount: z.number().nullable(),
  provenance: provenanceSchema,
});

const numberFieldSchema = labelledAmountFieldSchema.nullable();
const textOrNull = labelledTextFieldSchema.nullable();

/** 绩申表-1/2/3 of seed 000 (docs/domain.md §3.4, basic facts); null where not printed. */
export const deptTargetFactsSchema = z.object({
  /** 预算绩效管理联络员 */
  liaison: textOrNull,
  /** 联系电话 */
  phone: textOrNull,
  /** 人员编制数 */
  staffQuota: numberFieldSchema,
  /** 实有人数 */
  staffActual: numberFieldSchema,
  /** 公车编制数 */
  vehicleQuota: numberFieldSchema,
  /** 实有公车数 */
  vehicleActual: numberFieldSchema,
  /** 单位职能 */
  functions: textOrNull,
  /** 部门中长期战略目标 */
  strategy: textOrNull,
  /** 保障绩效目标实现的措施 */
  measures: textOrNull,
  /** 上年度预算执行情况及成效 */
  lastYear: textOrNull,
  /** 其他需说明的问题 */
  otherNotes: textOrNull,
});

/** perf.dept_target: 部门整体支出绩效目标表 / 申报表 (seeds 000, 002, 004). */
export const deptTargetRecordSchema = baseRecordSchema.extend({
  tableType: z.literal('perf.dept_target'),
  /** 部门(单位)名称 */
  departmentName: labelledTextFieldSchema.nullable(),
  /** 填报单位 */
  reportingUnit: labelledTextFieldSchema.nullable(),
  /** 年度履职目标 */
  annualGoal: labelledTextFieldSchema.nullable(),
  /** 年度主要任务 */
  tasks: z.array(deptTargetTaskSchema),
  /** 预算情况 */
  budget: z.object({
    /** 部门预算总额 */
    total: labelledAmountFieldSchema.nullable(),
    /** 资金来源 */
    sources: z.array(fundingSourceSchema),
    /** 资金结构: 基本支出 */
    basicExpenditure: labelledAmountFieldSchema.nullable(),
    /** 资金结构: 项目支出 */
    projectExpenditure: labelledAmountFieldSchema.nullable(),
  }),
  indicators: z.array(deptTargetIndicatorSchema),
  /** What a 二级 heading row without a 三级 prints about its group (seed 004: `反映本部门负责的重点工作任务进展情况…`). */
  groupNotes: z
    .array(z.object({ level1: z.string(), level2: z.string(), text: z.string(), provenance: provenanceSchema }))
    .optional(),
  /** Seed 000 (绩申表-1/2/3): facts about the unit and the form's long texts. */
  facts: deptTargetFactsSchema.optional(),
  /** 三公经费预算（万元）: 合计 and its items (seed 000). */
  threePublic: z
    .object({ total: labelledAmountFieldSchema.nullable(), items: z.array(fundingSourceSchema) })
    .nullable()
    .optional(),
  /** Option boxes (绩申表-4: 单位（部门）自评□ 财政部门□, 优秀□ 良好□ 合格□ 不合格□). */
  checkboxes: z.array(checkboxesSchema).optional(),
});
export type DeptTargetRecord = z.infer<typeof deptTargetRecordSchema>;
