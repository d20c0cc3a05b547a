import { describe, expect, it } from 'vitest';
import { budgetRecognisers } from '../../../../src/recognise/budget/index.js';
import { printedDepartment, tableMeta } from '../../../../src/recognise/amount/department.js';
import { runBest } from '../amount/run.js';
import { gridTable } from '../amount/fixture.js';

const jiangsu = (title: string, label: string) => [title, label, '部门：', '江苏省人大常委会办公厅', '单位：万元'];

describe('预算 recognisers', () => {
  it('cover every budget.* type of docs/architecture.md', () => {
    expect(budgetRecognisers.map((r) => r.tableType)).toEqual([
      'budget.summary',
      'budget.income',
      'budget.expenditure',
      'budget.fiscal_summary',
      'budget.gpb_functional',
      'budget.gpb_basic_economic',
      'budget.three_public',
      'budget.gov_fund',
      'budget.soe_capital',
      'budget.procurement',
      'budget.operating_costs',
    ]);
  });

  it('reads the Jiangsu 收入预算总表: group labels over sub-lines, 小计 and 收入总计 checked', () => {
    const t = gridTable(
      [
        ['项目名称', '<', '金额'],
        ['收入总计', '<', '9,146.79'],
        ['一般公共预算资金', '小计', '9,066.79'],
        ['^', '公共财政拨款(补助)资金', '9,066.79'],
        ['^', '专项收入', ''],
        ['其他资金', '小计', '80.00'],
        ['^', '其他收入', '80.00'],
        ['上年结转和结余资金', '小计', ''],
        ['^', '其中：动用上年结转和结余资金', ''],
      ],
      jiangsu('收入预算总表', '公开表二'),
    );
    const { rec, record, checks } = runBest(t);
    expect(rec.tableType).toBe('budget.income');
    expect(record.department).toBe('江苏省人大常委会办公厅');
    expect(record.rows.map((r) => r.name)).toEqual([
      '收入总计',
      '一般公共预算资金/小计',
      '一般公共预算资金/公共财政拨款(补助)资金',
      '一般公共预算资金/专项收入',
      '其他资金/小计',
      '其他资金/其他收入',
      '上年结转和结余资金/小计',
      '上年结转和结余资金/其中:动用上年结转和结余资金',
    ]);
    expect(checks.map((c) => [c.rule, c.expected, c.actual, c.ok])).toEqual([
      ['budget.income.group', 9066.79, 9066.79, true],
      ['budget.income.group', 80, 80, true],
      ['budget.income.group_total', 9146.79, 9146.79, true],
    ]);
  });

  it('reads the Jiangsu 支出预算总表: one unlabelled line, 合计 = 基本 + 项目 + 单位预留机动经费', () => {
    const t = gridTable(
      [
        ['合计', '基本支出', '项目支出', '单位预留机动经费', '结转下年资金'],
        ['18,330.37', '9,312.90', '6,459.58', '2,557.89', ''],
      ],
      jiangsu('支出预算总表', '公开表三'),
    );
    const { rec, record, checks } = runBest(t);
    expect(rec.tableType).toBe('budget.expenditure');
    expect(record.rows).toEqual([
      expect.objectContaining({
        name: '',
        values: {
          total: 18330.37,
          basicExpenditure: 9312.9,
          projectExpenditure: 6459.58,
          reserveFund: 2557.89,
          carryForward: null,
        },
      }),
    ]);
    expect(checks).toEqual([
      expect.objectContaining({ rule: 'budget.expenditure.row_total', ok: true, tolerance: 0.04 }),
    ]);
  });

  it('reads the 政府采购预算表: the most specific label names the line, the others are notes', () => {
    const t = gridTable(
      [
        ['采购品目大类', '专项名称', '经济科目', '采购物品名称', '采购组织形式', '总计'],
        ['合计', '', '', '', '', '233.10'],
        ['一、货物A', '', '', '', '', '233.10'],
        ['', '办公设备购置费', '办公设备购置', '', '', '53.10'],
        ['', '', '', '台式计算机（20万以下）', '分散自行组织', '17.92'],
        ['', '', '', '家具用具', '分散自行组织', '35.18'],
        ['', '信息化建设经费', '其他商品和服务支出', '', '', '180.00'],
        ['', '', '', '其他计算机设备及软件', '分散自行组织', '180.00'],
      ],
      jiangsu('2019年政府采购预算表', '公开表十二'),
    );
    const { rec, record, checks, parsed } = runBest(t);
    expect(rec.tableType).toBe('budget.procurement');
    expect(record.rows.map((r) => [r.name, r.values.total])).toEqual([
      ['合计', 233.1],
      ['一、货物A', 233.1],
      ['办公设备购置费', 53.1],
      ['台式计算机(20万以下)', 17.92],
      ['家具用具', 35.18],
      ['信息化建设经费', 180],
      ['其他计算机设备及软件', 180],
    ]);
    expect(record.rows[3]!.notes).toEqual({ item: '台式计算机(20万以下)', method: '分散自行组织' });
    // 合计 = Σ 大类, 大类 = Σ 专项, 专项 = Σ 采购物品 (src/recognise/amount/procurement.ts).
    expect(checks.map((c) => [c.rule, c.expected, c.actual, c.ok])).toEqual([
      ['budget.procurement.total', 233.1, 233.1, true],
      ['budget.procurement.category_sum', 233.1, 233.1, true],
      ['budget.procurement.project_sum', 53.1, 53.1, true],
      ['budget.procurement.project_sum', 180, 180, true],
    ]);
    expect(parsed.success).toBe(true);
  });

  it('types 财政拨款支出预算表 and 一般公共预算支出预算表 alike, with their scope, and 机关运行经费 apart', () => {
    const lines = [
      ['功能科目编码', '功能科目名称', '金额'],
      ['', '合计', '5.00'],
      ['201', '一般公共服务支出', '5.00'],
    ];
    const fiscal = runBest(gridTable(lines, jiangsu('财政拨款支出预算表（功能科目）', '公开表五')));
    const general = runBest(gridTable(lines, jiangsu('一般公共预算支出预算表（功能科目）', '公开表七')));
    expect([fiscal.rec.tableType, fiscal.record.scope]).toEqual(['budget.gpb_functional', 'fiscal']);
    expect([general.rec.tableType, general.record.scope]).toEqual(['budget.gpb_functional', 'general_budget']);
    const running = runBest(
      gridTable(
        [
          ['科目编码', '科目名称', '机关运行经费支出'],
          ['', '合计', '5.00'],
          ['302', '商品和服务支出', '5.00'],
        ],
        jiangsu('一般公共预算机关运行经费支出预算表', '公开表十一'),
      ),
    );
    expect(running.rec.tableType).toBe('budget.operating_costs');
    expect(running.checks).toEqual([expect.objectContaining({ rule: 'budget.operating_costs.total', ok: true })]);
  });
});

