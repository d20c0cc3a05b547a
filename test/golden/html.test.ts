import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localSource, processDocument } from '../../src/pipeline/process-document.js';

const SAMPLE = 'samples/html/hongjiang-2023-gov-office-dept-target.html';
const expected = JSON.parse(
  readFileSync('test/snapshots/records/hongjiang-2023-gov-office-dept-target.html.expected.json', 'utf8'),
);

describe('golden: seed 002 HTML article -> perf.dept_target', async () => {
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  const source = localSource(bytes, SAMPLE);
  const { document, recognised, status } = await processDocument(bytes, source);
  const [record] = recognised.records as Array<Record<string, any>>;

  it('extracts one table with the page metadata', () => {
    expect(document.status).toBe('ok');
    expect(document.tables).toHaveLength(1);
    expect([document.tables[0]!.nRows, document.tables[0]!.nCols]).toEqual([44, 8]);
    const meta = Object.fromEntries(document.meta.map((m) => [m.key, m.value]));
    expect(meta).toMatchObject({ publishedAt: '2023-07-18 14:33', publisher: '洪江市财政局' });
  });

  it('recognises the record the seed prints, value for value', () => {
    expect(recognised.records).toHaveLength(expected.length);
    expect(record).toMatchObject(expected[0]);
    expect(status).toBe('ok');
  });

  it('passes every identity the printed table obeys', () => {
    const rules = record!.checks.map((c: { rule: string; ok: boolean }) => [c.rule, c.ok]);
    expect(rules).toEqual([
      ['perf.dept_target.sources_sum', true],
      ['perf.dept_target.structure_sum', true],
      ['perf.dept_target.level1_points', true],
      ['perf.dept_target.level1_points', true],
      ['perf.dept_target.level1_points', true],
    ]);
  });

  it('gives every value its provenance down to the cell', () => {
    const cellProv = { sourceId: source.id, page: 1, method: 'structure', extractor: 'html/cheerio@1.2.0' };
    expect(record!.budget.total.provenance).toEqual({ ...cellProv, locator: 'table[1]/row[16]/cell[3]' });
    expect(record!.budget.basicExpenditure.provenance.locator).toBe('table[1]/row[19]/cell[2]');
    for (const ind of record!.indicators) {
      expect(ind.provenance).toMatchObject(cellProv);
      expect(Object.keys(ind.cells).sort()).toEqual([
        'description',
        'level1',
        'level2',
        'level3',
        'remark',
        'scoringStandard',
        'value',
        'valueType',
      ]);
    }
    // The year is read off the page as printed: the article's heading, its second line (under the breadcrumb).
    expect(record!.metaProvenance.year).toMatchObject({ locator: 'line[2]' });
  });
});
