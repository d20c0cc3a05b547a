import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetdoc } from '../helpers/cli.js';
import { HTML_SAMPLE, inputFolder } from '../helpers/pipeline.js';

describe('budgetdoc CLI', () => {
  it('extract prints the records as one JSON array on stdout, logs elsewhere', async () => {
    const r = await budgetdoc(['extract', HTML_SAMPLE]);
    expect(r.code).toBe(0);
    const records = JSON.parse(r.stdout);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      tableType: 'perf.dept_target',
      year: 2023,
      status: 'ok',
      source: { fileName: 'hongjiang-2023-gov-office-dept-target.html' },
    });
    // The document as ingest would store it follows its tables (issue 9).
    expect(records[1]).toMatchObject({
      tableType: 'document',
      fileName: 'hongjiang-2023-gov-office-dept-target.html',
      status: 'ok',
      tables: 1,
    });
    expect(records[1].verification.total).toBe(records[0].verification.total);
  });

  it('refuses a --timeout that is not a positive duration before reading anything, as a usage error', async () => {
    for (const verb of ['extract', 'ingest']) {
      const r = await budgetdoc([verb, '--timeout', 'abc', HTML_SAMPLE]);
      expect(r.code, verb).toBe(2);
      expect(r.stderr, verb).toContain('expected a positive duration');
      expect(r.stdout, verb).toBe('');
    }
  });

  it('extract reports a file it cannot read and still prints the others', async () => {
    const r = await budgetdoc(['extract', '/nonexistent/missing.pdf', HTML_SAMPLE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.pdf: cannot be read: ENOENT/);
    expect(JSON.parse(r.stdout).map((x: { tableType: string }) => x.tableType)).toEqual([
      'perf.dept_target',
      'document',
    ]);
  });

  it('export and show in a folder without a store say so and create nothing', async () => {
    const missing = join(tmpdir(), `budgetdoc-none-${process.pid}`);
    for (const args of [['export'], ['show', 'abcd1234']]) {
      const r = await budgetdoc([...args, '--data-dir', missing]);
      expect(r.code, args[0]).not.toBe(0);
      expect(r.stderr, args[0]).toContain(`no store at ${missing}`);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it('extract --raw prints the document model', async () => {
    const r = await budgetdoc(['extract', '--raw', HTML_SAMPLE]);
    const [doc] = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ format: 'html', status: 'ok' });
    expect(doc.tables[0].cells.length).toBeGreaterThan(100);
  });

  it('extract exits non-zero on a failed document and still prints valid JSON', async () => {
    const dir = inputFolder();
    const r = await budgetdoc(['extract', join(dir, 'broken.pdf')]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({ tableType: 'document', fileName: 'broken.pdf', status: 'failed', tables: 0 }),
    ]);
    expect(r.stderr).toMatch(/broken\.pdf: failed/);
  });

  it('ingest stores into the embedded default, prints a summary, and show prints what is stored', async () => {
    const data = mkdtempSync(join(tmpdir(), 'budgetdoc-data-'));
    const r = await budgetdoc(['ingest', HTML_SAMPLE, '--data-dir', data, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({
      documents: 1,
      records: 1,
      tablesByType: { 'perf.dept_target': 1 },
      checksFailed: 0,
    });
    const again = await budgetdoc(['ingest', HTML_SAMPLE, '--data-dir', data]);
    expect(again.stdout).toMatch(/documents: 1 \(0 new, 1 unchanged, 0 processed\)/);
    const id = createHash('sha256').update(readFileSync(HTML_SAMPLE)).digest('hex');
    const show = await budgetdoc(['show', id.slice(0, 12), '--data-dir', data]);
    expect(show.code).toBe(0);
    const shown = JSON.parse(show.stdout);
    expect(shown.document).toMatchObject({ id, status: 'ok', recordCount: 1 });
    expect(shown.records[0].tableType).toBe('perf.dept_target');
  });

  it('every verb has --help', async () => {
    for (const verb of ['extract', 'ingest', 'show', 'worker']) {
      const r = await budgetdoc([verb, '--help']);
      expect(r.code, verb).toBe(0);
      expect(r.stdout).toContain(`Usage: budgetdoc ${verb}`);
    }
  });
});
