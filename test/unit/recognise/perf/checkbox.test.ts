import { describe, expect, it } from 'vitest';
import { parseCheckboxes } from '../../../../src/recognise/perf/checkbox.js';

describe('parseCheckboxes', () => {
  it('keeps the printed text and marks nothing when every box is empty (seed 000, 绩申表-4)', () => {
    expect(parseCheckboxes('优秀□\t良好□ 合格□　不合格□')).toEqual({
      text: '优秀□ 良好□ 合格□ 不合格□',
      options: [
        { label: '优秀', checked: false },
        { label: '良好', checked: false },
        { label: '合格', checked: false },
        { label: '不合格', checked: false },
      ],
      checked: [],
    });
  });

  it('exposes the marked option, box after or before its label', () => {
    expect(parseCheckboxes('优秀□ 良好☑ 合格□')?.checked).toEqual(['良好']);
    expect(parseCheckboxes('单位（部门）自评√ 财政部门□')?.checked).toEqual(['单位(部门)自评']);
    expect(parseCheckboxes('■优秀 □良好')?.options).toEqual([
      { label: '优秀', checked: true },
      { label: '良好', checked: false },
    ]);
  });

  it('is null for text without boxes', () => {
    expect(parseCheckboxes('按时发放')).toBeNull();
  });
});
