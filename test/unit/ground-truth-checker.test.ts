/**
 * The ground truth of the real corpus (test/ground-truth/corpus/) and of the project's samples
 * (test/ground-truth/samples/) is confirmed by its independent checker, and the checker rejects values typed in the
 * wrong place: a neighbouring column, another row, another table type, a changed digit; a table listed on the wrong
 * page or sheet; a file claiming no table for a document that prints some. Needs poppler (pdftotext, pdftocairo)
 * for PDFs, LibreOffice (soffice) for workbooks, the corpus ($BUDGETDOC_CORPUS, default ../shared/corpus/real) and,
 * for the samples rebuilt from a seed, the seed texts ($BUDGETDOC_SEEDS, default ../shared/seeds); without them the
 * tests are skipped, except under CI=true where they fail.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGroundTruth, checkGroundTruthFile, parseGroundTruth } from '../../scripts/ground-truth/check-file.js';
import { haveSoffice } from '../../scripts/ground-truth/sheet-read.js';
import { corpusDir, REPO_ROOT, seedsDir } from '../../scripts/ground-truth/resolve.js';
import { numberOf, sameValue } from '../../scripts/ground-truth/text.js';
import type { GroundTruthFile, GroundTruthTable, GroundTruthValue } from '../../scripts/ground-truth/types.js';
import { hasCommand, systemPackage } from '../helpers/services.js';

const GT_DIR = join(REPO_ROOT, 'test/ground-truth/corpus');
const files = readdirSync(GT_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const ci = process.env.CI === 'true';

const noCorpus = existsSync(corpusDir()) ? [] : [`the corpus folder ${corpusDir()} is missing (set BUDGETDOC_CORPUS)`];
const missing = [
  ...['pdftotext', 'pdftocairo'].filter((t) => !hasCommand(t)).map((t) => `poppler's ${t} is not installed`),
  ...noCorpus,
];
if (missing.length && !ci) console.warn(`ground-truth checker test skipped: ${missing.join('; ')}`);
const readGt = (name: string) => parseGroundTruth(readFileSync(join(GT_DIR, name), 'utf8'), name);
const workbooks = files.filter((f) => readGt(f).checkedWith === 'libreoffice');
const soffice = workbooks.length > 0 && haveSoffice();
// Workbook files are read with LibreOffice: skipped without it, failed under CI (test/helpers/services.ts).
const runWorkbooks =
  workbooks.length > 0 && systemPackage(soffice, 'ground truth of the corpus workbooks', 'libreoffice-calc-nogui');

/** What checking a corpus file needs and lacks here: poppler for a PDF, LibreOffice for a workbook, the corpus. */
const corpusLacking = (gt: GroundTruthFile): string[] =>
  gt.checkedWith === 'libreoffice'
    ? [...(soffice ? [] : ['LibreOffice (soffice) is not installed']), ...noCorpus]
    : missing;
/** Skipped when something is lacking, except under CI, where the test runs and fails on it. */
const skipCorpus = (gt: GroundTruthFile): boolean =>
  gt.checkedWith === 'libreoffice' ? !runWorkbooks || (noCorpus.length > 0 && !ci) : missing.length > 0 && !ci;

describe('ground-truth checker prerequisites', () => {
  it.runIf(ci)('has poppler, LibreOffice and the corpus under CI', () => {
    expect(missing).toEqual([]);
    expect(workbooks.length === 0 || soffice).toBe(true);
  });
});

const sameLine = (a: GroundTruthValue, b: GroundTruthValue): boolean =>
  a.page === b.page && a.tableType === b.tableType && a.side === b.side && a.code === b.code && a.row === b.row;

/** True when `gt` already types `m`'s cell with the same value: a mutant that lands on an equal cell proves nothing. */
const typedEqual = (gt: GroundTruthFile, m: GroundTruthValue): boolean =>
  gt.values.some((o) => sameLine(o, m) && o.column === m.column && sameValue(o.value, m.value));

