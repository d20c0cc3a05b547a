/**
 * The one source of samples/docx/yiling-2022-selfeval-after-heading.docx (scripts/build-selfeval-heading-docx.ts):
 * two 项目支出绩效自评表 (docs/domain.md §3.2) of an invented 区级 bureau and its 文化馆, each printed as a native
 * Word table after a document heading (`…2022年度绩效自评结果`) and a short narrative. Constructed: 宜昌市夷陵区
 * 文化和旅游局 and 宜昌市夷陵区文化馆 are plausible names only; every project, figure and indicator is invented,
 * nothing is taken from a real disclosure or the corpus.
 *
 * Identities (checked by the build script before it writes anything): 执行率 = B/A × 100 to 0.01 on every 项目资金
 * line that prints one; 年度资金总额 = 财政资金 + 其他资金 (A and B); 资金 得分 = 分值 × 执行率; Σ 分值 (资金 + every
 * indicator) = 100 = the 总分 row's 分值; Σ 得分 = the 总分 row's 得分; each 得分 ≤ its 分值.
 */

export interface Indicator {
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string;
  points: string;
  score: string;
  reason: string;
}

export interface FundLine {
  /** 年度资金总额 / 其中：财政资金 / 其他资金, as printed. */
  label: string;
  budget: string;
  executed: string;
  /** '—' where the form prints a dash (分值 / 得分 are scored on the 年度资金总额 line only). */
  points: string;
  score: string;
  rate: string;
}

export interface SelfEvalForm {
  /** The heading paragraph printed before the form, and the narrative under it. */
  heading: string;
  narrative: string[];
  year: string;
  projectName: string;
  supervisor: string;
  implementer: string;
  funds: [FundLine, FundLine, FundLine];
  plannedGoal: string;
  achievedGoal: string;
  indicators: Indicator[];
  totalPoints: string;
  totalScore: string;
  note: string;
}

const BUREAU = '宜昌市夷陵区文化和旅游局';
const CENTRE = '宜昌市夷陵区文化馆';

export const FILE = 'samples/docx/yiling-2022-selfeval-after-heading.docx';
export const FORM_TITLE = '项目支出绩效自评表';
export const DOC_TITLE = `${BUREAU}2022年度绩效自评结果`;

const ind = (
  level1: string,
  level2: string,
  level3: string,
  target: string,
  actual: string,
  points: string,
  score: string,
  reason = '',
): Indicator => ({
  level1,
  level2,
  level3,
  target,
  actual,
  points,
  score,
  reason,
});

export const forms: SelfEvalForm[] = [
  {
    heading: `${BUREAU}2022年度绩效自评结果`,
    narrative: [
      '根据区财政局关于开展2022年度预算绩效自评工作的通知要求，我局对2022年度非物质文化遗产保护传承项目开展了绩效自评。',
      '该项目全年预算数120.00万元，执行数114.60万元，预算执行率95.50%，自评得分97.05分，自评等级为优秀。自评结果如下：',
    ],
    year: '（2022年度）',
    projectName: '非物质文化遗产保护传承',
    supervisor: BUREAU,
    implementer: BUREAU,
    funds: [
      { label: '年度资金总额', budget: '120.00', executed: '114.60', points: '10', score: '9.55', rate: '95.50%' },
      { label: '其中：财政资金', budget: '120.00', executed: '114.60', points: '—', score: '—', rate: '95.50%' },
      { label: '其他资金', budget: '', executed: '', points: '—', score: '—', rate: '' },
    ],
    plannedGoal:
      '开展非遗展演展示活动不少于12场，新认定区级非遗代表性传承人8人，完成15项非遗项目记录建档，推动非遗进校园。',
    achievedGoal: '全年开展展演展示活动14场，认定区级传承人8人，完成13项非遗项目记录建档，非遗进校园覆盖18所学校。',
    indicators: [
      ind('产出指标', '数量指标', '开展非遗展演展示活动场次', '≥12场', '14场', '10', '10'),
      ind('产出指标', '数量指标', '新认定区级非遗代表性传承人', '≥8人', '8人', '5', '5'),
      ind(
        '产出指标',
        '数量指标',
        '非遗项目记录建档数量',
        '≥15项',
        '13项',
        '5',
        '4',
        '两项档案素材补拍推迟至2023年一季度，已列入下年计划',
      ),
      ind('产出指标', '质量指标', '传承人培训合格率', '≥95%', '97%', '10', '10'),
      ind('产出指标', '时效指标', '项目完成及时率', '100%', '100%', '10', '10'),
      ind('产出指标', '成本指标', '展演活动单场成本', '≤3.5万元', '3.2万元', '10', '10'),
      ind('效益指标', '社会效益指标', '非遗展演观众人次', '≥3万人次', '3.4万人次', '10', '10'),
      ind(
        '效益指标',
        '社会效益指标',
        '非遗进校园覆盖学校数',
        '≥20所',
        '18所',
        '10',
        '9',
        '部分学校活动因疫情取消，下年度增加进校园场次',
      ),
      ind('效益指标', '可持续影响指标', '非遗传承队伍稳定性', '长期稳定', '稳定', '10', '10'),
      ind('满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '93%', '10', '9.5'),
    ],
    totalPoints: '100',
    totalScore: '97.05',
    note: '注：执行率＝全年执行数÷全年预算数×100%；资金执行得分＝分值×执行率。',
  },
  {
    heading: `${CENTRE}2022年度绩效自评结果`,
    narrative: [
      '区文化馆对2022年度公共文化场馆免费开放项目开展了绩效自评。该项目全年预算数86.00万元，执行数86.00万元，预算执行率100.00%，自评得分98分。',
    ],
    year: '（2022年度）',
    projectName: '公共文化场馆免费开放',
    supervisor: BUREAU,
    implementer: CENTRE,
    funds: [
      { label: '年度资金总额', budget: '86.00', executed: '86.00', points: '10', score: '10', rate: '100.00%' },
      { label: '其中：财政资金', budget: '80.00', executed: '80.00', points: '—', score: '—', rate: '100.00%' },
      { label: '其他资金', budget: '6.00', executed: '6.00', points: '—', score: '—', rate: '100.00%' },
    ],
    plannedGoal: '全年免费开放不少于300天，举办公益培训班24期以上，开展群众文化活动40场以上，年接待群众8万人次以上。',
    achievedGoal: '全年免费开放306天，举办公益培训班26期，开展群众文化活动37场，年接待群众8.6万人次。',
    indicators: [
      ind('产出指标', '数量指标', '全年免费开放天数', '≥300天', '306天', '10', '10'),
      ind('产出指标', '数量指标', '举办公益培训班期数', '≥24期', '26期', '10', '10'),
      ind(
        '产出指标',
        '数量指标',
        '开展群众文化活动场次',
        '≥40场',
        '37场',
        '10',
        '8',
        '三季度场馆维修暂停活动，已在四季度调整安排',
      ),
      ind('产出指标', '质量指标', '公益培训学员结业率', '≥90%', '94%', '10', '10'),
      ind('产出指标', '时效指标', '资金拨付及时率', '100%', '100%', '5', '5'),
      ind('产出指标', '成本指标', '场馆运行维护成本', '≤86万元', '86万元', '5', '5'),
      ind('效益指标', '社会效益指标', '年接待群众人次', '≥8万人次', '8.6万人次', '15', '15'),
      ind('效益指标', '可持续影响指标', '免费开放服务长效机制', '健全', '健全', '15', '15'),
      ind('满意度指标', '服务对象满意度指标', '参与群众满意度', '≥90%', '95%', '10', '10'),
    ],
    totalPoints: '100',
    totalScore: '98',
    note: '注：其他资金为馆办培训班学员自愿缴纳的教材费。',
  },
];

/** Column headers of the form's grid, left to right, for the 项目资金 block and the indicator block. */
export const FUND_HEADERS = ['全年预算数（A）', '全年执行数（B）', '分值', '得分', '执行率（B/A）'] as const;
export const INDICATOR_HEADERS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '全年完成值',
  '分值',
  '得分',
  '未完成原因和改进措施',
] as const;