describe('department printed with a table', () => {
  it('reads 编制部门 / 部门 lines, the name on the same line or the next', () => {
    expect(
      printedDepartment([
        '收入支出决算总表',
        '公开01表',
        '编制部门：咸阳市杨陵区人民代表大会常务委员会办公室                  金额单位：万元',
      ]),
    ).toBe('咸阳市杨陵区人民代表大会常务委员会办公室');
    expect(printedDepartment(['收支预算总表', '部门：', '江苏省人大常委会办公厅', '单位：万元'])).toBe(
      '江苏省人大常委会办公厅',
    );
    expect(printedDepartment(['2026年预算单位收入预算总表', '编制单位：              单位：元'])).toBeNull();
    expect(printedDepartment(['收入决算表', '单位：万元'])).toBeNull();
    // A name wrapped over two lines is one name (issue 9: one department per document).
    expect(printedDepartment(['收支预算总表', '部门：上海市普陀区人民政府办', '公厅', '单位：万元'])).toBe(
      '上海市普陀区人民政府办公厅',
    );
  });

  it('outranks the document guess, and gives the region when the document has none', () => {
    const t = gridTable([['a', 'b']], ['部门：', '江苏省政协办公厅', '单位：万元']);
    const meta = { region: {}, department: '备注', year: 2017, kind: 'budget' as const, provenance: {} };
    expect(tableMeta(t, t.context, meta)).toEqual({
      department: '江苏省政协办公厅',
      region: { province: '江苏省' },
      provenance: { department: t.prov, region: t.prov },
    });
    expect(tableMeta(t, ['收入决算表'], meta)).toEqual({ department: '备注', region: {}, provenance: {} });
  });
});
