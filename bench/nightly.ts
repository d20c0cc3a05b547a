import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import JSZip from 'jszip';
import pg from 'pg';
import { OCR_BASES } from '../scripts/hostile-corpus/corpus.js';
import { median, timeProcess } from './process-timing.js';

export interface NightlyResult {
  setup: string;
  workers: number;
  documents: number;
  seconds: number;
  documentsPerHour: number;
  peakRssMb: number;
  /** Seconds of each run, when this is their median. */
  runs?: number[];
}

const ZIPPED = new Set(['.docx', '.xlsx']);

function sampleFiles(dir = 'samples'): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((e) => {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) return e === 'scan' ? [] : sampleFiles(p);
      return /\.(pdf|html|docx|xlsx)$/i.test(e) && !OCR_BASES.test(e) ? [p] : [];
    });
}

/**
 * `count` documents made distinct from the project's samples (issue 12: a nightly run meets new bytes, never the
 * same ones): each sample in turn with a mark of its own number that every reader ignores, a PDF comment after
 * %%EOF, an HTML comment, an extra part in a DOCX/XLSX package. Scans, pictures and the DOCX holding one (the
 * samples OCR_BASES of scripts/hostile-corpus/corpus.ts names) are left out: at OCR speed they would decide the figure
 * alone (their OCR is timed apart). A first run with the DOCX in took over 23 minutes for one worker and 1,000 files.
 */
export async function nightlyCorpus(dir: string, count: number): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const samples = sampleFiles();
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const src = samples[i % samples.length]!;
    const ext = extname(src).toLowerCase();
    const bytes = readFileSync(src);
    const target = join(dir, `${String(i).padStart(5, '0')}-${src.split('/').pop()}`);
    if (ZIPPED.has(ext)) {
      const zip = await JSZip.loadAsync(bytes);
      zip.file(`customXml/bench-${i}.xml`, `<bench n="${i}"/>`);
      writeFileSync(target, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    } else {
      const mark = ext === '.html' ? `\n<!-- bench ${i} -->\n` : `\n%bench ${i}\n`;
      writeFileSync(target, Buffer.concat([bytes, Buffer.from(mark)]));
    }
    out.push(target);
  }
  return out;
}

const node = process.execPath;
const quiet = { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '' };

/** The embedded default: one `budgetdoc ingest` process, PGlite and the in-process queue, n documents at once. */
export function nightlyEmbedded(dir: string, docs: number, workers: number, dataDir: string): NightlyResult {
  const r = timeProcess(
    node,
    ['bin/budgetdoc.js', 'ingest', dir, '--data-dir', dataDir, '--concurrency', String(workers), '--json'],
    quiet,
  );
  return result(`embedded (PGlite, in-process queue)`, workers, docs, r.seconds, r.peakRssMb);
}

/**
 * BullMQ and PostgreSQL: `workers` processes of `budgetdoc worker` (one job at a time each) on a Redis database and a
 * PostgreSQL database of the bench's own, and the producer `budgetdoc ingest --redis-url` that waits until every
 * document settled. Peak RSS is the largest worker's.
 */
export async function nightlyDistributed(dir: string, docs: number, workers: number): Promise<NightlyResult> {
  const name = `budgetdoc_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/${name}`;
  const redisUrl = `redis://127.0.0.1:6379/${9 + workers}`;
  const env = { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
  const procs = Array.from({ length: workers }, () => {
    const p = spawn(node, ['bin/budgetdoc.js', 'worker', '--concurrency', '1'], { env, stdio: 'ignore' });
    return { p, exited: new Promise((r) => p.once('exit', r)) };
  });
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const r = timeProcess(node, ['bin/budgetdoc.js', 'ingest', dir, '--json'], env);
    // The kernel's high-water mark of each worker's resident set, read before it is stopped.
    const peaks = procs.map((w) => peakRssMb(w.p.pid!));
    for (const w of procs) w.p.kill('SIGTERM');
    await Promise.all(procs.map((w) => w.exited));
    return result('BullMQ + PostgreSQL', workers, docs, r.seconds, Math.max(...peaks));
  } finally {
    for (const w of procs) w.p.kill('SIGKILL');
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}

function peakRssMb(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Math.round(Number(kb) / 1024) : Number.NaN;
}

function result(setup: string, workers: number, documents: number, seconds: number, peakRssMb: number): NightlyResult {
  return { setup, workers, documents, seconds, documentsPerHour: Math.round((documents / seconds) * 3600), peakRssMb };
}

/** Runs of one setup and worker count as one result: the median time, the largest peak. */
export function medianResult(runs: NightlyResult[]): NightlyResult {
  const first = runs[0]!;
  const seconds = median(runs.map((r) => r.seconds));
  return {
    ...result(first.setup, first.workers, first.documents, seconds, Math.max(...runs.map((r) => r.peakRssMb))),
    runs: runs.map((r) => r.seconds),
  };
}
