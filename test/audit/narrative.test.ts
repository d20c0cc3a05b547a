import { describe, expect, it } from 'vitest';
import { audit, check, narrativeDoc, rulesOf } from './build.js';

/** Findings of one rule on a 决算 whose page 2 prints `lines`. */
const of = (rule: string, lines: string[]) => audit(narrativeDoc(lines)).filter((f) => f.rule === rule);

describe('narrative.figure_mismatch / narrative.figure_rounding (recognition’s narrative checks, reported)', () => {
  const sentence = '2019年度总收入0万元，较上年增加。';
  const doc = narrativeDoc([sentence]);
  const description = `收支总表 本年收入合计 = 说明「${sentence.replace('，', ',')}」`;
  it('fires on a failed check, on the page and box of the printed figure', () => {
    const f = audit(
      doc,
      [],
      [check({ rule: 'narrative.total_income', expected: 533.64, actual: 0, ok: false, description })],
    );
    const hit = f.find((x) => x.rule === 'narrative.figure_mismatch')!;
    expect(hit).toMatchObject({ severity: 'error', page: 2, expected: 533.64, actual: 0 });
    expect(hit.bbox).not.toBeNull();
  });
  it('does not fire on a passing check; 尾差 is info', () => {
    expect(rulesOf(audit(doc, [], [check({ rule: 'narrative.total_income', description })]))).not.toContain(
      'narrative.figure_mismatch',
    );
    const rounding = audit(
      doc,
      [],
      [check({ rule: 'narrative.total_income', expected: 0.01, actual: 0, ok: true, rounding: true, description })],
    );
    expect(rounding.find((x) => x.rule === 'narrative.figure_rounding')?.severity).toBe('info');
    expect(rounding.some((x) => x.severity === 'error')).toBe(false);
  });
});

