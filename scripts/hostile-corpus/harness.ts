import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStores } from '../../src/store/open.js';
import { PASSWD_MARKER } from './recipe.js';

/**
 * Runs `budgetdoc ingest` on a folder as an operator would (the real binary, the embedded default store) and watches
 * it from outside: resident memory of the process tree polled from /proc, progress read from its log lines, a kill
 * when memory or silence pass their bounds. What the run left behind is then read from the store itself, so a crash
 * that printed nothing still shows as documents left pending.
 */
export interface IngestRun {
  /** Exit code, or null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Why the harness killed it, if it did. */
  killed?: 'memory' | 'stall';
  seconds: number;
  /** Largest sum of VmRSS over the process and its children, MB. */
  peakRssMb: number;
  stdout: string;
  stderr: string;
  /** `ingest --json`, when it got as far as printing it. */
  report?: { files: number; processed: number; failures: unknown[]; summary: { byStatus: Record<string, number> } };
  /** How many times each document was extracted (log lines `extracted`), by sha256. */
  extractions: Map<string, number>;
  /** Milliseconds each document spent in extraction, over all its tries (the `ms` of its `extracted` lines). */
  extractMs: Map<string, number>;
}

export interface RunOptions {
  dataDir: string;
  /** Per-document limit given to `--timeout`, seconds. */
  timeoutSeconds: number;
  /** Kill the run above this much resident memory (the machine is shared), MB. */
  killAboveMb: number;
  /** Kill the run when nothing is logged for this long (a hang), seconds. */
  stallSeconds: number;
  /** Files or folders to ingest. */
  paths: string[];
  /** `--no-ocr`: scanned pages and pictures are reported, not read. */
  noOcr?: boolean;
  nice?: number;
  /** Appends the run's log (stderr) to this file as it comes, to follow a long run. */
  logFile?: string;
}

const ROOT = join(import.meta.dirname, '..', '..');

function childrenOf(pid: number, table: Map<number, number[]>): number[] {
  const kids = table.get(pid) ?? [];
  return [pid, ...kids.flatMap((k) => childrenOf(k, table))];
}

/** Sum of VmRSS (kB) of `pid` and every descendant, from /proc. */
export function treeRssKb(pid: number): number {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended between readdir and read
    }
  }
  let kb = 0;
  for (const p of childrenOf(pid, parents)) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      kb += m ? Number(m[1]) : 0;
    } catch {
      // gone
    }
  }
  return kb;
}

