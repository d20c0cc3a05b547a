/**
 * Seed 003 (河北 秦皇岛市 抚宁区人大, 2020 项目支出绩效目标表 1–5) for scripts/build-pdf-samples.ts.
 * Seven columns as the seed's tab-separated rows show them; text and figures unchanged.
 */
import type { RowSpec } from './pdf-sample-kit.js';

interface Project {
  title: string;
  code: string;
  name: string;
  budget: string;
  use: string;
  /** Seed tables 2 and 4 print a 12月底 / 100.00 pair under the other three quarters. */
  december: boolean;
  /** Goals in one cell (tables 2 and 4) or one row each. */
  goals: string[];
  indicators: string[][];
}

const projects: Project[] = [
  {
    title: '1、代表活动经费绩效目标表', code: '101-0701-JBN-FTBH', name: '代表活动经费', budget: '18.20', december: false,
    use: '为人大代表履行宪法和法律赋予的职责，开展视察、调研、执法检查等活动提供保障。',
    goals: ['1、保证人大及其常委会真正代表人民的利益和意志，行使好宪法和法律赋予的职权。', '2、充分发挥代表作用，使人大及其常委会充满生机和活力。'],
    indicators: [
      ['产出指标', '数量指标', '视察调研督办', '年内开展代表视察调研督办数', '≥25次', '年度工作计划'],
      ['产出指标', '质量指标', '撰写专题报告提出合理化建议', '撰写专题报告和专项建议促进成果转化', '≥20篇', '促进成果转化'],
      ['产出指标', '数量指标', '重点建议督办完成率', '年度内已完成的重点建议督办数占年初计划量的比例', '≥95%', '年度工作计划'],
      ['产出指标', '数量指标', '重点课题和专项调研完成率', '年度内已完成的重点课题和专项调研数量占计划量的比例', '≥95%', '年度工作计划'],
      ['产出指标', '时效指标', '完成率', '当年代表活动完成情况', '≥95%', '各项会议、活动开展通知、方案'],
      ['产出指标', '成本指标', '预算控制数', '实际支出小于等于预算控制数', '≤预算控制数', '预算要求'],
      ['效果指标', '社会效益指标', '活动取得成效', '当年代表各项活动的效果', '≥95%', '《人大信息》、视察和调研报告'],
    ],
  },
  {
    title: '2、会议费绩效目标表', code: '101-0501-JBN-HG0R', name: '会议费', budget: '15.00', december: true,
    use: '为区人民代表大会顺利召开提供保障。',
    goals: ['1、保证宪法、法律、行政法规和上级人民代表大会及其常务委员会决议的遵守和执行。 2、讨论、决定本行政区域内的政治、经济、教育、科学、文化等工作的重大事项。'],
    indicators: [
      ['产出指标', '数量指标', '会议筹备工作完成率', '会议筹备工作完成情况（百分比）', '≥95%', '年度工作计划'],
      ['产出指标', '数量指标', '审议报告、人事任免类会议数', '年度召开的审议报告、人事任免类会议数量情况', '≥18次', '年度工作计划'],
      ['产出指标', '质量指标', '会议任务完成情况', '按照要求和计划完成任务', '≥95%', '年度工作计划'],
      ['产出指标', '时效指标', '会议时间', '省市区委会议对人代会召开的有关要求', '按要求召开', '省市区委会议要求'],
      ['产出指标', '时效指标', '完成率', '按照要求和计划完成任务的比例（百分比）', '≥95%', '年度工作计划'],
      ['产出指标', '成本指标', '预算控制数', '实际支出小于等于预算控制数', '≤预算控制数', '预算要求'],
      ['效果指标', '社会效益指标', '会务工作完成率', '已完成会务工作量占计划量的比例', '≥95%', '年度工作计划'],
      ['满意度指标', '服务对象满意度指标', '满意度', '代表满意程度', '≥95%', '历史标准'],
    ],
  },
  {
    title: '3、老干部专用经费绩效目标表', code: '101-0701-JBN-MHE5', name: '老干部专用经费', budget: '0.55', december: false,
    use: '为老干部订阅报刊杂志、开展各项活动。',
    goals: ['1、使老干部老有所为，积极向上。', '2、使老干部老有所学，身心健康。'],
    indicators: [
      ['产出指标', '数量指标', '离退休人数', '单位离休、参照离休及退休的人数', '≥30人', '实有人数'],
      ['产出指标', '质量指标', '发放覆盖率', '发放覆盖人员', '100%', '实有人数'],
      ['产出指标', '质量指标', '足额发放率', '订阅三级党报，发放补贴情况', '≥90%', '相关文件规定'],
      ['产出指标', '时效指标', '按时发放', '按要求时间发放', '按时间发放', '资金拨付情况'],
      ['产出指标', '时效指标', '完成率', '老干部服务完成情况', '≥90%', '做好人大离退休老干部服务'],
      ['产出指标', '成本指标', '预算控制数', '实际支出小于等于预算控制数', '≤预算控制数', '预算要求'],
      ['效果指标', '社会效益指标', '服务效果', '老干部服务完成效果', '≥90完成 老干部相关支出', '各项支出情况'],
    ],
  },
];

/** Column widths (points) of the seven-column grid, A4 portrait. */
export const seed003Widths = [62, 70, 80, 110, 62, 70, 61];

const c = (text: string, colSpan = 1, rowSpan = 1, align: 'left' | 'center' | 'right' = 'left') => ({ text, colSpan, rowSpan, align });

/** One project's table as rows of the seven-column grid. */
export function projectRows(p: Project): RowSpec[] {
  const plan = p.december ? 4 : 2;
  const rows: RowSpec[] = [
    [c('项目编码'), c(p.code, 2), null, c('项目名称'), c(p.name, 3), null, null],
    [c('预算规模及资金用途', 1, 2), c('预算数'), c(p.budget, 1, 1, 'right'), c('其中：财政资金'), c(p.budget, 1, 1, 'right'), c('其他资金'), c('')],
    [null, c(p.use, 6), null, null, null, null, null],
    [c('资金支出计划（%）', 1, plan), c('3月底', 2, 1, 'center'), null, c('6月底', 2, 1, 'center'), null, c('10月底', 2, 1, 'center'), null],
    [null, c('25.00', 2, 1, 'center'), null, c('50.00', 2, 1, 'center'), null, c('75.00', 2, 1, 'center'), null],
  ];
  if (p.december) {
    rows.push([null, c('12月底', 2, 1, 'center'), null, c('', 4), null, null, null]);
    rows.push([null, c('100.00', 2, 1, 'center'), null, c('', 4), null, null, null]);
  }
  p.goals.forEach((g, i) => rows.push([i === 0 ? c('绩效目标', 1, p.goals.length) : null, c(g, 6), null, null, null, null, null]));
  rows.push(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', c('指标值确定依据', 2), null].map((x) => (typeof x === 'string' ? c(x, 1, 1, 'center') : x)));
  p.indicators.forEach((r, i) => {
    const first = i === 0 || p.indicators[i - 1]![0] !== r[0];
    let span = 1;
    while (first && i + span < p.indicators.length && p.indicators[i + span]![0] === r[0]) span++;
    rows.push([first ? c(r[0]!, 1, span, 'center') : null, c(r[1]!), c(r[2]!), c(r[3]!), c(r[4]!, 1, 1, 'center'), c(r[5]!, 2), null]);
  });
  return rows;
}

export const seed003 = { unitCode: '101002 抚宁区人大', unit: '单位：万元', projects };
