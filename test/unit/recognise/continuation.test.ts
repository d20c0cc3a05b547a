import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, Table } from '../../../src/model/document.js';
import { recogniseDocument } from '../../../src/recognise/registry.js';
import { appendBody, continues } from '../../../src/recognise/continuation.js';
import { contextFor, gridTable } from './amount/fixture.js';

const TITLE = ['财政拨款收入支出决算总表', '公开04表', '编制部门：测试局                    金额单位：万元'];
const HEAD = [
  ['收入', '<', '支出', '<', '<', '<'],
  ['项目', '决算数', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款'],
];

/** Seed 001 公开04表 as printed: the lines, then (title and header repeated) the totals. */
function part1(id = 't1'): Table {
  return gridTable(
    [
      ...HEAD,
      ['1、一般公共预算财政拨款', '531.71', '1、一般公共服务支出', '531.71', '531.71', ''],
      ['2、政府性基金预算财政拨款', '', '2、外交支出', '', '', ''],
    ],
    TITLE,
    id,
  );
}
function part2(head = HEAD, context = TITLE, id = 't2'): Table {
  const t = gridTable(
    [
      ...head,
      ['本年收入合计', '531.71', '本年支出合计', '531.71', '531.71', ''],
      ['年初财政拨款结转和结余', '0.82', '年末财政拨款结转和结余', '0.82', '0.82', ''],
      ['收入总计', '532.53', '支出总计', '532.53', '532.53', ''],
    ],
    context,
    id,
  );
  for (const c of t.cells) c.prov = { ...c.prov, page: 2, locator: `${id}/r${c.row}c${c.col}` };
  t.prov = { ...t.prov, page: 2 };
  return t;
}

function recognise(tables: Table[]) {
  const doc: ExtractedDocument = { ...contextFor(tables, 'final').doc };
  return recogniseDocument(doc);
}

describe('continuation tables', () => {
  it('joins a 总表 printed in two parts into one record whose identities span both', () => {
    const { records } = recognise([part1(), part2()]);
    expect(records).toHaveLength(1);
    const r = records[0]!;
    expect(r.tableType).toBe('final.fiscal_summary');
    expect(r.provenance.page).toBe(1);
    expect(r.rows.map((row) => row.name)).toEqual([
      '1、一般公共预算财政拨款',
      '2、政府性基金预算财政拨款',
      '本年收入合计',
      '年初财政拨款结转和结余',
      '收入总计',
      '1、一般公共服务支出',
      '2、外交支出',
      '本年支出合计',
      '年末财政拨款结转和结余',
      '支出总计',
    ]);
    // Each row keeps the provenance of the part it was printed in.
    const total = r.rows.find((row) => row.name === '收入总计')!;
    expect(total.provenance).toMatchObject({ page: 2, locator: 't2/r4c0' });
    expect(r.rows[0]!.provenance).toMatchObject({ page: 1, locator: 'r2c0' });
    const balance = r.checks.find((c) => c.rule === 'final.fiscal_summary.balance');
    expect(balance).toMatchObject({ ok: true, expected: 532.53, actual: 532.53 });
    expect(r.checks.filter((c) => c.rule === 'final.fiscal_summary.row_total').every((c) => c.ok)).toBe(true);
    const joined = r.issues.filter((i) => i.code === 'recognise.joined_continuation');
    expect(joined).toHaveLength(1);
    expect(joined[0]!.message).toContain('t1 + t2');
  });

  it('joins a part printed with no title and no header', () => {
    const bare = gridTable([['本年收入合计', '531.71', '本年支出合计', '531.71', '531.71', '']], [], 't2');
    expect(continues(part1(), 2, bare, 0)).toBe(true);
    const joined = appendBody(part1(), bare, 0);
    expect(joined.nRows).toBe(5);
    expect(joined.cells.filter((c) => c.row === 4).map((c) => c.text)[0]).toBe('本年收入合计');
  });

  it('keeps tables apart when the second prints another title, another header or a new document part', () => {
    expect(continues(part1(), 2, part2(HEAD, ['一般公共预算财政拨款收入支出决算总表', '公开04表']), 2)).toBe(false);
    const otherHead = [HEAD[0]!, ['项目', '预算数', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款']];
    expect(continues(part1(), 2, part2(otherHead), 2)).toBe(false);
    expect(continues(part1(), 2, part2(HEAD, ['第三部分 2019年度部门决算情况说明', ...TITLE]), 2)).toBe(false);
    // A recogniser that cannot say where the header ends never has its tables joined.
    expect(continues(part1(), null, part2(), 2)).toBe(false);
    expect(recognise([part1(), part2(otherHead)]).records).toHaveLength(2);
  });

  it('keeps two 项目自评表 with the same title apart: their heads name different projects', () => {
    const form = (name: string, id: string) =>
      gridTable(
        [
          ['区级预算（项目）绩效目标自评表', '<', '<', '<', '<', '<'],
          ['专项（项目）名称', name, '<', '<', '<', '<'],
          ['一级指标', '二级指标', '三级指标', '年度指标值', '全年完成值', '未完成原因'],
          ['产出指标', '数量指标', '会议次数', '2次', '2次', ''],
        ],
        ['预算项目自评表'],
        id,
      );
    const { records } = recognise([form('人大会议', 't1'), form('代表工作', 't2')]);
    expect(records.filter((r) => r.issues.some((i) => i.code === 'recognise.joined_continuation'))).toHaveLength(0);
    expect(records).toHaveLength(2);
  });

  it('joins a 自评表 whose second part repeats only the indicator header', () => {
    const first = gridTable(
      [
        ['专项（项目）名称', '人大会议', '<', '<', '<', '<'],
        ['一级指标', '二级指标', '三级指标', '年度指标值', '全年完成值', '未完成原因'],
        ['产出指标', '数量指标', '会议次数', '2次', '2次', ''],
      ],
      ['项目支出绩效自评表'],
    );
    const second = gridTable(
      [
        ['一级指标', '二级指标', '三级指标', '年度指标值', '全年完成值', '未完成原因'],
        ['效益指标', '社会效益指标', '代表履职', '好', '好', ''],
      ],
      [],
      't2',
    );
    expect(continues(first, 2, second, 1)).toBe(true);
    const joined = appendBody(first, second, 1);
    expect(joined.nRows).toBe(4);
    expect(joined.cells.filter((c) => c.row === 3).map((c) => c.text)).toContain('代表履职');
  });
});
