import { describe, expect, it } from 'vitest';
import { cellText, joinLines } from '../../../../src/extract/tables/text-join.js';
import { run } from './helpers.js';

describe('cell text', () => {
  it('joins wrapped CJK lines without a space, in reading order', () => {
    // Items arrive interleaved (seed 004): second line first.
    expect(cellText([run('家、省宏观政策', 0, 14), run('是否符合国家，与国', 0, 0)])).toBe(
      '是否符合国家，与国家、省宏观政策',
    );
  });

  it('keeps operator, value and unit runs apart as printed (seed 004: ≥ 90 %)', () => {
    expect(cellText([run('%', 40, 0), run('≥', 0, 0), run('90', 15, 0)])).toBe('≥ 90 %');
  });

  it('does not read justified CJK spacing as spaces', () => {
    expect(cellText([run('公', 0, 0), run('务', 20, 0), run('用', 40, 0), run('车', 60, 0)])).toBe('公务用车');
  });

  it('joins touching runs directly (a font switch inside a word)', () => {
    expect(cellText([run('十', 0, 0), run('、', 10, 0), run('预算', 20, 0)])).toBe('十、预算');
  });

  it('keeps full-width spaces as printed', () => {
    expect(cellText([run('　30101', 0, 0)])).toBe('　30101');
  });

  it('puts a space only between wrapped Latin words', () => {
    expect(joinLines(['Budget', 'table'])).toBe('Budget table');
    expect(joinLines(['1.年度目标', '2.任务'])).toBe('1.年度目标2.任务');
  });
});
