/**
 * The one source of samples/pdf/built/yangpu-archives-2025-whole-yuan-budget.pdf: a Shanghai-style 预算单位 budget
 * printed in whole 元 (单位：元, thousands separators, no decimals). Constructed data, not a real disclosure.
 *
 * How the figures were made: the underlying amounts are 元 with two decimals (social-insurance and 公积金 lines are
 * percentages of a pay base, 物业管理费 and two project lines come from 万元 figures with several decimals); every
 * printed cell, leaf or total, is its own underlying amount rounded to the whole 元 (half up; no underlying amount
 * ends in .50). So a printed total can differ from the sum of its printed parts by 1 元 — 尾差, not an error.
 * `tailDifferences` lists every such place; the build script recomputes all printed cells and all sums from
 * `underlying` and fails unless they agree with `printed` and `tailDifferences` exactly.
 *
 * The functional table's 合计 基本支出 equals the economic table's 合计 合计 (the same underlying amount).
 */

/** 科目编码, 科目名称, then two amounts in 元 with two decimals: 基本支出, 项目支出 (functional) or 人员经费, 公用经费 (economic). */
export type UnderlyingLeaf = [string, string, string, string];
/** 科目编码 ('' for 合计), 科目名称, three printed amounts ('' where blank). */
export type PrintedRow = [string, string, [string, string, string]];

export interface TailDifference {
  table: 'functional' | 'economic';
  /** Row whose printed total is off: its code, '' for 合计. */
  code: string;
  row: string;
  /** The printed column header of the total. */
  column: string;
  /** What the total is printed as the sum of. */
  identity: 'row' | 'tree';
  /** The parts it is compared with: column headers (row identity) or child codes (tree identity, 合计 = Σ 类). */
  parts: string[];
  printed: number;
  sumOfPrintedParts: number;
  /** printed − sumOfPrintedParts, always ±1 元. */
  difference: number;
}

const functionalPrinted: PrintedRow[] = [
  ['201', '一般公共服务支出', ['11,916,380', '7,335,810', '4,580,569']],
  ['20126', '档案事务', ['11,916,380', '7,335,810', '4,580,569']],
  ['2012601', '行政运行', ['7,420,810', '7,335,810', '85,000']],
  ['2012602', '一般行政管理事务', ['1,236,500', '', '1,236,500']],
  ['2012604', '档案馆', ['2,846,319', '', '2,846,319']],
  ['2012699', '其他档案事务支出', ['412,751', '', '412,751']],
  ['208', '社会保障和就业支出', ['1,733,833', '1,733,833', '']],
  ['20805', '行政事业单位养老支出', ['1,733,833', '1,733,833', '']],
  ['2080501', '行政单位离退休', ['423,180', '423,180', '']],
  ['2080505', '机关事业单位基本养老保险缴费支出', ['873,769', '873,769', '']],
  ['2080506', '机关事业单位职业年金缴费支出', ['436,884', '436,884', '']],
  ['210', '卫生健康支出', ['573,411', '573,411', '']],
  ['21011', '行政事业单位医疗', ['573,411', '573,411', '']],
  ['2101101', '行政单位医疗', ['573,411', '573,411', '']],
  ['221', '住房保障支出', ['953,534', '953,534', '']],
  ['22102', '住房改革支出', ['953,534', '953,534', '']],
  ['2210201', '住房公积金', ['382,274', '382,274', '']],
  ['2210203', '购房补贴', ['571,260', '571,260', '']],
  ['', '合计', ['15,177,157', '10,596,588', '4,580,569']],
];

