import { describe, expect, it } from 'vitest';
import { reconstructTables } from '../../../../src/extract/tables/index.js';
import { attachCaptions, textLines } from '../../../../src/extract/tables/captions.js';
import { captionFrom } from '../../../../src/extract/tables/to-table.js';
import { grid, run } from './helpers.js';

describe('captions', () => {
  it('attaches title, 公开NN表, 编制部门 and 单位 lines above, notes below, not page numbers', () => {
    const items = [
      run('narrative far above', 0, 0),
      run('公开08表', 0, 100),
      run('政府性基金预算财政拨款收入支出决算表', 60, 116),
      run('编制部门：某局', 0, 132),
      run('单位：万元', 300, 132),
      run('项目', 10, 155),
      run('注：本单位无政府性基金，故本表为空表。', 0, 185),
      run('- 7 -', 200, 400),
    ];
    const { tables, outside } = reconstructTables(items, grid([0, 200, 400], [150, 170]));
    const [att] = attachCaptions(tables, textLines(outside));
    expect(att?.context).toEqual(['公开08表', '政府性基金预算财政拨款收入支出决算表', '编制部门：某局', '单位：万元']);
    expect(att?.after).toEqual(['注：本单位无政府性基金，故本表为空表。']);
  });

  it('picks the title among labels', () => {
    expect(captionFrom(['表一', '收支预算总表', '部门：江苏省政协办公厅', '单位：万元'])).toBe('收支预算总表');
    expect(captionFrom(['公开08表', '单位：万元'])).toBeUndefined();
  });
});