/** Broken copies of the file's values, each typed in a place the page does not print it. */
function brokenCopies(gt: GroundTruthFile): { kind: string; value: GroundTruthValue }[] {
  const out: { kind: string; value: GroundTruthValue }[] = [];
  const figures = gt.values.filter((v) => (numberOf(v.value) ?? 0) !== 0);
  // A figure moved to a neighbouring column of its line (the column header swapped for its neighbour's).
  for (const v of figures) {
    const o = gt.values.find((o) => sameLine(o, v) && o.column !== v.column && !sameValue(o.value, v.value));
    const m = o && { ...v, column: o.column };
    if (m && !typedEqual(gt, m)) {
      out.push({ kind: `column ${v.column} → ${o.column}`, value: m });
      break;
    }
  }
  // A figure typed on another row of its table, in the same column.
  for (const v of figures) {
    const o = gt.values.find(
      (o) =>
        o.page === v.page &&
        o.tableType === v.tableType &&
        o.column === v.column &&
        !sameLine(o, v) &&
        !sameValue(o.value, v.value),
    );
    const m = o && { ...v, row: o.row, code: o.code, side: o.side };
    if (m && !typedEqual(gt, m)) {
      out.push({ kind: `row ${v.code ?? ''} ${v.row ?? ''} → ${o.code ?? ''} ${o.row ?? ''}`, value: m });
      break;
    }
  }
  // A value given another table type of the document (of a one-table document: a type it does not print).
  const v = figures[0] ?? gt.values[0]!;
  const other =
    gt.values.find((o) => o.tableType !== v.tableType)?.tableType ??
    (v.tableType === 'final.expenditure' ? 'final.income' : 'final.expenditure');
  out.push({ kind: `tableType ${v.tableType} → ${other}`, value: { ...v, tableType: other } });
  // A digit changed (a blank cell of a template typed as 1).
  const at = [...v.value].findIndex((ch) => /\d/.test(ch));
  const changed = at < 0 ? '1' : v.value.slice(0, at) + String((Number(v.value[at]) + 1) % 10) + v.value.slice(at + 1);
  out.push({ kind: `digit of "${v.value}"`, value: { ...v, value: changed } });
  return out;
}

/** The file's tables each listed on the page or sheet of the next one: a title looked for where it is not printed. */
function wrongPages(gt: GroundTruthFile): GroundTruthTable[] {
  const pages = [...new Set(gt.tables.map((t) => t.page))];
  if (pages.length < 2) return [];
  return gt.tables.map((t) => ({ ...t, page: pages[(pages.indexOf(t.page) + 1) % pages.length]! }));
}

/** A table typed on a document that prints none (a narrative, a checklist): its first page, a common title. */
const inventedTable = (): GroundTruthTable => ({
  page: 1,
  tableType: 'budget.summary',
  title: '收支预算总表',
  unit: '万元',
});

describe('ground truth of the real corpus', () => {
  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const name of files) {
    const gt = readGt(name);
    const skip = skipCorpus(gt);
    describe.skipIf(skip)(`${name} (${gt.checkedWith})`, () => {
      it('is confirmed by the checker: every value and table', async () => {
        expect(corpusLacking(gt)).toEqual([]);
        const verdicts = await checkGroundTruthFile(join(GT_DIR, name));
        const rejected = [
          ...verdicts.tables.filter((t) => !t.ok).map((t) => `tables[${t.index}]: ${t.reason}`),
          ...verdicts.values.filter((r) => !r.ok).map((r) => `values[${r.index}]: ${r.reason}`),
        ];
        expect(rejected).toEqual([]);
        expect(verdicts.values.length).toBe(gt.values.length);
        expect(verdicts.tables.length).toBe(gt.tables.length);
      });

      if (gt.values.length) {
        it('rejects a value moved to a neighbouring column, another row, another table type, or with a changed digit', async () => {
          const broken = brokenCopies(gt);
          // A template printing no figure has no neighbouring figure to move: its blanks are broken by type and digit.
          const figures = gt.values.some((v) => (numberOf(v.value) ?? 0) !== 0);
          expect(broken.map((b) => b.kind.split(' ')[0])).toEqual(
            figures ? ['column', 'row', 'tableType', 'digit'] : ['tableType', 'digit'],
          );
          const verdicts = await checkGroundTruth({ ...gt, tables: [], values: broken.map((b) => b.value) });
          const accepted = verdicts.values.filter((r) => r.ok).map((r) => broken[r.index]!.kind);
          expect(accepted).toEqual([]);
        });
      }

      if (wrongPages(gt).length) {
        it('rejects each table listed on the page (sheet) of another', async () => {
          const moved = wrongPages(gt);
          const verdicts = await checkGroundTruth({ ...gt, tables: moved, values: [] });
          const accepted = verdicts.tables
            .filter((t) => t.ok)
            .map((t) => `p${moved[t.index]!.page} ${moved[t.index]!.title}`);
          expect(accepted).toEqual([]);
        });
      }

      if (gt.tables.length) {
        it('rejects a copy claiming the document prints no table', async () => {
          await expect(checkGroundTruth({ ...gt, tables: [], values: [] })).rejects.toThrow(
            /lists no table, but the document prints/,
          );
        });
      } else {
        it('lists no table of a document that prints none, and rejects one typed on it', async () => {
          expect(gt.values).toEqual([]);
          const verdicts = await checkGroundTruth({ ...gt, tables: [inventedTable()] });
          expect(verdicts.tables.map((t) => t.ok)).toEqual([false]);
        });
      }
    });
  }
});

