import { describe, expect, it } from 'vitest';
import { htmlExtractor } from '../../../../src/extract/html/index.js';
import { defaultLimits } from '../../../../src/extract/types.js';
import { toTextRows } from '../../../../src/model/grid.js';
import { testSource } from '../../../helpers/sources.js';

async function extract(html: string) {
  const bytes = Buffer.from(html, 'utf8');
  return htmlExtractor.extract(bytes, { source: testSource(bytes, 'p.html', 'text/html'), limits: defaultLimits });
}

describe('HTML tables to cell grids', () => {
  it('places rowspan and colspan cells once, with spans, and shifts later cells right', async () => {
    const doc = await extract(`<meta charset="utf-8"><table>
      <tr><td rowspan="2">一级</td><td colspan="2">二级</td><td>x</td></tr>
      <tr><td>a</td><td>b</td><td>c</td></tr>
      <tr><td>d</td><td colspan="3">e</td></tr></table>`);
    const t = doc.tables[0]!;
    expect([t.nRows, t.nCols]).toEqual([3, 4]);
    expect(toTextRows(t)).toEqual([
      ['一级', '二级', '', 'x'],
      ['', 'a', 'b', 'c'],
      ['d', 'e', '', ''],
    ]);
    const merged = t.cells.find((c) => c.text === '一级')!;
    expect([merged.rowSpan, merged.colSpan]).toEqual([2, 1]);
    expect(t.cells.filter((c) => c.text === '一级')).toHaveLength(1);
    expect(t.cells.find((c) => c.text === 'e')).toMatchObject({ row: 2, col: 1, colSpan: 3 });
    expect(t.cells.find((c) => c.text === 'c')!.prov.locator).toBe('table[1]/row[2]/cell[3]');
  });

  it('clips spans past the table and ignores absurd ones', async () => {
    const doc = await extract(
      `<meta charset="utf-8"><table><tr><td rowspan="9">a</td><td colspan="99999999">b</td></tr><tr><td>c</td></tr></table>`,
    );
    const t = doc.tables[0]!;
    expect(t.cells.find((c) => c.text === 'a')!.rowSpan).toBe(2);
    expect(t.nCols).toBeLessThanOrEqual(1001);
  });

  it('keeps line breaks inside a cell and full-width spaces as printed', async () => {
    const doc = await extract(
      `<meta charset="utf-8"><table><tr><td><p>第一行</p><p>第二行</p></td><td>15　</td><td>a<br>b</td></tr></table>`,
    );
    expect(toTextRows(doc.tables[0]!)[0]).toEqual(['第一行\n第二行', '15　', 'a\nb']);
  });

  it('skips layout tables and gives data tables the lines printed before and after them', async () => {
    const doc = await extract(`<meta charset="utf-8"><body><table><tr><td>
      <h1>收入支出决算总表</h1><p>公开01表</p><p>金额单位：万元</p>
      <table><tr><td>项目</td><td>决算数</td></tr></table><p>注：本表为空表</p>
      </td></tr></table></body>`);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.context).toEqual(['收入支出决算总表', '公开01表', '金额单位：万元']);
    expect(doc.tables[0]!.after).toEqual(['注：本表为空表']);
  });

  it('reads 发布时间 and 信息来源 and the article title', async () => {
    const doc = await extract(`<meta charset="utf-8"><title>标题-某某市人民政府</title><body><h1>2023年部门预算</h1>
      <div>发布时间：2023年7月8日 信息来源：某某市财政局</div><table><tr><td>x</td></tr></table></body>`);
    const meta = Object.fromEntries(doc.meta.map((m) => [m.key, m.value]));
    expect(meta).toEqual({ publishedAt: '2023-07-08', publisher: '某某市财政局', title: '2023年部门预算' });
  });

  it('reports a page without data tables as an issue, not a failure', async () => {
    const doc = await extract('<meta charset="utf-8"><p>无表格</p>');
    expect(doc.tables).toEqual([]);
    expect(doc.issues.map((i) => i.code)).toContain('html.no_tables');
  });
});
