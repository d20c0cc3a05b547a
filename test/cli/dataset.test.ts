import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { LONG_COLUMNS } from '../../src/export/dataset-rows.js';
import { budgetdoc } from '../helpers/cli.js';
import { corpusAvailable, corpusFile } from '../helpers/corpus.js';
import { systemPackage } from '../helpers/services.js';

/**
 * The dataset export through the binary (issue 15, docs/dataset.md) on the Jiangsu corpus: three departments, two of
 * them published as a narrative file and a tables file of the same year. Only these five files are ingested.
 */
const FILES = [
  'jiangsu-cppcc-office-2017-budget-narrative.pdf',
  'jiangsu-cppcc-office-2017-budget-tables.pdf',
  'jiangsu-party-office-2018-budget-narrative.pdf',
  'jiangsu-party-office-2018-budget-tables.pdf',
  'jiangsu-npc-office-2019-budget-tables.pdf',
];
const PYTHON = '/usr/bin/python3';
const hasPandas = () => spawnSync(PYTHON, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0;

type Row = Record<(typeof LONG_COLUMNS)[number], string>;
const csvRows = (text: string) => parse(text, { columns: true, bom: true }) as Row[];

describe.runIf(corpusAvailable(FILES, 'the dataset export'))('budgetdoc export --shape (the dataset)', () => {
  const data = mkdtempSync(join(tmpdir(), 'budgetdoc-dataset-'));
  const input = mkdtempSync(join(tmpdir(), 'budgetdoc-dataset-in-'));
  const out = (name: string) => join(data, name);
  const run = (...args: string[]) => budgetdoc([...args, '--data-dir', data]);

  beforeAll(async () => {
    for (const f of FILES) copyFileSync(corpusFile(f), join(input, f));
    const ingest = await run('ingest', input, '--no-ocr');
    expect(ingest.code, ingest.stderr).toBe(0);
  }, 300_000);

  it('long CSV: the issue’s columns, codes as text, 元 exact, no blank cells, one row per printed value', async () => {
    const r = await run('export', '--format', 'csv', '--shape', 'long', '--out', out('long.csv'));
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(out('long.csv'), 'utf8');
    const rows = csvRows(text);
    expect(Object.keys(rows[0]!)).toEqual([...LONG_COLUMNS]);
    expect(rows.every((x) => x.value !== '')).toBe(true);
    // 公开表 六 of 中共江苏省委办公厅 2018: 30215 会议费 50.00 万元 (Jiangsu prints 万元 to the fen).
    const meeting = rows.find(
      (x) => x.file === FILES[3] && x.table_type === 'budget.gpb_basic_economic' && x.row_code === '30215',
    );
    expect(meeting).toMatchObject({ value: '50.00', unit: '万元', value_yuan: '500000', column_key: 'total' });
    expect(meeting!.column_header).toBe('合计');
    const keepBlank = await run('export', '--format', 'csv', '--shape', 'long', '--keep-blank');
    expect(csvRows(keepBlank.stdout).length).toBeGreaterThan(rows.length);
    expect(r.stderr).toContain(`${rows.length} rows (csv long)`);
  });

  it.runIf(systemPackage(hasPandas(), 'the pandas check', 'python3-pandas'))(
    'pandas pivots the long CSV on (department id, year, kind, level, table type, scope, row code) × column key',
    async () => {
      await run('export', '--format', 'csv', '--shape', 'long', '--out', out('pivot.csv'));
      const script = `
import sys, pandas as pd
df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
index = ['department_id', 'year', 'kind', 'level', 'table_type', 'scope', 'row_code']
wide = df.pivot(index=index, columns='column_key', values='value_yuan')
print(len(df), len(wide), int(df.duplicated(index + ['column_key']).sum()))
`;
      const p = spawnSync(PYTHON, ['-c', script, out('pivot.csv')], { encoding: 'utf8' });
      expect(p.stderr).not.toContain('Error');
      expect(p.status).toBe(0);
      const [rows, lines, duplicates] = p.stdout.trim().split(' ').map(Number);
      expect(duplicates).toBe(0);
      expect(rows).toBeGreaterThan(500);
      expect(lines).toBeLessThan(rows!);
    },
  );

  it('one department id per department: narrative and tables files, and 中共 / full and short forms, share it', async () => {
    const rows = csvRows((await run('export', '--format', 'csv', '--shape', 'long')).stdout);
    const ids = new Map<string, Set<string>>();
    for (const x of rows) ids.set(x.file, (ids.get(x.file) ?? new Set()).add(x.department_id));
    for (const f of FILES) expect(ids.get(f)?.size, f).toBe(1);
    const id = (f: string) => [...ids.get(f)!][0];
    // The narrative prints 江苏省委办公厅, the tables 中共江苏省委办公厅: one department.
    expect(id(FILES[2]!)).toBe(id(FILES[3]!));
    expect(id(FILES[0]!)).toBe(id(FILES[1]!));
    expect(new Set(FILES.map(id)).size).toBe(3);
    expect(id(FILES[4]!)).toBe('32:江苏省人大办公厅');
    const list = JSON.parse((await run('departments', '--list', '--json')).stdout) as Array<{
      id: string;
      printedNames: string[];
      years: number[];
    }>;
    expect(list.find((d) => d.id === id(FILES[3]!))?.printedNames.sort()).toEqual([
      '中共江苏省委办公厅',
      '江苏省委办公厅',
    ]);
  });

  it('the narrative file of a department-year exports its totals next to the tables file’s', async () => {
    const rows = csvRows((await run('export', '--format', 'csv', '--shape', 'long')).stdout);
    for (const [narrativeFile, tablesFile] of [
      [FILES[0]!, FILES[1]!],
      [FILES[2]!, FILES[3]!],
    ]) {
      const narrative = rows.filter((x) => x.file === narrativeFile);
      expect(narrative.every((x) => x.table_type === 'narrative')).toBe(true);
      const tables = rows.filter((x) => x.file === tablesFile);
      const key = (x: Row) => `${x.department_id}|${x.year}|${x.kind}`;
      expect(new Set(narrative.map(key))).toEqual(new Set(tables.map(key)));
      const total = narrative.find((x) => x.row_code === 'total_income');
      const table = tables.find((x) => x.table_type === 'budget.summary' && x.row_code === 'income:收入合计');
      expect(total?.value_yuan).toBeTruthy();
      expect(total?.value_yuan).toBe(table?.value_yuan);
      // Each figure keeps where it is printed: page and box of its amount, its subject as printed.
      expect(Number(total!.page)).toBeGreaterThan(1);
      expect(total!.bbox.split(' ')).toHaveLength(4);
      for (const figure of ['class.201', 'basic_expenditure', 'project_expenditure', 'meeting', 'training'])
        expect(
          narrative.map((x) => x.row_code),
          `${narrativeFile} ${figure}`,
        ).toContain(figure);
    }
    // 中共江苏省委办公厅 2018 prints 会议费 933.50 and 培训费 30 in the 三公 table and restates them in its narrative.
    const party = rows.filter((x) => x.department_id === rows.find((y) => y.file === FILES[3])!.department_id);
    const pick = (type: string, code: string, key: string) =>
      party.find((x) => x.table_type === type && x.row_code === code && x.column_key === key)?.value_yuan;
    expect(pick('narrative', 'meeting', 'budget')).toBe('9335000');
    expect(pick('budget.three_public', '预算数', 'meeting')).toBe('9335000');
    expect(pick('narrative', 'training', 'budget')).toBe(pick('budget.three_public', '预算数', 'training'));
  });

  it('Parquet: DuckDB reads back the same rows with typed columns (codes text, 元 DECIMAL, year and page integers)', async () => {
    for (const shape of ['long', 'wide']) {
      const file = out(`${shape}.parquet`);
      const r = await run('export', '--format', 'parquet', '--shape', shape, '--out', file);
      expect(r.code, r.stderr).toBe(0);
      const csv = csvRows((await run('export', '--format', 'csv', '--shape', shape)).stdout);
      const db = await DuckDBInstance.create(':memory:');
      const c = await db.connect();
      try {
        const types = Object.fromEntries(
          (await c.runAndReadAll(`describe select * from '${file}'`))
            .getRowObjects()
            .map((x) => [String(x.column_name), String(x.column_type)]),
        );
        expect(Object.keys(types)).toEqual(Object.keys(csv[0]!));
        expect(types).toMatchObject({
          department_id: 'VARCHAR',
          row_code: 'VARCHAR',
          year: 'INTEGER',
          page: 'INTEGER',
        });
        expect(types[shape === 'long' ? 'value_yuan' : 'total']).toBe('DECIMAL(28,6)');
        const count = (await c.runAndReadAll(`select count(*)::integer as n from '${file}'`)).getRowObjects()[0]!;
        expect(Number(count.n)).toBe(csv.length);
        if (shape === 'long') {
          const back = (
            await c.runAndReadAll(
              `select row_code, value_yuan::varchar as yuan from '${file}' where table_type = 'budget.gpb_functional' and row_code = '2013101' order by scope`,
            )
          ).getRowObjects();
          expect(back.map((x) => x.yuan)).toEqual(['80722900.000000', '80722900.000000']);
          const sum = (
            await c.runAndReadAll(`select sum(value_yuan)::varchar as s from '${file}'`)
          ).getRowObjects()[0]!;
          // Jiangsu prints 万元 to the fen: every value is whole 元, summed exactly here and in DECIMAL there.
          const exact = csv.reduce((s, x) => s + BigInt(x.value_yuan), 0n);
          expect(String(sum.s).replace(/\.0+$/, '')).toBe(String(exact));
        }
      } finally {
        c.closeSync();
        db.closeSync();
      }
    }
  });

  it('departments --merge and --rename are links the export resolves; documents keep their computed ids', async () => {
    const before = csvRows((await run('export', '--format', 'csv', '--shape', 'long')).stdout);
    const npc = '32:江苏省人大办公厅';
    const cppcc = before.find((x) => x.file === FILES[1])!.department_id;
    expect((await run('departments', '--merge', npc, cppcc)).code).toBe(0);
    expect((await run('departments', '--rename', cppcc, '省政协办公厅（测试）')).code).toBe(0);
    const after = csvRows((await run('export', '--format', 'csv', '--shape', 'long')).stdout);
    expect(new Set(after.filter((x) => x.file === FILES[4]).map((x) => x.department_id))).toEqual(new Set([cppcc]));
    expect(new Set(after.filter((x) => x.department_id === cppcc).map((x) => x.department))).toEqual(
      new Set(['省政协办公厅（测试）']),
    );
    const list = JSON.parse((await run('departments', '--list', '--json')).stdout) as Array<{
      id: string;
      name: string;
      merged: string[];
      years: number[];
    }>;
    expect(list.find((d) => d.id === cppcc)).toMatchObject({
      name: '省政协办公厅（测试）',
      merged: [npc],
      years: [2017, 2019],
    });
    const refused = await run('departments', '--merge', cppcc, npc);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('already');
  });

  it('coverage: departments × years × kinds, with present and missing tables', async () => {
    const r = await run('coverage', '--json');
    expect(r.code, r.stderr).toBe(0);
    const cells = JSON.parse(r.stdout) as Array<{
      department: string;
      year: number;
      kind: string;
      present: string[];
      missing: string[];
      documents: number;
    }>;
    const party = cells.find((c) => c.year === 2018)!;
    expect(party).toMatchObject({ kind: 'budget', documents: 2, missing: [] });
    expect(party.present).toEqual(
      expect.arrayContaining(['narrative', 'budget.gpb_functional:fiscal', 'budget.procurement']),
    );
    // The 2019 人大 budget was published without its narrative file (as far as the corpus holds).
    expect(cells.find((c) => c.year === 2019)!.missing).toEqual(['narrative']);
  });

  it('--dictionary: every column key with its printed header, family, unit and meaning, from the schemas', async () => {
    const r = await budgetdoc(['export', '--dictionary', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const entries = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    const key = (t: string, k: string) => entries.find((e) => e.table_type === t && e.key === k);
    expect(key('final.gpb_functional', 'personnel')).toMatchObject({
      entry: 'value',
      printed_header: '人员经费',
      family: 'gpb_functional',
    });
    expect(key('budget.summary', 'amount')?.printed_header).toBe('预算数');
    expect(key('final.income', 'fiscalAppropriation')?.header_patterns).toContain('财政拨款');
    expect(entries.filter((e) => e.entry === 'column').map((e) => e.key)).toEqual([...LONG_COLUMNS]);
    expect(entries.filter((e) => e.entry === 'value').every((e) => e.meaning !== '')).toBe(true);
  });

  it('refuses --table with --shape, --keep-blank without it, and Parquet dictionaries', async () => {
    for (const args of [
      ['--shape', 'long', '--table', 'values', '--format', 'csv'],
      ['--keep-blank'],
      ['--dictionary', '--format', 'parquet'],
    ]) {
      const r = await run('export', ...args);
      expect(r.code, args.join(' ')).not.toBe(0);
    }
    expect(existsSync(out('nothing.parquet'))).toBe(false);
  });
});
