import { describe, expect, it } from 'vitest';
import { docxExtractor } from '../../../../src/extract/docx/index.js';
import { toTextRows } from '../../../../src/model/grid.js';
import { ctx, p, tbl, tc, tinyDocx } from './tiny-docx.js';

describe('DOCX native tables', () => {
  it('turns gridSpan and vMerge into spans, joins cell paragraphs and keeps the text before as context', async () => {
    const body =
      p('收入决算表') +
      p('                公开02表') +
      tbl(
        [
          [tc('项目', '<w:gridSpan w:val="2"/>'), tc('本年收入合计', '<w:vMerge w:val="restart"/>')],
          [tc('功能分类科目编码'), tc('科目\n名称'), tc('', '<w:vMerge/>')],
          [tc('合计', '<w:gridSpan w:val="2"/>'), tc('533.64')],
        ],
        3,
      ) +
      p('注：本表反映部门本年度取得的各项收入情况。');
    const doc = await docxExtractor.extract(tinyDocx(body), ctx());
    expect(doc.issues).toEqual([]);
    expect(doc.status).toBe('ok');
    const t = doc.tables[0]!;
    expect([t.nRows, t.nCols]).toEqual([3, 3]);
    expect(toTextRows(t)).toEqual([
      ['项目', '', '本年收入合计'],
      ['功能分类科目编码', '科目\n名称', ''],
      ['合计', '', '533.64'],
    ]);
    expect(t.cells.find((c) => c.text === '本年收入合计')).toMatchObject({ rowSpan: 2, colSpan: 1 });
    expect(t.cells.find((c) => c.text === '合计')).toMatchObject({ colSpan: 2 });
    expect(t.cells.find((c) => c.text === '533.64')!.prov).toMatchObject({
      part: 'word/document.xml',
      locator: 'table[1]/row[3]/cell[2]',
      method: 'structure',
      page: 1,
    });
    expect(t.context).toEqual(['收入决算表', '公开02表']);
    expect(t.caption).toBe('收入决算表');
    expect(t.after).toEqual(['注：本表反映部门本年度取得的各项收入情况。']);
    expect(doc.pages[0]!.runs.map((r) => r.text.trim())).toEqual([
      '收入决算表',
      '公开02表',
      '注：本表反映部门本年度取得的各项收入情况。',
    ]);
  });

  it('keeps checkbox glyphs, typed or inserted as Wingdings symbols', async () => {
    const sym = '<w:r><w:sym w:font="Wingdings 2" w:char="F0A3"/></w:r>';
    const checked = '<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>';
    const cell = `<w:tc><w:p><w:r><w:t>优秀</w:t></w:r>${sym}<w:r><w:t xml:space="preserve"> 良好√ 合格</w:t></w:r>${checked}</w:p></w:tc>`;
    const doc = await docxExtractor.extract(tinyDocx(tbl([[cell]], 1)), ctx());
    expect(doc.tables[0]!.cells[0]!.text).toBe('优秀□ 良好√ 合格☑');
  });

  it('skips grid columns before a row and ignores deleted text', async () => {
    const row1 = [tc('a'), tc('b')];
    const row2 = [
      '<w:trPr><w:gridBefore w:val="1"/></w:trPr>',
      '<w:tc><w:p><w:r><w:t>c</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p></w:tc>',
    ];
    const doc = await docxExtractor.extract(tinyDocx(tbl([row1, row2], 2)), ctx());
    expect(toTextRows(doc.tables[0]!)).toEqual([
      ['a', 'b'],
      ['', 'c'],
    ]);
  });
});
