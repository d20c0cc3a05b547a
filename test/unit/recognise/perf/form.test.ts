import { describe, expect, it } from 'vitest';
import { FormView } from '../../../../src/recognise/perf/form.js';
import { cleanText, labelKey, yearIn } from '../../../../src/recognise/perf/text.js';
import { buildTable } from './build-table.js';

describe('cleanText / labelKey / yearIn', () => {
  it('drops wrapping line breaks next to Chinese characters and keeps spaces between Latin words and numbers', () => {
    expect(cleanText('预算\n完成率\n（10分）')).toBe('预算完成率(10分)');
    expect(cleanText('≥ 90 %')).toBe('≥90 %');
    expect(cleanText('Excel 2010　版')).toBe('Excel 2010版');
  });
  it('reduces labels for matching: no spaces, no required star, no trailing colon', () => {
    expect(labelKey('*三级\n指标')).toBe('三级指标');
    expect(labelKey('年度资金总额：')).toBe('年度资金总额');
  });
  it('reads the year of a title line', () => {
    expect(yearIn('（2019年度）')).toBe(2019);
    expect(yearIn('(2022 年度)')).toBe(2022);
    expect(yearIn('预算项目自评表')).toBeNull();
  });
});

describe('FormView.field', () => {
  const form = new FormView(
    buildTable([
      [['填报单位:某某办公室', 1, 3], '自评得分：98分'],
      ['项目编码', ['', 1, 2], '项目名称'],
      ['其中：财政资金', '18.20', '其他资金', ''],
    ]),
  );
  it('reads a value printed in the label cell after a colon', () => {
    expect(form.field(/^填报单位$/)?.value).toBe('某某办公室');
    expect(form.field(/^自评得分$/)?.value).toBe('98分');
  });
  it('reads the next filled cell, but never another label', () => {
    expect(form.field(/财政资金$/)?.value).toBe('18.20');
    expect(form.field(/^项目编码$/, /^项目名称$/)?.value).toBe('');
    expect(form.field(/^其他资金$/)?.value).toBe('');
  });
  it('is undefined for a label the form does not print', () => {
    expect(form.field(/^实施单位$/)).toBeUndefined();
  });
});