const SAMPLES_DIR = join(REPO_ROOT, 'test/ground-truth/samples');
const sampleFiles = readdirSync(SAMPLES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const readSample = (name: string) => parseGroundTruth(readFileSync(join(SAMPLES_DIR, name), 'utf8'), name);

/** What checking a sample's file needs: poppler for a PDF checked with pdftotext, the seed folder for a seed. */
function sampleMissing(gt: GroundTruthFile): string[] {
  if (gt.checkedWith === 'pdftotext')
    return ['pdftotext', 'pdftocairo'].filter((t) => !hasCommand(t)).map((t) => `poppler's ${t} is not installed`);
  if (gt.checkedWith.startsWith('seed:')) {
    const seed = join(seedsDir(), gt.checkedWith.slice('seed:'.length));
    return existsSync(seed) ? [] : [`the seed ${seed} is missing (set BUDGETDOC_SEEDS)`];
  }
  return [];
}

describe('ground truth of the project samples', () => {
  it('has a file per sample, each checked with a tool of its own', () => {
    expect(sampleFiles.length).toBeGreaterThan(0);
    for (const name of sampleFiles) expect(readSample(name).checkedWith).toMatch(/^(pdftotext|seed:.+|build-data:.+)$/);
  });

  for (const name of sampleFiles) {
    const gt = readSample(name);
    const lacking = sampleMissing(gt);
    if (lacking.length && !ci) console.warn(`${name}: check skipped: ${lacking.join('; ')}`);
    it.skipIf(lacking.length > 0 && !ci)(
      `${name} is confirmed by the checker (${gt.checkedWith}): every value and table`,
      async () => {
        expect(lacking).toEqual([]);
        const verdicts = await checkGroundTruthFile(join(SAMPLES_DIR, name));
        const rejected = [
          ...verdicts.tables.filter((t) => !t.ok).map((t) => `tables[${t.index}]: ${t.reason}`),
          ...verdicts.values.filter((r) => !r.ok).map((r) => `values[${r.index}]: ${r.reason}`),
        ];
        expect(rejected).toEqual([]);
        expect(verdicts.values.length).toBe(gt.values.length);
      },
    );
  }

  // One file checked against its seed and the one checked against its builder's data: broken copies must fail.
  for (const name of ['yangling-2019-final.docx.json', 'shashi-health-2023-income-final-scan.pdf.json']) {
    const gt = readSample(name);
    const lacking = sampleMissing(gt);
    it.skipIf(lacking.length > 0 && !ci)(
      `${name}: rejects a value moved to a neighbouring column, another row, another table type, or with a changed digit`,
      async () => {
        expect(lacking).toEqual([]);
        const broken = brokenCopies(gt);
        expect(broken.map((b) => b.kind.split(' ')[0])).toEqual(['column', 'row', 'tableType', 'digit']);
        const verdicts = await checkGroundTruth({ ...gt, tables: [], values: broken.map((b) => b.value) });
        expect(verdicts.values.filter((r) => r.ok).map((r) => broken[r.index]!.kind)).toEqual([]);
      },
    );
  }

  // Forms have no line: a field read beside another label, an indicator's value under its neighbouring column.
  const forms = readSample('funing-2020-project-targets.pdf.json');
  it.skipIf(sampleMissing(forms).length > 0 && !ci)(
    'rejects a form field beside another label and an indicator value under another column',
    async () => {
      const field = forms.values.find((v) => v.field === 'budget')!;
      const milestone = forms.values.find((v) => v.field === 'spendingPlan[3月底].percent')!;
      const indicator = forms.values.find((v) => v.indicator === '视察调研督办' && v.column === '指标值')!;
      const broken: GroundTruthValue[] = [
        { ...field, label: '其他资金' },
        { ...milestone, label: '6月底' },
        { ...indicator, column: '指标值确定依据' },
        { ...indicator, column: '绩效指标描述' },
        { ...indicator, indicator: '完成率' },
        { ...indicator, form: '会议费' },
      ];
      const verdicts = await checkGroundTruth({ ...forms, tables: [], values: broken });
      expect(verdicts.values.filter((r) => r.ok).map((r) => JSON.stringify(broken[r.index]))).toEqual([]);
    },
  );
});