/**
 * The forms in the one shape scripts/ground-truth/build-data-check.ts reads (a title, a unit, `columns` with schema
 * keys and `rows` of [code, name, cells]): every printed line of both forms whose cells stand under a printed
 * header — the 项目资金 lines, the 年度总体目标 line (under 预期目标 / 实际完成情况), every indicator (named by its
 * 三级指标, its 一级 / 二级 cells repeated on each line they cover) and the 总分 line. The forms print no codes and
 * the checker reads one table per sample, so the `code` of a line is its form's 项目名称 (the `form` of a
 * ground-truth value), which tells the two forms' 年度资金总额 … 总分 lines apart.
 */
const COLUMNS: Array<{ header: string; key?: string }> = [
  { header: '全年预算数（A）', key: 'budget' },
  { header: '全年执行数（B）', key: 'executed' },
  { header: '分值', key: 'points' },
  { header: '得分', key: 'score' },
  { header: '执行率（B/A）', key: 'rate' },
  { header: '一级指标', key: 'level1' },
  { header: '二级指标', key: 'level2' },
  { header: '年度指标值', key: 'target.text' },
  { header: '全年完成值', key: 'actual.text' },
  { header: '未完成原因和改进措施', key: 'reason' },
  { header: '预期目标' },
  { header: '实际完成情况' },
];

function printedRows(): Array<[string, string, string[]]> {
  const at = (cells: Record<string, string>): string[] => COLUMNS.map((c) => cells[c.header] ?? '');
  return forms.flatMap((f) => [
    ...f.funds.map((l): [string, string, string[]] => [
      f.projectName,
      l.label,
      at({
        '全年预算数（A）': l.budget,
        '全年执行数（B）': l.executed,
        分值: l.points,
        得分: l.score,
        '执行率（B/A）': l.rate,
      }),
    ]),
    [f.projectName, '年度总体目标', at({ 预期目标: f.plannedGoal, 实际完成情况: f.achievedGoal })] as [
      string,
      string,
      string[],
    ],
    ...f.indicators.map((i): [string, string, string[]] => [
      f.projectName,
      i.level3,
      at({
        一级指标: i.level1,
        二级指标: i.level2,
        年度指标值: i.target,
        全年完成值: i.actual,
        分值: i.points,
        得分: i.score,
        未完成原因和改进措施: i.reason,
      }),
    ]),
    [f.projectName, '总分', at({ 分值: f.totalPoints, 得分: f.totalScore })] as [string, string, string[]],
  ]);
}

export const selfEvalPrinted = {
  file: FILE,
  title: FORM_TITLE,
  unit: '万元',
  page: 1,
  columns: COLUMNS,
  rows: printedRows(),
};
