/**
 * Builds samples/html/putuo-finance-2024-gpb-functional-wrong-total.html: the 一般公共预算财政拨款支出决算表
 * of 上海市普陀区财政局 2024 决算 (corpus PDF p. 15), copied line for line as printed, with ONE printed total
 * changed on purpose: the 合计 line's 合计 column reads 2,950.05 instead of 2,940.05. The recogniser must keep
 * every value, flag the failing identities (合计 = 基本支出 + 项目支出; 合计 = Σ 类) and mark the record partial.
 * Usage: npx tsx scripts/build-amount-wrong-total.ts
 */
import { writeFileSync } from 'node:fs';

/** [类, 款, 项, 科目名称, 合计, 基本支出, 项目支出] as printed on p. 15. */
const ROWS: string[][] = [
  ['201', '', '', '一般公共服务支出', '2,106.66', '1,503.52', '603.14'],
  ['201', '06', '', '财政事务', '2,106.66', '1,503.52', '603.14'],
  ['201', '06', '01', '行政运行', '1,511.89', '1,503.52', '8.37'],
  ['201', '06', '02', '一般行政管理事务', '10.00', '', '10.00'],
  ['201', '06', '07', '信息化建设', '135.25', '', '135.25'],
  ['201', '06', '08', '财政委托业务支出', '449.52', '', '449.52'],
  ['208', '', '', '社会保障和就业支出', '326.72', '326.72', ''],
  ['208', '05', '', '行政事业单位养老支出', '326.72', '326.72', ''],
  ['208', '05', '01', '行政单位离退休', '84.65', '84.65', ''],
  ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '160.75', '160.75', ''],
  ['208', '05', '06', '机关事业单位职业年金缴费支出', '80.38', '80.38', ''],
  ['208', '05', '99', '其他行政事业单位养老支出', '0.94', '0.94', ''],
  ['210', '', '', '卫生健康支出', '60.99', '60.99', ''],
  ['210', '11', '', '行政事业单位医疗', '60.99', '60.99', ''],
  ['210', '11', '01', '行政单位医疗', '60.99', '60.99', ''],
  ['221', '', '', '住房保障支出', '445.69', '445.69', ''],
  ['221', '02', '', '住房改革支出', '445.69', '445.69', ''],
  ['221', '02', '01', '住房公积金', '187.19', '187.19', ''],
  ['221', '02', '03', '购房补贴', '258.50', '258.50', ''],
];
/** Printed: 合计 2,940.05 | 2,336.91 | 603.14. Changed on purpose: 2,950.05. */
const TOTAL = ['', '', '', '合计', '2,950.05', '2,336.91', '603.14'];

const td = (t: string) => `<td>${t}</td>`;
const html = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>上海市普陀区财政局2024年度部门决算</title></head>
<body>
<h1>上海市普陀区财政局2024年度部门决算</h1>
<p>一般公共预算财政拨款支出决算表</p>
<p>编制部门：上海市普陀区财政局　　　　单位：万元</p>
<table border="1">
<tr><td colspan="4">项目</td><td rowspan="3">合计</td><td rowspan="3">基本支出</td><td rowspan="3">项目支出</td></tr>
<tr><td colspan="3">支出功能分类科目编码</td><td rowspan="2">科目名称</td></tr>
<tr><td>类</td><td>款</td><td>项</td></tr>
${[...ROWS, TOTAL].map((r) => `<tr>${r.map(td).join('')}</tr>`).join('\n')}
</table>
</body></html>
`;
writeFileSync('samples/html/putuo-finance-2024-gpb-functional-wrong-total.html', html);
console.log('wrote samples/html/putuo-finance-2024-gpb-functional-wrong-total.html');
