import type { Spec } from './build-table.js';

/**
 * Shanghai's 财政项目支出绩效目标填报表 (docs/domain.md §3.6) as a small 8-column grid, the way the printed form
 * merges its cells: header fields, the 项目资金（元） block in two halves, 项目总目标 beside 年度总体目标, four
 * indicator rows. Constructed figures (元): 项目资金总额 1,286,400.00 = 1,186,400.00 + 100,000.00;
 * 年度资金申请总额 1,286,400.00 = 1,086,400.00 + 150,000.00 + 50,000.00.
 */
export interface ShanghaiFormOptions {
  name?: string;
  /** Print the title and `（2025年度）` as rows of the grid (a sheet or a Word table does). */
  titleRows?: boolean;
  projectTotal?: string;
  /** 其他资金 of the left half; '' prints it blank. */
  projectOther?: string;
  annualTotal?: string;
  annualOther?: string;
}

export const SHANGHAI_TITLE = '财政项目支出绩效目标填报表';

export function shanghaiForm(o: ShanghaiFormOptions = {}): Spec[][] {
  const title: Spec[][] = o.titleRows ? [[[SHANGHAI_TITLE, 1, 8]], [['（2025年度）', 1, 8]]] : [];
  return [
    ...title,
    ['项目名称', [o.name ?? '道路绿化日常养护', 1, 7]],
    ['项目性质', ['经常性项目', 1, 3], '项目类别', ['专项业务类', 1, 3]],
    ['主管部门', ['上海市虹口区绿化和市容管理局', 1, 3], '实施单位', ['上海市虹口区绿化管理中心', 1, 3]],
    ['计划开始日期', ['2025-01-01', 1, 3], '计划完成日期', ['2025-12-31', 1, 3]],
    [
      ['项目资金\n（元）', 4, 1],
      ['项目资金总额', 1, 2],
      o.projectTotal ?? '1,286,400.00',
      ['年度资金申请总额', 1, 2],
      [o.annualTotal ?? '1,286,400.00', 1, 2],
    ],
    [['其中：财政资金', 1, 2], '1,186,400.00', ['其中：当年财政拨款', 1, 2], ['1,086,400.00', 1, 2]],
    [['其他资金', 1, 2], o.projectOther ?? '100,000.00', ['上年结转资金', 1, 2], ['150,000.00', 1, 2]],
    [['', 1, 2], '', ['其他资金', 1, 2], [o.annualOther ?? '50,000.00', 1, 2]],
    [
      ['项目总目标', 1, 4],
      ['年度总体目标', 1, 4],
    ],
    [
      ['对区内主要道路绿地实施精细化养护，提升城市绿化品质。', 1, 4],
      ['2025年完成13459平方米道路绿地的日常养护。', 1, 4],
    ],
    ['一级指标', ['二级指标', 1, 2], ['三级指标', 1, 3], ['年度指标值', 1, 2]],
    [
      ['产出指标', 3, 1],
      ['数量指标', 1, 2],
      ['道路绿地养护面积', 1, 3],
      ['≥13459.00(平方米)', 1, 2],
    ],
    [
      ['质量指标', 1, 2],
      ['养护作业按时完成率', 1, 3],
      ['=100.00(%)', 1, 2],
    ],
    [
      ['成本指标', 1, 2],
      ['养护监理费用', 1, 3],
      ['≤20.00(万元)', 1, 2],
    ],
    ['效益指标', ['可持续影响指标', 1, 2], ['资金使用管理', 1, 3], ['合规', 1, 2]],
  ];
}

/** Indicator rows of a form continued on the next page: no title, no header, the 一级 cell left blank. */
export function shanghaiContinuation(): Spec[][] {
  return [
    [
      ['', 2, 1],
      ['社会效益指标', 1, 2],
      ['道路绿化景观效果', 1, 3],
      ['有效提升', 1, 2],
    ],
    [
      ['生态效益指标', 1, 2],
      ['道路绿地完好率', 1, 3],
      ['≥98.00(%)', 1, 2],
    ],
  ];
}
