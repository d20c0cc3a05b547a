import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareRecord, pairRecords, type RecordLike } from '../../bench/records-compare.js';
import { localSource, processDocument } from '../../src/pipeline/process-document.js';

/**
 * The 绩效 records of every sample that prints 绩效 tables, end to end (extract -> recognise ->
 * validate), against test/snapshots/records/<sample>.expected.json: snapshots in the output's shape, said to be
 * transcribed from the seeds by an uncommitted script and reviewed (test/snapshots/README.md); they catch changes,
 * accuracy is `npm run eval` against test/ground-truth/. There is no regenerate switch here.
 */
const SAMPLES = [
  'samples/xlsx/yangling-2019-selfeval.xlsx',
  'samples/docx/yangling-2019-final.docx',
  'samples/docx/kaili-2021-perf-target.docx',
  'samples/pdf/built/funing-2020-project-targets.pdf',
  'samples/pdf/built/hengyang-2022-dept-target-fragmented.pdf',
];

function perfExpected(sample: string): RecordLike[] {
  const name = sample.split('/').pop()!;
  const all = JSON.parse(readFileSync(`test/snapshots/records/${name}.expected.json`, 'utf8')) as RecordLike[];
  return all.filter((r) => r.tableType.startsWith('perf.'));
}

describe.each(SAMPLES)('golden 绩效 records: %s', async (sample) => {
  const bytes = new Uint8Array(readFileSync(sample));
  const { recognised } = await processDocument(bytes, localSource(bytes, sample));
  const actual = recognised.records.filter((r) => r.tableType.startsWith('perf.')) as unknown as RecordLike[];
  const expected = perfExpected(sample);

  it('finds every printed 绩效 table and no other', () => {
    expect(actual.map((r) => r.tableType)).toEqual(expected.map((r) => r.tableType));
  });

  it.each(expected.map((e, i) => [i, e] as const))('record %i matches the printed values field for field', (i) => {
    const [e, a] = pairRecords(expected, actual)[i]!;
    expect(a, `no record paired with ${e.title}`).toBeDefined();
    expect(compareRecord(e as never, a).mismatches).toEqual([]);
  });

  it('passes every identity the printed tables obey, each with provenance to a cell', () => {
    for (const r of actual) {
      expect(r.checks?.filter((c) => !c.ok)).toEqual([]);
      type Prov = { sourceId: string; locator?: string; bbox?: object };
      const indicators = (r as { indicators?: Array<{ provenance: Prov }> }).indicators ?? [];
      // A cell address (DOCX, workbook) or a box on the page (PDF).
      for (const ind of indicators) expect(ind.provenance.locator ?? ind.provenance.bbox).toBeTruthy();
    }
  });
});