describe('narrative.comparison_word', () => {
  const pair = '2019年财政拨款支出年初预算为427.55万元，支出决算为531.84万元，完成年初预算的124.39%，';
  it('fires when 小于 is printed where 决算 exceeds 预算', () => {
    const f = of('narrative.comparison_word', [`${pair}决算数小于预算数的主要原因是人员增加。`]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', page: 2, expected: '大于', actual: '小于' });
  });
  it('does not fire when the word fits the figures, or 基本持平 fits nearly equal ones', () => {
    expect(of('narrative.comparison_word', [`${pair}决算数大于预算数的主要原因是人员增加。`])).toHaveLength(0);
    expect(
      of('narrative.comparison_word', ['年初预算为10.00万元，支出决算为10.00万元。决算数与预算数基本持平。']),
    ).toHaveLength(0);
  });
  it('reads the pair from the sentence before (Shanghai: 年初预算为…。 决算数小于预算数的主要原因…)', () => {
    expect(
      of('narrative.comparison_word', [
        '年初预算为1560.05万元，支出决算为1511.89万元。决算数大于预算数的主要原因：人员变化。',
      ]),
    ).toHaveLength(1);
    expect(
      of('narrative.comparison_word', [
        '年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因：人员变化。',
      ]),
    ).toHaveLength(0);
  });
  it('compares nothing where the sentence names no figures', () => {
    expect(of('narrative.comparison_word', ['决算数大于预算数的主要原因是人员增加。'])).toHaveLength(0);
  });
});

describe('narrative.change_mismatch / narrative.change_direction', () => {
  it('fires on a change that is not the difference of the named figures', () => {
    const f = of('narrative.change_mismatch', [
      '总支出531.84万元，较上年417.77万元增加113.07万元，主要原因是人员增加。',
    ]);
    expect(f[0]).toMatchObject({ expected: 114.07, actual: 113.07 });
  });
  it('does not fire on the right difference, nor within the precision printed (3万元 vs 2.94万元: 0.06)', () => {
    expect(of('narrative.change_mismatch', ['总支出531.84万元，较上年417.77万元增加114.07万元。'])).toHaveLength(0);
    expect(
      of('narrative.change_mismatch', [
        '2019年培训费预算为3万元，支出决算为2.94万元，完成预算的98%，决算数较预算数减少0.06万元。',
      ]),
    ).toHaveLength(0);
  });
  it('fires on 增加 where the figures fell, not where they rose', () => {
    expect(of('narrative.change_direction', ['总收入400万元，较上年419.34万元增加19.34万元。'])).toHaveLength(1);
    expect(of('narrative.change_direction', ['总收入533.64万元，较上年419.34万元增加114.3万元。'])).toHaveLength(0);
  });
});

describe('narrative.growth_rate_mismatch', () => {
  it('fires on a rate that is not change / base (seed 001 prints 21.67% for 27.67%)', () => {
    const f = of('narrative.growth_rate_mismatch', [
      '与上年416.57万元相比，财政拨款支出增加115.27万元，增长21.67%，主要原因是人员增加。',
    ]);
    expect(f[0]).toMatchObject({ severity: 'error', expected: 27.67, actual: 21.67 });
  });
  it('does not fire on the right rate', () => {
    expect(
      of('narrative.growth_rate_mismatch', ['与上年416.57万元相比，财政拨款支出增加115.27万元，增长27.67%。']),
    ).toHaveLength(0);
  });
  it('takes the base from the subject the sentence before states (Putuo: 收入支出总计2995.39万元。与2023年度相比…)', () => {
    const said = '上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降';
    expect(of('narrative.growth_rate_mismatch', [`${said}1.87%。`])).toHaveLength(0);
    expect(of('narrative.growth_rate_mismatch', [`${said}2.87%。`])).toHaveLength(1);
  });
  it('takes the base from the current figure and the change (机关运行经费支出184.65万元，比2023年度增加2.55万元)', () => {
    expect(
      of('narrative.growth_rate_mismatch', ['机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。']),
    ).toHaveLength(0);
    expect(
      of('narrative.growth_rate_mismatch', ['机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.90%。']),
    ).toHaveLength(1);
  });
});

describe('narrative.completion_rate_mismatch', () => {
  it('fires on 完成预算的 Z% that is not 决算 / 预算', () => {
    expect(
      of('narrative.completion_rate_mismatch', [
        '“三公”经费财政拨款支出预算为14.31万元，支出决算为12.73万元，完成预算的98.96%。',
      ]),
    ).toHaveLength(1);
  });
  it('does not fire on the right rate, nor within rounding of the printed figures (8.38 / 9.43 printed as 88.86%)', () => {
    expect(
      of('narrative.completion_rate_mismatch', [
        '“三公”经费财政拨款支出预算为14.31万元，支出决算为12.73万元，完成预算的88.96%。',
      ]),
    ).toHaveLength(0);
    expect(
      of('narrative.completion_rate_mismatch', [
        '公务用车运行维护费预算为9.43万元，支出决算为8.38万元，完成预算的88.86%。',
      ]),
    ).toHaveLength(0);
  });
});

describe('narrative.share_mismatch', () => {
  it('fires on 占 W% that is not the part over the whole before 其中 (Putuo prints 71.73% for 71.65%)', () => {
    const f = of('narrative.share_mismatch', [
      '一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%；社会保障和就业支出（类）326.72万元，占11.11%。',
    ]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ expected: 71.65, actual: 71.73 });
  });
  it('does not fire on the right shares, nor without a whole the sentence names', () => {
    expect(
      of('narrative.share_mismatch', [
        '2019年收入合计533.64万元，其中：财政拨款收入531.71万元，占99.64%；其他收入1.93万元，占0.36%。',
      ]),
    ).toHaveLength(0);
    expect(
      of('narrative.share_mismatch', ['2019年“三公”经费决算中，公务用车运行维护费支出决算8.38万元，占95.83%。']),
    ).toHaveLength(0);
  });
});
