import { defineFamily, rowTotal } from './types.js';

/**
 * "三公"经费 (及会议费、培训费) 支出决算表 (公开07表) / "三公"经费预算表. Printed transposed: each row of the
 * record is a measure, named '预算数' or '决算数' (transposed.ts strips the measure from the header first).
 */
export const threePublic = defineFamily({
  id: 'three_public',
  description:
    '"三公"经费 (及会议费、培训费) 支出决算表 (公开07表) / "三公"经费预算表: one row per measure (预算数 / 决算数)',
  kinds: ['final', 'budget'],
  layout: 'transposed',
  title: { patterns: [/三公/], rank: 1 },
  header: { all: [/因公出国/], rank: 2, outranksTitle: true },
  finalLabel: 7,
  columns: {
    /** 公务用车购置及运行(维护)费 / 小计 */
    vehicleTotal: { label: '公务用车购置及运行费', headers: [/公务用车购置及运行(维护)?费(\/小计)?$/] },
    /** (公务用车)购置费 */
    vehiclePurchase: { label: '公务用车购置费', headers: [/购置费$/] },
    /** (公务用车)运行(维护)费 */
    vehicleOperation: { label: '公务用车运行费', headers: [/运行(维护)?费$/] },
    /** 因公出国(境)费(用) */
    outboundTravel: { label: '因公出国(境)费', headers: [/因公出国\(境\)费?$/] },
    /** 公务接待费 */
    reception: { label: '公务接待费', headers: [/公务接待费$/] },
    /** 会议费 */
    meeting: { label: '会议费', headers: [/会议费$/] },
    /** 培训费 */
    training: { label: '培训费', headers: [/培训费$/] },
    /** 机关运行经费 (Shanghai budget prints it in the same table) */
    operatingCosts: { label: '机关运行经费', headers: [] },
    /** "三公"经费 合计 / 小计 */
    total: { label: '合计', headers: [/三公[^/]*经费[^/]*(\/(小计|合计))?$/] },
    /** 合计 over "三公"经费, 会议费 and 培训费 (Jiangsu 公开表九) */
    grandTotal: { label: '合计', headers: [] },
  },
  requiredRows: [],
  identities: [
    { name: 'grand_total', total: 'grandTotal', parts: ['total', 'meeting', 'training'] },
    rowTotal('total', ['outboundTravel', 'reception', 'vehicleTotal']),
    { name: 'vehicle_total', total: 'vehicleTotal', parts: ['vehiclePurchase', 'vehicleOperation'] },
  ],
});
