import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localSource, processDocument } from '../../src/pipeline/process-document.js';
import { compareRecord, pairRecords, type RecordLike } from '../../bench/records-compare.js';
import { WRONG_TOTAL_SAMPLE } from '../../scripts/build-amount-wrong-total.js';
import { derivedAvailable, derivedFile, sampleAvailable, samplePath, testSampleIndex } from '../helpers/derived.js';

/**
 * Snapshot 决算 / 预算 records (test/snapshots/README.md: drafted from the pipeline's output and reviewed; they
 * catch changes, they do not measure accuracy): every sample with final.* or budget.* records in
 * test/snapshots/records/<sample>.expected.json is run end to end (extract -> recognise -> validate) and
 * each expected amount table must be found, typed, and match value for value. Samples are found by file name
 * (bench/sample-index.ts): the project's own under samples/, corpus documents where the corpus lies, derived files
 * built at test time (test/helpers/derived.ts). department and region
 * come from the document-metadata reader (src/recognise/meta/) and are not compared here; accuracy is `npm run eval`
 * against test/ground-truth/.
 */
const EXPECTED_DIR = 'test/snapshots/records';
const META_PATHS = /^(department|region(\.|$))/;

const samples = testSampleIndex();
const cases = readdirSync(EXPECTED_DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => ({
    sample: basename(f, '.expected.json'),
    expected: JSON.parse(readFileSync(join(EXPECTED_DIR, f), 'utf8')) as RecordLike[],
  }))
  .map((c) => ({ ...c, expected: c.expected.filter((r) => /^(final|budget)\./.test(r.tableType)) }))
  .filter((c) => c.expected.length > 0);

describe('golden 决算 / 预算 records', () => {
  it('has expected records for the corpus PDFs and the seed 001 DOCX', () => {
    expect(cases.map((c) => c.sample)).toEqual(
      expect.arrayContaining(['shanghai-putuo-finance-bureau-2024-final.pdf', 'yangling-2019-final.docx']),
    );
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  for (const { sample, expected } of cases) {
    it.runIf(sampleAvailable(sample, samples))(
      `${sample}: every amount table typed and every printed value matched`,
      async () => {
        const path = await samplePath(sample, samples);
        const bytes = new Uint8Array(readFileSync(path));
        const { recognised } = await processDocument(bytes, localSource(bytes, path));
        const pairs = pairRecords(expected, recognised.records as unknown as RecordLike[]);
        const problems: string[] = [];
        for (const [exp, act] of pairs) {
          if (!act) {
            problems.push(`not found: ${exp.tableType} ${exp.title}`);
            continue;
          }
          const tally = compareRecord(exp as never, act);
          for (const m of tally.mismatches) if (!META_PATHS.test(m)) problems.push(`${exp.title}: ${m}`);
        }
        expect(problems).toEqual([]);
        expect(pairs.filter(([, a]) => a).length).toBe(expected.length);
      },
    );
  }
});

describe(`golden: a deliberately wrong printed total (${WRONG_TOTAL_SAMPLE}, built at test time from the corpus)`, () => {
  it.runIf(derivedAvailable(WRONG_TOTAL_SAMPLE))(
    'keeps every value, reports the failing rules with expected and actual, and marks the record partial',
    async () => {
      const path = await derivedFile(WRONG_TOTAL_SAMPLE);
      const bytes = new Uint8Array(readFileSync(path));
      const { recognised } = await processDocument(bytes, localSource(bytes, path));
      const [record] = recognised.records;
      expect(record).toMatchObject({ tableType: 'final.gpb_functional', status: 'partial', unit: '万元' });
      expect(record!.rows).toHaveLength(20);
      expect(record!.rows.at(-1)).toMatchObject({
        name: '合计',
        values: { total: 2950.05, basicExpenditure: 2336.91, projectExpenditure: 603.14 },
      });
      const failed = record!.checks.filter((c) => !c.ok);
      expect(failed).toEqual([
        expect.objectContaining({
          rule: 'final.gpb_functional.row_total',
          expected: 2950.05,
          actual: 2940.05,
          tolerance: 0.02,
        }),
        expect.objectContaining({
          rule: 'final.gpb_functional.total',
          expected: 2950.05,
          actual: 2940.06,
          tolerance: 0.04,
        }),
      ]);
      expect(record!.issues.filter((i) => i.code === 'validate.identity_failed')).toHaveLength(2);
    },
  );
});
