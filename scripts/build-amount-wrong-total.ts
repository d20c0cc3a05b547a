/**
 * Builds samples/html/putuo-finance-2024-gpb-functional-wrong-total.html: the 一般公共预算财政拨款支出决算表
 * of 上海市普陀区财政局 2024 决算 (corpus PDF p. 15), copied line for line as printed, with ONE printed total
 * changed on purpose: the 合计 line's 合计 column reads 2,950.05 instead of 2,940.05. The recogniser must keep
 * every value, flag the failing identities (合计 = 基本支出 + 项目支出; 合计 = Σ 类) and mark the record partial.
 * Usage: npx tsx scripts/build-amount-wrong-total.ts
 */
import { writeFileSync } from 'node:fs';
import { PUTUO_GPB_FUNCTIONAL_ROWS } from '../test/fixtures/putuo-gpb-functional.js';

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
${[...PUTUO_GPB_FUNCTIONAL_ROWS, TOTAL].map((r) => `<tr>${r.map(td).join('')}</tr>`).join('\n')}
</table>
</body></html>
`;
writeFileSync('samples/html/putuo-finance-2024-gpb-functional-wrong-total.html', html);
console.log('wrote samples/html/putuo-finance-2024-gpb-functional-wrong-total.html');
