import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetdoc, budgetdocProcess } from '../helpers/cli.js';
import { HTML_SAMPLE, inputFolder } from '../helpers/pipeline.js';

/** Issue 14, "a CLI that guides": each trap a new user fell into, through the binary. */

const XLSX_SAMPLE = 'samples/xlsx/yangling-2019-selfeval.xlsx';
/** Partial: four of its 决算 identities fail as printed (test/golden). */
const FAILED_CHECKS_SAMPLE = 'samples/docx/yangling-2019-final.docx';
const idOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const HTML_ID = idOf(HTML_SAMPLE);
const XLSX_ID = idOf(XLSX_SAMPLE);
const temp = (name: string) => mkdtempSync(join(tmpdir(), `budgetdoc-${name}-`));

type Json = Record<string, unknown>;
/** Each test starts the binary several times: seconds each, many more on a loaded two-core machine. */
const SLOW = 300_000;

describe('ingest guides (issue 14)', () => {
  it(
    'prints where the store is, each document with its id prefix and status, why one failed, and what to run next',
    async () => {
      const data = temp('guide');
      const r = await budgetdoc(['ingest', inputFolder(), '--data-dir', data]);
      expect(r.code, r.stderr).toBe(1); // broken.pdf failed
      expect(r.stderr).toContain(`store: ${data} (embedded)`);
      // one progress line per document as it ends (not a terminal: plain lines, no bar frames)
      expect(r.stderr).toMatch(new RegExp(`^\\[[12]/2\\] ${HTML_ID.slice(0, 12)} ok +a\\.html \\(1 table\\)$`, 'm'));
      expect(r.stderr).toMatch(/^\[[12]\/2\] [0-9a-f]{12} failed +broken\.pdf: content matches no supported format/m);
      expect(r.stderr).not.toMatch(/\u001b\[/);
      // the report on stdout lists what this run processed, ids included
      expect(r.stdout).toMatch(/^processed:\n( {2}[0-9a-f]{12} .+\n){2}$/m);
      expect(r.stdout).toContain(`  ${HTML_ID.slice(0, 12)} ok      a.html (1 table)`);
      // the closing hint names commands that work as printed
      expect(r.stderr).toMatch(
        new RegExp(`^next:\\n  budgetdoc show ${HTML_ID.slice(0, 12)} --data-dir ${data} `, 'm'),
      );
      expect(r.stderr).toContain(`budgetdoc ingest --retry-failed --timeout 30m --data-dir ${data}`);
      const show = await budgetdoc(['show', HTML_ID.slice(0, 12), '--data-dir', data]);
      expect(show.code).toBe(0);
      expect(JSON.parse(show.stdout).document.id).toBe(HTML_ID);
      // --quiet: only the failure, no store line, no progress of the good ones, no hint
      const quiet = await budgetdoc(['ingest', HTML_SAMPLE, '--data-dir', data, '--quiet', '--force']);
      expect(quiet.code).toBe(0);
      expect(quiet.stderr).toBe('');
      expect(quiet.stdout).toContain('documents: 1 (0 new');
    },
    SLOW,
  );

  it(
    '--retry-failed re-runs the documents that failed by timeout, and only those, without --force',
    async () => {
      const data = temp('retry');
      // 1ms: a duration with a unit (a bare number is seconds); the document is stored failed by timeout
      const timedOut = await budgetdoc(['ingest', HTML_SAMPLE, '--data-dir', data, '--timeout', '1ms', '--json']);
      expect(timedOut.code).toBe(1);
      expect(JSON.parse(timedOut.stdout).summary.failedDocuments).toEqual([
        expect.objectContaining({ id: HTML_ID, reason: expect.stringMatching(/longer than 0\.001 s/) }),
      ]);
      expect((await budgetdoc(['ingest', XLSX_SAMPLE, '--data-dir', data])).code).toBe(0);
      // without the flag the failed one stays failed (the trap: only --force on everything re-ran it)
      const again = await budgetdoc(['ingest', HTML_SAMPLE, XLSX_SAMPLE, '--data-dir', data, '--json']);
      expect(again.code).toBe(1);
      expect(JSON.parse(again.stdout)).toMatchObject({ processed: 0, documents: [] });
      const retried = await budgetdoc([
        'ingest',
        HTML_SAMPLE,
        XLSX_SAMPLE,
        '--data-dir',
        data,
        '--retry-failed',
        '--json',
      ]);
      expect(retried.code, retried.stderr).toBe(0);
      const out = JSON.parse(retried.stdout);
      expect(out).toMatchObject({ files: 2, retried: 1, processed: 1, unchanged: 1 });
      expect(out.documents).toEqual([{ id: HTML_ID, status: 'ok', fileName: expect.any(String), tables: 1 }]);
      expect(out.summary).toMatchObject({ documents: 2, byStatus: { ok: 2 }, failedDocuments: [] });
      expect(out.documents.map((d: Json) => d.id)).not.toContain(XLSX_ID);
      // nothing failed is left: a second retry has nothing to do, with or without paths
      const none = await budgetdoc(['ingest', '--retry-failed', '--data-dir', data, '--json']);
      expect(none.code).toBe(0);
      expect(JSON.parse(none.stdout)).toMatchObject({ retried: 0, processed: 0, documents: [] });
    },
    SLOW,
  );

  it(
    'a path that is not there is reported and the others are ingested',
    async () => {
      const data = temp('missing');
      const r = await budgetdoc(['ingest', '/nonexistent/a.pdf', HTML_SAMPLE, '--data-dir', data, '--json']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('/nonexistent/a.pdf: cannot be read: ENOENT');
      const out = JSON.parse(r.stdout);
      expect(out.unreadable).toEqual([{ path: '/nonexistent/a.pdf', reason: 'cannot be read: ENOENT' }]);
      expect(out.summary).toMatchObject({ documents: 1, byStatus: { ok: 1 } });
    },
    SLOW,
  );
});

describe('extract streams (issue 14)', () => {
  it(
    'walks a directory and prints each file in input order, whatever finishes first',
    async () => {
      const dir = inputFolder();
      for (const concurrency of ['1', '3']) {
        const r = await budgetdoc(['extract', dir, '--concurrency', concurrency]);
        expect(r.code, concurrency).toBe(1); // broken.pdf
        const docs = (JSON.parse(r.stdout) as Json[]).filter((v) => v.tableType === 'document');
        // SOURCES.md in the folder is skipped, as ingest skips it
        expect(docs.map((d) => [d.fileName, d.status])).toEqual([
          ['a.html', 'ok'],
          ['broken.pdf', 'failed'],
          ['copy-of-a.html', 'ok'],
        ]);
        expect(r.stderr).toMatch(/^\[1\/3\] .*a\.html: ok, 1 table, 0 checks failed$/m);
        expect(r.stderr).toMatch(/^\[2\/3\] .*broken\.pdf: failed: /m);
      }
    },
    SLOW,
  );

  it(
    "writes a file's records before a later input has arrived, and reads - from stdin",
    async () => {
      const child = budgetdocProcess(['extract', HTML_SAMPLE, '-']);
      let stdout = '';
      let exited = false;
      const firstDone = new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('"tableType": "document"')) resolve();
        });
      });
      const exit = new Promise<number>((resolve) =>
        child.on('exit', (code) => {
          exited = true;
          resolve(code ?? -1);
        }),
      );
      await firstDone;
      // the first file is out while stdin is still open: nothing waits for the end of the run
      expect(exited).toBe(false);
      expect(stdout.startsWith('[\n  {\n    "tableType": "perf.dept_target"')).toBe(true);
      child.stdin.end(readFileSync(XLSX_SAMPLE));
      expect(await exit).toBe(0);
      const values = JSON.parse(stdout) as Json[];
      expect(values.map((v) => v.tableType)).toEqual([
        'perf.dept_target',
        'document',
        'perf.project_selfeval',
        'document',
      ]);
      expect(values[3]).toMatchObject({ fileName: 'stdin', format: 'xlsx', status: 'ok', sourceId: XLSX_ID });
    },
    SLOW,
  );

  it(
    '--jsonl --output FILE writes one JSON value per line to the file and nothing to stdout',
    async () => {
      const out = join(temp('out'), 'records.jsonl');
      const r = await budgetdoc(['extract', HTML_SAMPLE, '--jsonl', '--output', out]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`wrote 2 values to ${out}`);
      const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
      expect(lines.map((l) => JSON.parse(l).tableType)).toEqual(['perf.dept_target', 'document']);
    },
    SLOW,
  );

  it(
    '--strict exits 1 when a check failed; without it a partial document is not a failure',
    async () => {
      const plain = await budgetdoc(['extract', FAILED_CHECKS_SAMPLE, '--quiet']);
      expect(plain.code).toBe(0);
      const doc = (JSON.parse(plain.stdout) as Json[]).at(-1)!;
      expect(doc).toMatchObject({ tableType: 'document', status: 'partial' });
      const strict = await budgetdoc(['extract', FAILED_CHECKS_SAMPLE, '--quiet', '--strict']);
      expect(strict.code).toBe(1);
      // the same records either way: --strict changes the exit code alone
      const types = (out: string) => (JSON.parse(out) as Json[]).map((v) => [v.tableType, v.status]);
      expect(types(strict.stdout)).toEqual(types(plain.stdout));
    },
    SLOW,
  );
});

