import { describe, expect, it } from 'vitest';
import { audit, COVER, COVER_TABLE, docOf, narrativeDoc, record, row } from './build.js';

const rule = (id: string, f: ReturnType<typeof audit>) => f.filter((x) => x.rule === id);

describe('consistency.year_mismatch', () => {
  it('fires on a heading that names another year, at its line', () => {
    const f = rule(
      'consistency.year_mismatch',
      audit(narrativeDoc(['第三部分 2018 年部门决算情况说明', '一、收入支出决算总体情况说明'])),
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', page: 2, expected: 2019, actual: 2018 });
    expect(f[0]!.bbox).not.toBeNull();
  });
  it('fires on a table title that names another year', () => {
    const doc = docOf(
      [COVER, []],
      [COVER_TABLE, { id: 't1', page: 2, context: ['2018年收入支出决算总表', '单位：万元'] }],
    );
    expect(rule('consistency.year_mismatch', audit(doc))).toHaveLength(1);
  });
  it('does not fire on the document’s own year, on comparisons or on ranges', () => {
    const lines = ['第三部分 2019 年部门决算情况说明', '一、与2018年相比的情况说明', '二、2017-2019年财政规划'];
    expect(rule('consistency.year_mismatch', audit(narrativeDoc(lines)))).toHaveLength(0);
  });
});

describe('consistency.cutoff_date / consistency.cutoff_date_late', () => {
  it('fires on a 决算 截至 date of an earlier year', () => {
    const f = rule('consistency.cutoff_date', audit(narrativeDoc(['截至2018年12月31日，本部门共有车辆1辆。'])));
    expect(f[0]).toMatchObject({ severity: 'error', page: 2, expected: 2019, actual: 2018 });
  });
  it('does not fire on the year itself, and warns on a later year', () => {
    expect(rule('consistency.cutoff_date', audit(narrativeDoc(['截至2019年末，本部门共有车辆1辆。'])))).toHaveLength(0);
    expect(
      rule('consistency.cutoff_date_late', audit(narrativeDoc(['截至2021年6月30日，已整改完毕。'])))[0]?.severity,
    ).toBe('warning');
  });
  it('takes a 预算’s date from the year before (截至2024年8月31日 in a 2025 budget)', () => {
    const budget = (line: string) => docOf([['上海市普陀区人民政府办公室2025年部门预算'], [line]], [COVER_TABLE]);
    expect(rule('consistency.cutoff_date', audit(budget('截至2024年8月31日，本部门共有车辆3辆。')))).toHaveLength(0);
    expect(rule('consistency.cutoff_date', audit(budget('截至2023年8月31日，本部门共有车辆3辆。')))).toHaveLength(1);
  });
});

describe('consistency.department_mismatch', () => {
  const tables = (names: string[]) =>
    docOf(
      [COVER, ...names.map(() => [])],
      [
        COVER_TABLE,
        ...names.map((n, i) => ({
          id: `t${i}`,
          page: i + 2,
          context: [`收入决算表`, `编制部门：${n}    金额单位：万元`],
        })),
      ],
    );
  it('fires on the one table that names another department', () => {
    const f = rule(
      'consistency.department_mismatch',
      audit(
        tables(['杨陵区人大常委会办公室', '杨陵区人大常委会办公室', '杨陵区人大常委会办公室', '杨陵区人民政府办公室']),
      ),
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ page: 5, actual: '杨陵区人民政府办公室' });
  });
  it('does not fire where the names agree, one a short form of the other', () => {
    expect(
      rule(
        'consistency.department_mismatch',
        audit(tables(['杨陵区人大常委会办公室', '杨陵区人大常委会办公室', '咸阳市杨陵区人大常委会办公室'])),
      ),
    ).toHaveLength(0);
  });
});

describe('consistency.unit_missing', () => {
  it('fires on an amount table without a unit, not on one with it', () => {
    const doc = docOf([COVER, []], [COVER_TABLE]);
    expect(rule('consistency.unit_missing', audit(doc, [record('final.income', 2, { unit: null })]))).toHaveLength(1);
    expect(rule('consistency.unit_missing', audit(doc, [record('final.income', 2)]))).toHaveLength(0);
    expect(
      rule(
        'consistency.unit_missing',
        audit(doc, [record('final.income', 2, { unit: null, rows: [row('合计', { total: null })] })]),
      ),
    ).toHaveLength(0);
  });
});

describe('consistency.placeholder', () => {
  const one = (line: string) => rule('consistency.placeholder', audit(narrativeDoc([line])));
  it('fires on template placeholders: XX, ××, 【单位名称】, （单位名称）', () => {
    for (const line of [
      '上海市 XX 局 2024 年度部门决算情况说明',
      '收入支出总计 XXX 万元。',
      '××单位',
      '【单位名称】2019年度部门决算',
      '（单位名称）部门决算',
    ])
      expect(one(line), line).toHaveLength(1);
    expect(one('上海市 XX 局')[0]).toMatchObject({ severity: 'error', page: 2, actual: 'XX' });
  });
  it('does not fire on Latin words, document numbers or a lone X', () => {
    for (const line of ['按Excel模板XXL尺码', '杨政发【2019】12号', 'X光机1台', '绩效评价（见附件）'])
      expect(one(line), line).toHaveLength(0);
  });
  it('reads table cells too', () => {
    const doc = docOf(
      [COVER, []],
      [
        COVER_TABLE,
        {
          id: 't1',
          page: 2,
          rows: [
            ['序号', '单位名称'],
            ['1', '上海市XX中心'],
          ],
        },
      ],
    );
    expect(rule('consistency.placeholder', audit(doc))[0]).toMatchObject({ page: 2, text: '上海市XX中心' });
  });
});