export async function runIngest(opts: RunOptions): Promise<IngestRun> {
  const args = [
    'bin/budgetdoc.js',
    'ingest',
    ...opts.paths,
    '--data-dir',
    opts.dataDir,
    '--json',
    '--timeout',
    String(opts.timeoutSeconds),
    ...(opts.noOcr ? ['--no-ocr'] : []),
  ];
  const cmd = opts.nice ? 'nice' : process.execPath;
  const argv = opts.nice ? ['-n', String(opts.nice), process.execPath, ...args] : args;
  const started = Date.now();
  const child = spawn(cmd, argv, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a kill reaches pdftoppm or soffice children too.
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  let lastOutput = Date.now();
  const extractions = new Map<string, number>();
  const extractMs = new Map<string, number>();
  child.stdout.on('data', (b: Buffer) => {
    stdout += b.toString('utf8');
  });
  let partial = '';
  child.stderr.on('data', (b: Buffer) => {
    lastOutput = Date.now();
    if (opts.logFile) appendFileSync(opts.logFile, b);
    const text = partial + b.toString('utf8');
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      // Keep the log readable in a report: the JSON lines of a 1000-file run are tens of megabytes.
      if (stderr.length < 4 << 20) stderr += `${line}\n`;
      if (!line.startsWith('{')) continue;
      try {
        const e = JSON.parse(line) as { msg?: string; sourceId?: string; ms?: number };
        if (e.msg === 'extracted' && e.sourceId) {
          extractions.set(e.sourceId, (extractions.get(e.sourceId) ?? 0) + 1);
          extractMs.set(e.sourceId, (extractMs.get(e.sourceId) ?? 0) + (e.ms ?? 0));
        }
      } catch {
        // a line that only looks like JSON
      }
    }
  });
  let peakKb = 0;
  let killed: IngestRun['killed'];
  const poll = setInterval(() => {
    if (child.pid === undefined) return;
    const kb = treeRssKb(child.pid);
    peakKb = Math.max(peakKb, kb);
    const kill = (why: NonNullable<IngestRun['killed']>) => {
      killed ??= why;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    if (kb / 1024 > opts.killAboveMb) kill('memory');
    else if (Date.now() - lastOutput > opts.stallSeconds * 1000) kill('stall');
  }, 250);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  clearInterval(poll);
  let report: IngestRun['report'];
  try {
    report = JSON.parse(stdout) as IngestRun['report'];
  } catch {
    report = undefined;
  }
  return {
    code,
    signal,
    ...(killed ? { killed } : {}),
    seconds: (Date.now() - started) / 1000,
    peakRssMb: Math.round(peakKb / 1024),
    stdout,
    stderr,
    ...(report ? { report } : {}),
    extractions,
    extractMs,
  };
}

export interface StoredOutcome {
  id: string;
  status: string;
  format: string;
  urls: string[];
  /** The first error issue: what a failed document gives as its reason. */
  reason?: { code: string; message: string };
}

/** Every document the run stored, with the URLs (file: URLs of corpus files) it was seen at. */
export async function storedOutcomes(dataDir: string): Promise<StoredOutcome[]> {
  const stores = await openStores({ dataDir });
  try {
    const sql = stores.records.client;
    const docs = await sql.query<{
      id: string;
      status: string;
      format: string;
      issues: Array<{ severity: string; code: string; message: string }>;
    }>('select id, status, format, issues from documents order by id');
    const urls = await sql.query<{ document_id: string; url: string }>('select document_id, url from document_urls');
    const byDoc = new Map<string, string[]>();
    for (const u of urls.rows) byDoc.set(u.document_id, [...(byDoc.get(u.document_id) ?? []), u.url]);
    return docs.rows.map((d) => {
      const err = d.issues.find((i) => i.severity === 'error');
      return {
        id: d.id,
        status: d.status,
        format: d.format,
        urls: byDoc.get(d.id) ?? [],
        ...(err ? { reason: { code: err.code, message: err.message } } : {}),
      };
    });
  } finally {
    await stores.close();
  }
}

/** Stored text (extractions, issues, records) holding the first line of /etc/passwd: must be 0. */
export async function leakedRows(dataDir: string): Promise<number> {
  const stores = await openStores({ dataDir });
  try {
    const sql = stores.records.client;
    const like = `%${PASSWD_MARKER}%`;
    const docs = await sql.query<{ n: number | string }>(
      "select count(*) as n from documents where coalesce(extracted::text, '') like $1 or issues::text like $1 or checks::text like $1",
      [like],
    );
    const recs = await sql.query<{ n: number | string }>(
      'select count(*) as n from records where record::text like $1',
      [like],
    );
    return Number(docs.rows[0]?.n ?? 0) + Number(recs.rows[0]?.n ?? 0);
  } finally {
    await stores.close();
  }
}

/**
 * A reason that names nothing: Node's generic unhandled-rejection text, an internal error code, a worker that
 * "exited" without saying why. Every failed document must give a cause instead (issue 16).
 */
export function isGenericReason(reason: { code: string; message: string } | undefined): boolean {
  if (!reason) return true;
  return (
    reason.code === 'internal.error' ||
    /unhandled|rejection|not handled with|originated either by|exited with code|^unknown$|\[object Object\]|undefined$/i.test(
      reason.message,
    )
  );
}

export const fileUrl = (corpusDir: string, path: string): string => pathToFileURL(join(corpusDir, path)).href;

/** Two ingests into one store as one run: the worse exit, both logs, the larger peak, the time and tries summed. */
export function mergeRuns(a: IngestRun, b: IngestRun): IngestRun {
  const sum = (x: Map<string, number>, y: Map<string, number>) => {
    const out = new Map(x);
    for (const [k, v] of y) out.set(k, (out.get(k) ?? 0) + v);
    return out;
  };
  const killed = a.killed ?? b.killed;
  const report = a.report && b.report ? a.report : undefined;
  return {
    code: a.code !== 0 ? a.code : b.code,
    signal: a.signal ?? b.signal,
    ...(killed ? { killed } : {}),
    seconds: a.seconds + b.seconds,
    peakRssMb: Math.max(a.peakRssMb, b.peakRssMb),
    stdout: a.stdout + b.stdout,
    stderr: a.stderr + b.stderr,
    ...(report ? { report } : {}),
    extractions: sum(a.extractions, b.extractions),
    extractMs: sum(a.extractMs, b.extractMs),
  };
}