describe('one exit-code table (issue 14)', () => {
  it(
    'usage and input errors exit 2 in every verb, with the message',
    async () => {
      const cases: Array<[string[], RegExp]> = [
        [['extract', '--bogus', HTML_SAMPLE], /unknown option '--bogus'/],
        [['frobnicate'], /unknown command 'frobnicate'/],
        [['show'], /missing required argument/],
        [['show', 'not-hex'], /sha256 or a prefix of 4 or more hex digits/],
        [['ingest', HTML_SAMPLE, '--concurrency', '0'], /--concurrency <n>.*expected a whole number of at least 1/],
        [['extract', HTML_SAMPLE, '--timeout', '10 minutes'], /expected a positive duration/],
        [
          ['crawl', '--start-url', 'http://127.0.0.1:9/', '--timeout', 'abc'],
          /--timeout: expected a positive duration/,
        ],
        [
          ['crawl', '--start-url', 'http://127.0.0.1:9/', '--max-pages', 'many'],
          /--max-pages: expected a whole number/,
        ],
        [['crawl', '--start-url', 'http://127.0.0.1:9/', '--wait-timeout', '0'], /expected a positive duration/],
        [
          ['schedule', '--start-url', 'http://127.0.0.1:9/', '--timeout', '-5'],
          /--timeout: expected a positive duration/,
        ],
        [['worker', '--concurrency', 'two'], /expected a whole number/],
        [['ingest'], /ingest needs files or directories/],
      ];
      for (const [args, message] of cases) {
        const r = await budgetdoc(args);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr, args.join(' ')).toMatch(message);
        expect(r.stdout, args.join(' ')).toBe('');
      }
    },
    SLOW,
  );

  it(
    'a wrong document id in an existing store is an input error, and --help documents the table',
    async () => {
      const data = temp('ids');
      expect((await budgetdoc(['ingest', HTML_SAMPLE, '--data-dir', data, '-q'])).code).toBe(0);
      const wrong = await budgetdoc(['show', '0000', '--data-dir', data]);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain('no stored document 0000');
      const help = await budgetdoc(['--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(
        /Exit codes \(every verb\):\n {2}0 {2}ok\n {2}1 {2}documents failed.*--strict\n {2}2 {2}usage/,
      );
      for (const env of ['BUDGETDOC_HOME', 'DATABASE_URL', 'REDIS_URL', 'LOG_LEVEL'])
        expect(help.stdout).toContain(env);
      expect((await budgetdoc(['--version'])).code).toBe(0);
      expect((await budgetdoc(['extract', '--help'])).code).toBe(0);
    },
    SLOW,
  );

  it(
    'read-only verbs refuse a folder that exists but holds no store, and leave it empty',
    async () => {
      const empty = temp('not-a-store');
      mkdirSync(join(empty, 'other'));
      for (const args of [['export'], ['show', 'abcd1234']]) {
        const r = await budgetdoc([...args, '--data-dir', empty]);
        expect(r.code, args[0]).toBe(2);
        expect(r.stderr, args[0]).toContain(`no store at ${empty}`);
      }
      expect(readdirSync(empty)).toEqual(['other']);
    },
    SLOW,
  );
});