const economicPrinted: PrintedRow[] = [
  ['301', '工资福利支出', ['8,039,723', '8,039,723', '']],
  ['30101', '基本工资', ['1,386,420', '1,386,420', '']],
  ['30102', '津贴补贴', ['2,954,316', '2,954,316', '']],
  ['30103', '奖金', ['115,535', '115,535', '']],
  ['30107', '绩效工资', ['1,120,860', '1,120,860', '']],
  ['30108', '机关事业单位基本养老保险缴费', ['873,769', '873,769', '']],
  ['30109', '职业年金缴费', ['436,884', '436,884', '']],
  ['30110', '职工基本医疗保险缴费', ['573,411', '573,411', '']],
  ['30112', '其他社会保障缴费', ['27,305', '27,305', '']],
  ['30113', '住房公积金', ['382,274', '382,274', '']],
  ['30199', '其他工资福利支出', ['168,950', '168,950', '']],
  ['302', '商品和服务支出', ['1,562,424', '', '1,562,424']],
  ['30201', '办公费', ['186,500', '', '186,500']],
  ['30202', '印刷费', ['42,000', '', '42,000']],
  ['30205', '水费', ['18,600', '', '18,600']],
  ['30206', '电费', ['126,400', '', '126,400']],
  ['30207', '邮电费', ['35,800', '', '35,800']],
  ['30209', '物业管理费', ['468,735', '', '468,735']],
  ['30211', '差旅费', ['28,000', '', '28,000']],
  ['30213', '维修(护)费', ['96,000', '', '96,000']],
  ['30216', '培训费', ['24,000', '', '24,000']],
  ['30217', '公务接待费', ['6,000', '', '6,000']],
  ['30228', '工会经费', ['111,537', '', '111,537']],
  ['30229', '福利费', ['146,880', '', '146,880']],
  ['30239', '其他交通费用', ['213,600', '', '213,600']],
  ['30299', '其他商品和服务支出', ['58,371', '', '58,371']],
  ['303', '对个人和家庭的补助', ['994,440', '994,440', '']],
  ['30302', '退休费', ['423,180', '423,180', '']],
  ['30399', '其他对个人和家庭的补助', ['571,260', '571,260', '']],
  ['', '合计', ['10,596,588', '9,034,163', '1,562,424']],
];

