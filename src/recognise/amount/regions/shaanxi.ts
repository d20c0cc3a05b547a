import { defineRegion } from './types.js';

/**
 * Shaanxi 部门决算 (seed 001, 杨陵区人大常委会办公室 2019): the national 决算 template of 8 tables 公开01–08表 plus
 * the empty-table index, 预算数 / 决算数 as the row labels of the 三公 table. The family files hold that template;
 * what Shaanxi prints beyond it is here.
 */
export const shaanxi = defineRegion({
  id: 'shaanxi',
  name: '陕西省',
  series: '8 部门决算 tables (公开01–08表) and the 是否空表 index',
  evidence: [
    'seed 001_55c29b96431f68d9 (samples/docx/yangling-2019-final.docx, samples/images/seed001-gongkai06-basic-economic.png)',
  ],
  families: {
    three_public: {
      // '因公出国（境）费用' under 一般公共预算财政拨款安排的"三公"经费 (公开07表).
      columns: { outboundTravel: [/因公出国\(境\)费用$/] },
    },
  },
});
