import { describe, expect, it } from 'vitest';
import { audit, check, COVER, COVER_TABLE, docOf, record, row, type TableSketch } from './build.js';

const rule = (id: string, f: ReturnType<typeof audit>) => f.filter((x) => x.rule === id);
const ALL = [
  'summary',
  'income',
  'expenditure',
  'fiscal_summary',
  'gpb_functional',
  'gpb_basic_economic',
  'three_public',
  'gov_fund',
];
const TITLES: Record<string, string> = {
  summary: '收入支出决算总表',
  income: '收入决算表',
  expenditure: '支出决算表',
  fiscal_summary: '财政拨款收入支出决算总表',
  gpb_functional: '一般公共预算财政拨款支出决算表',
  gpb_basic_economic: '一般公共预算财政拨款基本支出决算表',
  three_public: '财政拨款“三公”经费支出决算表',
  gov_fund: '政府性基金预算财政拨款收入支出决算表',
};
/** One record per family, on pages 3, 4 …, in this order. */
const records = (families: string[]) => families.map((f, i) => record(`final.${f}`, i + 3, { title: TITLES[f]! }));
/** Cover, a 目录 page listing `listed`, then a page per table. */
const withToc = (listed: string[], pages = 10) =>
  docOf(
    [COVER, ['目 录', ...listed.map((f, i) => `${i + 1}、${TITLES[f]}`)], ...Array.from({ length: pages }, () => [])],
    [COVER_TABLE],
  );

describe('completeness.document_unreadable', () => {
  it('fires on a failed document only', () => {
    expect(rule('completeness.document_unreadable', audit(docOf([], [], 'failed')))).toHaveLength(1);
    expect(rule('completeness.document_unreadable', audit(docOf([COVER])))).toHaveLength(0);
  });
});