export const wholeYuan = {
  file: 'samples/pdf/built/yangpu-archives-2025-whole-yuan-budget.pdf',
  year: 2025,
  region: '上海市 杨浦区',
  department: '上海市杨浦区档案馆',
  dept: '编制单位：上海市杨浦区档案馆',
  unit: '单位：元',
  functional: {
    page: 1,
    title: '2025年预算单位一般公共预算支出功能分类预算表',
    group: '一般公共预算支出',
    columns: [
      { header: '合计', key: 'total' },
      { header: '基本支出', key: 'basicExpenditure' },
      { header: '项目支出', key: 'projectExpenditure' },
    ],
    /** Leaves (项): 基本支出, 项目支出 in 元 with decimals. */
    underlying: [
      ['2012601', '行政运行', '7335810.38', '85000.00'],
      ['2012602', '一般行政管理事务', '0.00', '1236500.00'],
      ['2012604', '档案馆', '0.00', '2846318.60'],
      ['2012699', '其他档案事务支出', '0.00', '412750.60'],
      ['2080501', '行政单位离退休', '423180.00', '0.00'],
      ['2080505', '机关事业单位基本养老保险缴费支出', '873768.54', '0.00'],
      ['2080506', '机关事业单位职业年金缴费支出', '436884.27', '0.00'],
      ['2101101', '行政单位医疗', '573410.60', '0.00'],
      ['2210201', '住房公积金', '382273.74', '0.00'],
      ['2210203', '购房补贴', '571260.00', '0.00'],
    ] as UnderlyingLeaf[],
    /** As printed, top to bottom; Shanghai prints 合计 last. */
    printed: functionalPrinted,
  },
  economic: {
    page: 2,
    title: '2025年预算单位一般公共预算基本支出部门预算经济分类预算表',
    group: '一般公共预算基本支出',
    columns: [
      { header: '合计', key: 'total' },
      { header: '人员经费', key: 'personnel' },
      { header: '公用经费', key: 'publicFunds' },
    ],
    /** Leaves (款): 人员经费, 公用经费 in 元 with decimals. */
    underlying: [
      ['30101', '基本工资', '1386420.00', '0.00'],
      ['30102', '津贴补贴', '2954316.00', '0.00'],
      ['30103', '奖金', '115535.00', '0.00'],
      ['30107', '绩效工资', '1120860.00', '0.00'],
      ['30108', '机关事业单位基本养老保险缴费', '873768.54', '0.00'],
      ['30109', '职业年金缴费', '436884.27', '0.00'],
      ['30110', '职工基本医疗保险缴费', '573410.60', '0.00'],
      ['30112', '其他社会保障缴费', '27305.27', '0.00'],
      ['30113', '住房公积金', '382273.74', '0.00'],
      ['30199', '其他工资福利支出', '168950.00', '0.00'],
      ['30201', '办公费', '0.00', '186500.00'],
      ['30202', '印刷费', '0.00', '42000.00'],
      ['30205', '水费', '0.00', '18600.00'],
      ['30206', '电费', '0.00', '126400.00'],
      ['30207', '邮电费', '0.00', '35800.00'],
      ['30209', '物业管理费', '0.00', '468735.38'],
      ['30211', '差旅费', '0.00', '28000.00'],
      ['30213', '维修(护)费', '0.00', '96000.00'],
      ['30216', '培训费', '0.00', '24000.00'],
      ['30217', '公务接待费', '0.00', '6000.00'],
      ['30228', '工会经费', '0.00', '111537.46'],
      ['30229', '福利费', '0.00', '146880.00'],
      ['30239', '其他交通费用', '0.00', '213600.00'],
      ['30299', '其他商品和服务支出', '0.00', '58371.27'],
      ['30302', '退休费', '423180.00', '0.00'],
      ['30399', '其他对个人和家庭的补助', '571260.00', '0.00'],
    ] as UnderlyingLeaf[],
    printed: economicPrinted,
  },
  /** Every printed total that differs from the sum of its printed parts (all others add up exactly). */
  tailDifferences: [
    {
      table: 'functional',
      code: '201',
      row: '一般公共服务支出',
      column: '合计',
      identity: 'row',
      parts: ['基本支出', '项目支出'],
      printed: 11916380,
      sumOfPrintedParts: 11916379,
      difference: 1,
    },
    {
      table: 'functional',
      code: '20126',
      row: '档案事务',
      column: '合计',
      identity: 'row',
      parts: ['基本支出', '项目支出'],
      printed: 11916380,
      sumOfPrintedParts: 11916379,
      difference: 1,
    },
    {
      table: 'functional',
      code: '20126',
      row: '档案事务',
      column: '项目支出',
      identity: 'tree',
      parts: ['2012601', '2012602', '2012604', '2012699'],
      printed: 4580569,
      sumOfPrintedParts: 4580570,
      difference: -1,
    },
    {
      table: 'functional',
      code: '',
      row: '合计',
      column: '合计',
      identity: 'tree',
      parts: ['201', '208', '210', '221'],
      printed: 15177157,
      sumOfPrintedParts: 15177158,
      difference: -1,
    },
    {
      table: 'economic',
      code: '301',
      row: '工资福利支出',
      column: '合计',
      identity: 'tree',
      parts: ['30101', '30102', '30103', '30107', '30108', '30109', '30110', '30112', '30113', '30199'],
      printed: 8039723,
      sumOfPrintedParts: 8039724,
      difference: -1,
    },
    {
      table: 'economic',
      code: '301',
      row: '工资福利支出',
      column: '人员经费',
      identity: 'tree',
      parts: ['30101', '30102', '30103', '30107', '30108', '30109', '30110', '30112', '30113', '30199'],
      printed: 8039723,
      sumOfPrintedParts: 8039724,
      difference: -1,
    },
    {
      table: 'economic',
      code: '302',
      row: '商品和服务支出',
      column: '合计',
      identity: 'tree',
      parts: [
        '30201',
        '30202',
        '30205',
        '30206',
        '30207',
        '30209',
        '30211',
        '30213',
        '30216',
        '30217',
        '30228',
        '30229',
        '30239',
        '30299',
      ],
      printed: 1562424,
      sumOfPrintedParts: 1562423,
      difference: 1,
    },
    {
      table: 'economic',
      code: '302',
      row: '商品和服务支出',
      column: '公用经费',
      identity: 'tree',
      parts: [
        '30201',
        '30202',
        '30205',
        '30206',
        '30207',
        '30209',
        '30211',
        '30213',
        '30216',
        '30217',
        '30228',
        '30229',
        '30239',
        '30299',
      ],
      printed: 1562424,
      sumOfPrintedParts: 1562423,
      difference: 1,
    },
    {
      table: 'economic',
      code: '',
      row: '合计',
      column: '合计',
      identity: 'row',
      parts: ['人员经费', '公用经费'],
      printed: 10596588,
      sumOfPrintedParts: 10596587,
      difference: 1,
    },
    {
      table: 'economic',
      code: '',
      row: '合计',
      column: '合计',
      identity: 'tree',
      parts: ['301', '302', '303'],
      printed: 10596588,
      sumOfPrintedParts: 10596587,
      difference: 1,
    },
  ] as TailDifference[],
} as const;
