import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { localSource, processDocument } from '../../../src/pipeline/process-document.js';

const SAMPLE = 'samples/html/hongjiang-2023-gov-office-dept-target.html';

/** The seed 002 page with one printed figure changed, as a publishing error would. */
async function withEdit(from: string, to: string) {
  const page = iconv.decode(readFileSync(SAMPLE), 'gb18030');
  expect(page).toContain(from);
  const bytes = new Uint8Array(iconv.encode(page.replace(from, to), 'gbk'));
  return processDocument(bytes, localSource(bytes, 'edited.html'));
}

describe('perf.dept_target identities on a deliberately wrong page', () => {
  it('flags a 基本支出 that no longer adds up, and keeps the record as partial', async () => {
    const { recognised, status } = await withEdit('<td colspan="4">1095.68</td>', '<td colspan="4">1095.86</td>');
    const record = recognised.records[0]!;
    const failed = record.checks.filter((c) => !c.ok);
    expect(failed).toEqual([
      expect.objectContaining({
        rule: 'perf.dept_target.structure_sum',
        expected: 1215.68,
        actual: 1215.86,
        ok: false,
      }),
    ]);
    expect(record.status).toBe('partial');
    expect(record.issues.map((i) => i.code)).toContain('validate.identity_failed');
    expect((record as Record<string, any>).budget.basicExpenditure.value).toBe(1095.86);
    expect(status).toBe('partial');
  });

  it('tolerates the printed 尾差 of 0.01 per addend', async () => {
    const { recognised } = await withEdit('<td colspan="4">1095.68</td>', '<td colspan="4">1095.69</td>');
    expect(recognised.records[0]!.checks.every((c) => c.ok)).toBe(true);
  });

  it('flags 一级 points that the 二级 points do not add up to', async () => {
    const { recognised } = await withEdit('绩效管理(8分)', '绩效管理(9分)');
    const failed = recognised.records[0]!.checks.filter((c) => !c.ok);
    expect(failed).toEqual([
      expect.objectContaining({ rule: 'perf.dept_target.level1_points', expected: 50, actual: 51 }),
    ]);
  });

  it('keeps a table no recogniser claims as unknown, with its cells and an issue', async () => {
    const html =
      '<meta charset="utf-8"><p>人员情况</p><table><tr><td>序号</td><td>单位名称</td></tr><tr><td>1</td><td>本级</td></tr></table>';
    const bytes = new Uint8Array(Buffer.from(html));
    const { recognised } = await processDocument(bytes, localSource(bytes, 'x.html'));
    expect(recognised.records).toHaveLength(1);
    const rec = recognised.records[0] as Record<string, any>;
    expect(rec.tableType).toBe('unknown');
    expect(rec.cells).toHaveLength(4);
    expect(rec.issues.map((i: { code: string }) => i.code)).toEqual(['recognise.unclaimed']);
    expect(rec.status).toBe('ok');
    // Its title is the line printed above it, never its header cell 序号.
    expect(rec.title).toBe('人员情况');
  });

  it('makes an unclaimed table that prints amounts partial: they reach no schema', async () => {
    const rows = [
      '<tr><td>项目</td><td>金额</td></tr>',
      ...['1,234.50', '22.00', '0.35'].map((v, i) => `<tr><td>事项${i}</td><td>${v}</td></tr>`),
    ];
    const bytes = new Uint8Array(Buffer.from(`<meta charset="utf-8"><p>某某情况</p><table>${rows.join('')}</table>`));
    const { recognised } = await processDocument(bytes, localSource(bytes, 'y.html'));
    const rec = recognised.records[0] as Record<string, any>;
    expect(rec.tableType).toBe('unknown');
    expect(rec.issues.map((i: { code: string }) => i.code)).toEqual(['recognise.unclaimed_amounts']);
    expect(rec.status).toBe('partial');
  });
});