describe('completeness.toc_entry_without_table / table_not_in_toc / toc_order', () => {
  it('fires on a 目录 line without its table, on the 目录 page', () => {
    const f = rule(
      'completeness.toc_entry_without_table',
      audit(withToc(ALL), records(ALL.filter((x) => x !== 'gpb_basic_economic'))),
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', page: 2, text: TITLES.gpb_basic_economic });
  });
  it('does not fire when every listed table is printed, recognised or not (its title printed elsewhere)', () => {
    expect(rule('completeness.toc_entry_without_table', audit(withToc(ALL), records(ALL)))).toHaveLength(0);
    const doc = docOf(
      [COVER, ['目 录', ...ALL.map((f) => TITLES[f]!)], ['一般公共预算财政拨款基本支出决算表']],
      [COVER_TABLE],
    );
    expect(
      rule('completeness.toc_entry_without_table', audit(doc, records(ALL.filter((x) => x !== 'gpb_basic_economic')))),
    ).toHaveLength(0);
  });
  it('fires on a table the 目录 leaves out', () => {
    const f = rule('completeness.table_not_in_toc', audit(withToc(ALL.filter((x) => x !== 'gov_fund')), records(ALL)));
    expect(f).toHaveLength(1);
    expect(rule('completeness.table_not_in_toc', audit(withToc(ALL), records(ALL)))).toHaveLength(0);
  });
  it('fires when the tables are printed in another order than listed', () => {
    const swapped = [...ALL];
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(rule('completeness.toc_order', audit(withToc(ALL), records(swapped)))).toHaveLength(1);
    expect(rule('completeness.toc_order', audit(withToc(ALL), records(ALL)))).toHaveLength(0);
  });
});

describe('completeness.missing_table', () => {
  const plain = docOf([COVER, ...Array.from({ length: 10 }, () => [])], [COVER_TABLE]);
  it('fires on a 决算 without a 三公 table', () => {
    const f = rule('completeness.missing_table', audit(plain, records(ALL.filter((x) => x !== 'three_public'))));
    expect(f.map((x) => x.expected)).toEqual(['three_public']);
  });
  it('does not fire on a complete set, nor on a narrative-only file (its tables are published apart)', () => {
    expect(rule('completeness.missing_table', audit(plain, records(ALL)))).toHaveLength(0);
    expect(rule('completeness.missing_table', audit(plain, records(['summary'])))).toHaveLength(0);
  });
});

describe('empty tables: no_figures, empty_table_without_reason / with_reason / reason_not_in_file', () => {
  const empty = (f: string, page: number) =>
    record(`final.${f}`, page, { title: TITLES[f]!, rows: [row('合计', { total: null })] });
  const narrated = (extra: string[] = [], tables: TableSketch[] = []) =>
    docOf(
      [
        COVER,
        Array.from({ length: 12 }, (_, i) => `第${i + 1}句说明。`).concat(extra),
        ...Array.from({ length: 10 }, () => []),
      ],
      [COVER_TABLE, ...tables],
    );
  const set = () => [...records(ALL.filter((x) => x !== 'gov_fund')), empty('gov_fund', 11)];
  it('fires on an empty table nothing explains', () => {
    const f = rule('completeness.empty_table_without_reason', audit(narrated(), set()));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', page: 11 });
  });
  it('is info where the table page or the narrative says why', () => {
    const note = [{ id: 'p11-t1', page: 11, after: ['注：本单位无政府性基金预算财政拨款收支，故本表为空表。'] }];
    const a = audit(narrated([], note), set());
    expect(rule('completeness.empty_table_without_reason', a)).toHaveLength(0);
    expect(rule('completeness.empty_table_with_reason', a)[0]?.severity).toBe('info');
    const b = audit(narrated(['本部门无政府性基金决算收支，并已公开空表。']), set());
    expect(rule('completeness.empty_table_without_reason', b)).toHaveLength(0);
  });
  it('is a warning in a tables-only file, whose narrative is published apart', () => {
    const f = audit(docOf([COVER, ...Array.from({ length: 10 }, () => [])], [COVER_TABLE]), set());
    expect(rule('completeness.empty_table_without_reason', f)).toHaveLength(0);
    expect(rule('completeness.empty_table_reason_not_in_file', f)[0]?.severity).toBe('warning');
  });
  it('is one no_figures finding when no table prints a figure (a blank template)', () => {
    const f = audit(
      narrated(),
      ALL.map((x, i) => empty(x, i + 3)),
    );
    expect(rule('completeness.no_figures', f)).toHaveLength(1);
    expect(rule('completeness.empty_table_without_reason', f)).toHaveLength(0);
  });
});

describe('completeness.blank_stage_line', () => {
  const three = (budget: string[]) =>
    docOf(
      [COVER, ...Array.from({ length: 10 }, () => [])],
      [
        COVER_TABLE,
        {
          id: 'p9-t1',
          page: 9,
          rows: [
            ['项目', '小计', '因公出国（境）费'],
            ['预算数', ...budget],
            ['决算数', '12.73', '0'],
          ],
        },
      ],
    );
  const set = records(ALL);
  set[6]!.tableId = 'p9-t1';
  it('fires on a 三公 预算数 line printed blank beside a printed 决算数 line, at that line', () => {
    const f = rule('completeness.blank_stage_line', audit(three(['', '']), set));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', page: 9, text: '预算数' });
  });
  it('does not fire where the line prints figures (0 included)', () => {
    expect(rule('completeness.blank_stage_line', audit(three(['14.31', '0']), set))).toHaveLength(0);
  });
});

describe('completeness.blank_cell_restated', () => {
  const doc = docOf([COVER, []], [COVER_TABLE]);
  const c = (actual: number) =>
    check({
      rule: 'narrative.three_public',
      expected: null,
      actual,
      ok: actual === 0,
      description: '三公 预算数 total = 说明「“三公”经费预算为14.31万元。」',
    });
  const three = record('final.three_public', 9, {
    rows: [row('预算数', { total: null }, 9), row('决算数', { total: 12.73 }, 9)],
  });
  it('fires where the table is blank and the narrative states a figure, on the table page', () => {
    const f = rule('completeness.blank_cell_restated', audit(doc, [three], [c(14.31)]));
    expect(f[0]).toMatchObject({ severity: 'error', page: 9, actual: null, expected: 14.31 });
  });
  it('does not fire where the narrative states 0 (a blank cell prints nothing)', () => {
    expect(rule('completeness.blank_cell_restated', audit(doc, [three], [c(0)]))).toHaveLength(0);
  });
});
