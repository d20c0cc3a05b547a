import { lineTableSchema } from './final-budget-amount.js';

/**
 * Columns of the "三公"经费 (及会议费、培训费) table (公开07表). The table is transposed in print:
 * each row is a measure, named '预算数' or '决算数'.
 */
export const threePublicColumns = {
  /** "三公"经费 合计 / 小计 */
  total: '合计',
  /** 合计 over "三公"经费, 会议费 and 培训费 (Jiangsu 公开表九) */
  grandTotal: '合计',
  /** 因公出国(境)费(用) */
  outboundTravel: '因公出国(境)费',
  /** 公务接待费 */
  reception: '公务接待费',
  /** 公务用车购置及运行(维护)费 / 小计 */
  vehicleTotal: '公务用车购置及运行费',
  /** 公务用车购置费 */
  vehiclePurchase: '公务用车购置费',
  /** 公务用车运行(维护)费 */
  vehicleOperation: '公务用车运行费',
  /** 会议费 */
  meeting: '会议费',
  /** 培训费 */
  training: '培训费',
  /** 机关运行经费 (Shanghai budget prints it in the same table) */
  operatingCosts: '机关运行经费',
} as const;

export const finalThreePublicSchema = lineTableSchema('final.three_public', threePublicColumns);
