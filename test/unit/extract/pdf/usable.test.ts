import { describe, expect, it } from 'vitest';
import { textState } from '../../../../src/extract/pdf/usable.js';
import { run } from '../tables/helpers.js';

describe('text layer usability', () => {
  it('sees a page without text items as no_text', () => {
    expect(textState({ items: [], badChars: 0, totalChars: 0 })).toBe('no_text');
  });

  it('sees glyphs without Unicode mapping (U+FFFD, private use) as unmapped', () => {
    expect(textState({ items: [run('\uFFFD\uE001\uE002', 0, 0)], badChars: 3, totalChars: 3 })).toBe('unmapped');
  });

  it('trusts a page with a few odd characters', () => {
    expect(textState({ items: [run('合计\uFFFD 100.00 一般公共服务支出', 0, 0)], badChars: 1, totalChars: 20 })).toBe(
      'ok',
    );
  });
});
