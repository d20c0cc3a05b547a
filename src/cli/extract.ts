import { once } from 'node:events';
import { open, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buffer } from 'node:stream/consumers';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { defaultLimits } from '../extract/types.js';
import type { PrintedDocument } from '../pipeline/printed.js';
import { concurrencyOption, EXIT, parseDuration, verbosityOf, verbosityOptions, type Verbosity } from './options.js';
import { createProgress } from './progress.js';

interface ExtractFlags {
  raw?: boolean;
  ocr: boolean;
  timeout?: number;
  jsonl?: boolean;
  output?: string;
  concurrency: number;
  strict?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** One input in the order given: a file (with its size in bytes), stdin (`-`), or a path that could not be read. */
type Input = { label: string; path?: string; size?: number; stdin?: true; error?: string };

/** Files started ahead of the next one printed, per worker: the window the biggest-first order picks from. */
const LOOKAHEAD_PER_WORKER = 8;

/** What one input came to: the printed JSON values (UTF-8) and the line progress shows. */
interface Outcome {
  values: Uint8Array[];
  line: string;
  failed: boolean;
  checksFailed: number;
}

/**
 * `budgetdoc extract <file|dir|-...>`: recognised records on stdout (or --output), each file's tables followed by
 * one `tableType: "document"` record; with --raw, the document model. Stores nothing. Up to --concurrency files
 * are extracted at once (each in its own worker thread, src/extract/isolate.ts) and printed in input order as soon
 * as they and every file before them are done, so one slow file never hides the others' results (issue 14).
 */
export function registerExtract(program: Command): void {
  const cmd = program
    .command('extract')
    .description('extract and recognise files; print records as one JSON array on stdout (stores nothing)')
    .argument('<paths...>', 'files or directories to extract (PDF, HTML, DOCX, XLS/XLSX, images); - reads stdin')
    .option('--raw', 'print the extracted document model instead of the records')
    .option('--jsonl', 'print one JSON value per line instead of one JSON array')
    .option('-o, --output <file>', 'write the JSON to this file instead of stdout')
    .option('--no-ocr', 'never run OCR (scanned pages are reported, not read)')
    .option('--strict', 'exit 1 when a check failed, not only when a document failed')
    .option(
      '--timeout <duration>',
      'stop extracting a document after this long, e.g. 90s, 10m (it is reported failed; default 1 min + 20 s a page, at most 30 min)',
      parseDuration,
    );
  verbosityOptions(concurrencyOption(cmd, 'documents extracted')).action(
    async (paths: string[], opts: ExtractFlags) => {
      const verbosity = verbosityOf(opts);
      const inputs = await expandInputs(paths);
      const out = opts.output ? await fileOutput(opts.output) : { stream: process.stdout, close: async () => {} };
      const writer = opts.jsonl ? jsonLines(out.stream) : jsonArray(out.stream);
      const progress = createProgress(verbosity, 'files');
      progress.expect(inputs.length);
      let failed = 0;
      let checksFailed = 0;
      try {
        for await (const o of inOrder(
          inputs,
          opts.concurrency,
          opts.concurrency * LOOKAHEAD_PER_WORKER,
          (i) => extractOne(i, opts, verbosity),
          // With one worker the order changes no total, only how soon the first result shows.
          (i) => (opts.concurrency > 1 ? (i.size ?? 0) : 0),
        )) {
          for (const v of o.values) await writer.write(v);
          progress.settled(o.line, o.failed);
          if (o.failed) failed++;
          checksFailed += o.checksFailed;
        }
        // Only a finished run closes the array: an interrupted one must not read as complete.
        await writer.end();
      } finally {
        progress.stop();
        await out.close();
      }
      if (opts.output && verbosity !== 'quiet')
        process.stderr.write(`wrote ${writer.count} values to ${opts.output}\n`);
      if (failed > 0 || (opts.strict && checksFailed > 0)) process.exitCode = EXIT.failed;
    },
  );
}

/** Arguments in order: `-` once for stdin, directories walked like ingest, a path that is not there kept as one. */
async function expandInputs(paths: string[]): Promise<Input[]> {
  const out: Input[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    if (p === '-') {
      if (out.some((i) => i.stdin)) throw new Error('- (stdin) can be given once');
      out.push({ label: 'stdin', stdin: true });
      continue;
    }
    let files: string[];
    try {
      const { collectFiles } = await import('../pipeline/ingest.js');
      files = (await stat(p)).isDirectory() ? await collectFiles([p]) : [resolve(p)];
    } catch (err) {
      out.push({ label: p, error: `cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
      continue;
    }
    for (const f of files.filter((f) => !seen.has(f))) {
      seen.add(f);
      const size = await stat(f).then(
        (s) => s.size,
        () => 0,
      );
      // A file named on the command line keeps the name as typed; one found in a directory its full path.
      out.push({ label: files.length === 1 && resolve(p) === f ? p : f, path: f, size });
    }
  }
  return out;
}

async function extractOne(input: Input, opts: ExtractFlags, verbosity: Verbosity): Promise<Outcome> {
  const started = Date.now();
  if (input.error) return { values: [], line: `${input.label}: ${input.error}`, failed: true, checksFailed: 0 };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(input.stdin ? await buffer(process.stdin) : await readFile(input.path!));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return { values: [], line: `${input.label}: cannot be read: ${code}`, failed: true, checksFailed: 0 };
  }
  // The pipeline is loaded when a file is extracted, not when the command line is parsed (`--help` stays fast).
  const [{ localSource, printDocumentIsolated }, { defaultIsolation }] = await Promise.all([
    import('../pipeline/process-document.js'),
    import('../extract/isolate.js'),
  ]);
  // Piped bytes have no name: the format is sniffed from the content alone.
  const source = input.stdin
    ? { ...localSource(bytes, 'stdin'), url: 'stdin:', fileName: 'stdin' }
    : localSource(bytes, input.path!);
  const p = await printDocumentIsolated(
    bytes,
    source,
    { raw: !!opts.raw, style: opts.jsonl ? 'lines' : 'array' },
    { ...defaultLimits, ocr: opts.ocr },
    {
      ...defaultIsolation,
      threads: opts.concurrency,
      ...(opts.timeout ? { timeoutMs: opts.timeout * 1000 } : {}),
    },
  );
  const values = p.ends.map((end, k) => p.bytes.subarray(k === 0 ? 0 : p.ends[k - 1], end));
  return {
    values,
    line: `${input.label}: ${describe(p, verbosity, Date.now() - started)}`,
    failed: p.status === 'failed',
    checksFailed: p.checksFailed,
  };
}

function describe(p: PrintedDocument, verbosity: Verbosity, ms: number): string {
  if (p.status === 'failed') return `failed: ${p.failure}`;
  const n = p.tables;
  const c = p.checksFailed;
  let line = `${p.status}, ${n} table${n === 1 ? '' : 's'}, ${c} check${c === 1 ? '' : 's'} failed`;
  if (verbosity === 'verbose')
    line += ` (${(ms / 1000).toFixed(1)} s${p.codes.length ? `; ${p.codes.join(', ')}` : ''})`;
  return line;
}

/**
 * Runs `run` over `items` with at most `concurrency` at once and yields the results in input order. A task starts
 * only within `lookahead` of the next result to print, so a slow first file holds a bounded number of results.
 * Within that window the heaviest item by `weight` starts first (longest processing time first): a big PDF left for
 * last would run alone while the other workers idle (issue 12: pages of a big PDF not serialised behind small ones).
 */
export async function* inOrder<T, R>(
  items: T[],
  concurrency: number,
  lookahead: number,
  run: (item: T) => Promise<R>,
  weight: (item: T) => number = () => 0,
): AsyncGenerator<R> {
  const results = items.map(() => deferred<R>());
  const started = items.map(() => false);
  let running = 0;
  let yielded = 0;
  const pump = () => {
    while (running < concurrency) {
      const end = Math.min(items.length, yielded + Math.max(1, lookahead));
      let pick = -1;
      for (let i = yielded; i < end; i++)
        if (!started[i] && (pick < 0 || weight(items[i]!) > weight(items[pick]!))) pick = i;
      if (pick < 0) return;
      started[pick] = true;
      running++;
      run(items[pick]!)
        .then(results[pick]!.resolve, results[pick]!.reject)
        .finally(() => {
          running--;
          pump();
        });
    }
  };
  pump();
  while (yielded < items.length) {
    const result = await results[yielded]!.promise;
    yielded++;
    pump();
    yield result;
  }
}

function deferred<R>(): { promise: Promise<R>; resolve: (v: R) => void; reject: (e: unknown) => void } {
  let resolve!: (v: R) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<R>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A result not yet awaited must not count as an unhandled rejection; the loop above awaits each in turn.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

interface ValueWriter {
  /** One value's JSON as printed by src/pipeline/printed.ts in the writer's style. */
  write(value: Uint8Array): Promise<void>;
  end(): Promise<void>;
  readonly count: number;
}

async function put(stream: Writable, chunk: string | Uint8Array): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** One JSON array, written value by value: the same bytes as JSON.stringify(values, null, 2), valid once ended. */
function jsonArray(stream: Writable): ValueWriter {
  let count = 0;
  return {
    get count() {
      return count;
    },
    async write(value) {
      await put(stream, count++ === 0 ? '[\n  ' : ',\n  ');
      await put(stream, value);
    },
    end: () => put(stream, count === 0 ? '[]\n' : '\n]\n'),
  };
}

function jsonLines(stream: Writable): ValueWriter {
  let count = 0;
  return {
    get count() {
      return count;
    },
    async write(value) {
      count++;
      await put(stream, value);
      await put(stream, '\n');
    },
    end: async () => {},
  };
}

/** --output: opened before any work, so a path that cannot be written is a usage error, not a lost extraction. */
async function fileOutput(path: string): Promise<{ stream: Writable; close(): Promise<void> }> {
  const stream = (await open(path, 'w')).createWriteStream();
  return {
    stream,
    async close() {
      stream.end();
      await once(stream, 'finish');
    },
  };
}
