import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetdoc } from '../helpers/cli.js';
import { corpusAvailable, corpusFile } from '../helpers/corpus.js';

/** Three Jiangsu offices of three years (the corpus): 政协 2017, 中共江苏省委办公厅 2018, 人大 2019. */
const FILES = [
  'jiangsu-cppcc-office-2017-budget-tables.pdf',
  'jiangsu-party-office-2018-budget-tables.pdf',
  'jiangsu-npc-office-2019-budget-tables.pdf',
];

describe.runIf(corpusAvailable(FILES, 'budgetdoc search through the binary'))('budgetdoc search and list', () => {
  let dir: string;
  let store: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'budgetdoc-search-cli-'));
    // A file that is no PDF at all, so the store holds a failed document with a reason.
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\nthis is not a PDF body\n');
    store = ['--data-dir', join(dir, 'store')];
    await budgetdoc(['ingest', ...store, ...FILES.map(corpusFile), join(dir, 'broken.pdf')]);
  }, 240_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists the 政协 documents of 2017..2019 and no other office', async () => {
    const r = await budgetdoc(['search', ...store, '--department', '政协', '--year', '2017..2019']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id\s+department \/ file\s+region\s+year\s+kind\s+status\s+tables\s+failed\s+findings$/);
    expect(lines).toHaveLength(2);
    // Findings: what the audit stored at ingest (a count, with its errors in brackets when there are any).
    expect(lines[1]).toMatch(
      /^[0-9a-f]{10}\s+江苏省政协办公厅\s+江苏省\s+2017\s+budget\s+ok\s+\d+\s+0\s+\d+( \(\d+ errors?\))?$/,
    );
    expect(r.stderr).toContain('1 document;');
    // Another spelling of the same office, and a year list that leaves 2017 out.
    const full = await budgetdoc([
      'search',
      ...store,
      '--department',
      '中国人民政治协商会议江苏省委员会办公室',
      '--json',
    ]);
    expect((JSON.parse(full.stdout) as { total: number }).total).toBe(1);
    const other = await budgetdoc(['search', ...store, '--department', '政协', '--year', '2018,2019']);
    expect(other.stdout).toBe('');
    expect(other.stderr).toContain('no stored document matches');
  });

  it('searches table titles and types, and prints JSON', async () => {
    const r = await budgetdoc(['search', ...store, '三公', '--type', 'budget.three_public', '--json']);
    const out = JSON.parse(r.stdout) as { total: number; documents: Array<{ year: number; tables: number }> };
    expect(out.total).toBe(3);
    expect(out.documents.map((d) => d.year)).toEqual([2019, 2018, 2017]);
  });

  it('lists every document, the failed one with its reason', async () => {
    const r = await budgetdoc(['list', ...store]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const broken = lines.findIndex((l) => l.includes('broken.pdf'));
    expect(broken).toBeGreaterThan(0);
    expect(lines[broken]).toMatch(/\sfailed\s/);
    expect(lines[broken + 1]).toMatch(/^ {4}failed: [a-z_.]+: \S/);
    expect(r.stderr).toContain('4 documents stored, 1 failed');
  });

  it('refuses a bad filter and a missing store as usage errors (exit 2)', async () => {
    const year = await budgetdoc(['search', ...store, '--year', 'abc']);
    expect(year.code).toBe(2);
    expect(year.stderr).toMatch(/not a year, range or list of years/);
    expect((await budgetdoc(['search', ...store, '--kind', 'report'])).code).toBe(2);
    const none = await budgetdoc(['list', '--data-dir', join(dir, 'nowhere')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no store at/);
  });
});
