import { defineFamily } from './types.js';

/**
 * 政府采购预算表 (Jiangsu 公开表十二): lines are 采购品目大类 / 专项名称 / 经济科目 / 采购物品名称 printed as a
 * tree without codes; the most specific printed label is `name`, the others and 采购组织形式 are row `notes`.
 * Each level's amount is the sum of the level below (procurement.ts).
 */
export const procurement = defineFamily({
  id: 'procurement',
  description:
    '政府采购预算表 (Jiangsu): 大类 / 专项 / 采购物品 lines without codes, each level the sum of the one below',
  kinds: ['budget'],
  layout: 'procurement',
  title: { patterns: [/政府采购/], rank: 3 },
  header: { all: [/采购/], rank: 3 },
  columns: {
    /** 采购品目大类 */
    category: { label: '采购品目大类', headers: [/采购品目/], text: true },
    /** 专项名称 */
    project: { label: '专项名称', headers: [/专项名称/], text: true },
    /** 经济科目 */
    economicItem: { label: '经济科目', headers: [/经济科目/], text: true },
    /** 采购物品名称 / 品目名称 */
    item: { label: '采购物品名称', headers: [/采购物品名称|品目名称/], text: true },
    /** 采购组织形式 / 采购方式 */
    method: { label: '采购组织形式', headers: [/采购(组织形式|方式)/], text: true },
    /** 总计 / 合计 / 金额 */
    total: { label: '总计', headers: [/(总计|合计|金额)$/] },
  },
  requiredRows: [],
  identities: [],
});
