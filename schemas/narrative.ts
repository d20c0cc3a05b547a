import { z } from 'zod';
import { baseRecordSchema, provenanceSchema } from './common.js';

/**
 * One figure the narrative (第三部分 情况说明) restates (docs/domain.md §3.1: "总收入533.64万元"), read from its
 * sentence. `key` says what it is, one per figure and stage in a record:
 * - the totals: `total_income` (收入预算总计 / 本年收入合计 / 总收入), `total_expenditure`, `grand_total` (收入支出总计),
 *   `fiscal_income` (财政拨款收入), `fiscal_expenditure`, `fiscal_grand_total` (财政拨款收入支出总计),
 *   `gpb_expenditure` (一般公共预算财政拨款支出);
 * - a 功能分类 类: `class.<code>` (一般公共服务（类）支出 → `class.201`);
 * - by use: `basic_expenditure` (基本支出), `project_expenditure` (项目支出), `reserve_fund` (单位预留机动经费), each
 *   `fiscal_` or `gpb_` prefixed where the sentence or its section names 财政拨款 / 一般公共预算;
 * - 三公: `three_public` (“三公”经费), `three_public.outboundTravel` (因公出国(境)费), `three_public.vehicleTotal`
 *   (公务用车购置及运行费), `three_public.vehiclePurchase`, `three_public.vehicleOperation`, `three_public.reception`
 *   (公务接待费); `meeting` (会议费), `training` (培训费);
 * - `operating_costs` (机关运行经费), `procurement` (政府采购 total).
 */
export const narrativeFigureSchema = z.object({
  key: z.string().regex(/^[a-z_]+(?:\.[A-Za-z0-9_]+)?$/),
  /** 预算数 or 决算数: what the sentence says, else the document's kind; absent for a document of neither kind. */
  stage: z.enum(['budget', 'final']).optional(),
  /** The subject as printed before the amount ('收入预算总计', '一般公共服务（类）支出', '公务接待费'). */
  label: z.string(),
  /** For a 类 figure, the 功能分类 code its name stands for ('201'). */
  code: z.string().optional(),
  value: z.number().finite(),
  /** 万元 or 元, as printed after the amount. */
  unit: z.enum(['万元', '元']),
  /** The amount as printed, thousands separators dropped ('9146.79', '70'): its decimals are the printed precision. */
  printed: z.string().regex(/^\d+(?:\.\d+)?$/),
  /** The sentence that states it, spaces removed. */
  sentence: z.string(),
  /** Where the amount is printed (the run it starts in). */
  provenance: provenanceSchema,
});
export type NarrativeFigure = z.infer<typeof narrativeFigureSchema>;

/**
 * The narrative of a document as one record (issue 15): every headline figure it restates, each with its sentence
 * and provenance, so a narrative published as a file of its own (Jiangsu prints the 情况说明 and the 公开表 apart)
 * still yields them, and exports put them beside the tables of the same department and year. `rows` stays empty:
 * the figures are not a printed table.
 */
export const narrativeRecordSchema = baseRecordSchema.extend({
  tableType: z.literal('narrative'),
  tableId: z.literal('narrative'),
  /** The document's title as its first page prints it (the cover: '江苏省委办公厅2018年度部门预算公开文件'). */
  documentTitle: z.string().optional(),
  figures: z.array(narrativeFigureSchema),
});
export type NarrativeRecord = z.infer<typeof narrativeRecordSchema>;
