import { describe, expect, it } from 'vitest';
import { audit, narrativeDoc } from './build.js';

const of = (rule: string, line: string) => audit(narrativeDoc([line])).filter((f) => f.rule === rule);

describe('hygiene.doubled_punctuation', () => {
  it('fires on 。。, ，， and a comma against a stop', () => {
    for (const line of ['本级决算。。', '其中，，行政编制4人。', '主要包括：办公费，。'])
      expect(of('hygiene.doubled_punctuation', line), line).toHaveLength(1);
    expect(of('hygiene.doubled_punctuation', '本级决算。。')[0]).toMatchObject({
      severity: 'warning',
      page: 2,
      actual: '。。',
    });
  });
  it('does not fire on the ellipsis, the dash or single marks', () => {
    for (const line of ['事业收入、经营收入……', '三公经费——因公出国（境）费。', '其中：行政编制4人；事业编制0人。'])
      expect(of('hygiene.doubled_punctuation', line), line).toHaveLength(0);
  });
});

describe('hygiene.stray_character', () => {
  it('fires on a replacement mark and a ? inside Chinese', () => {
    expect(of('hygiene.stray_character', '财政\uFFFD拨款收入')).toHaveLength(1);
    expect(of('hygiene.stray_character', '财政?拨款收入')).toHaveLength(1);
  });
  it('does not fire on ordinary text and punctuation', () => {
    expect(of('hygiene.stray_character', '是否完成预算？已完成。')).toHaveLength(0);
  });
});
