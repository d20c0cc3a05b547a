import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Tesseract from 'tesseract.js';
import { TransientError } from '../../model/errors.js';

/**
 * tesseract.js workers, one per language, reused across pages and documents because creating
 * one costs seconds (loading the traineddata). Each runs in its own worker thread started from
 * offline-worker.cjs, which refuses network access: language data comes from the installed
 * @tesseract.js-data packages and nothing is cached to disk (issues 3 and 4).
 */
export type OcrLang = 'chi_sim' | 'eng';

/** tesseract.js as installed, recorded in provenance and `versions`. */
export { TESSERACT_VERSION } from '../../util/versions.js';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

interface LangData {
  code: string;
  gzip: boolean;
  langPath: string;
}

/** Where a language's traineddata lives; the data packages export their own folder and gzip flag. */
export function langData(lang: OcrLang): LangData {
  return require(`@tesseract.js-data/${lang}`) as LangData;
}

export interface EngineOptions {
  /** Override the language folder (tests use a URL to prove the worker never fetches). */
  langPath?: string;
}

type TessWorker = Tesseract.Worker & { worker?: { ref(): void; unref(): void } };

interface Slot {
  lang: OcrLang;
  worker: Promise<TessWorker>;
  /** Resolves when the job ahead of the next caller is done: jobs on one worker run in turn. */
  tail: Promise<void>;
  pending: number;
  dead: boolean;
  idle?: NodeJS.Timeout;
}

const slots = new Map<OcrLang, Slot>();
let idleMs = 15_000;

/** How long an unused worker is kept before it is terminated. */
export function setIdleShutdown(ms: number): void {
  idleMs = ms;
}

async function createTessWorker(lang: OcrLang, opts: EngineOptions): Promise<TessWorker> {
  const data = langData(lang);
  // tesseract.js swallows a failed language load and never settles createWorker; its error
  // handler is the only place the failure shows, so it rejects the creation here. Without a
  // handler it would also rethrow inside its message listener (an uncaught exception).
  let failed: (err: Error) => void = () => {};
  const failure = new Promise<never>((_, reject) => (failed = reject));
  const created = Tesseract.createWorker(lang, Tesseract.OEM.LSTM_ONLY, {
    langPath: opts.langPath ?? data.langPath,
    gzip: data.gzip,
    cacheMethod: 'none',
    workerPath: path.join(here, 'offline-worker.cjs'),
    corePath: path.dirname(require.resolve('tesseract.js-core/package.json')),
    workerBlobURL: false,
    logger: () => {},
    errorHandler: (e: unknown) => failed(new Error(`tesseract.js (${lang}): ${String(e)}`)),
  }) as Promise<TessWorker>;
  failure.catch(() => created.then((w) => w.terminate()).catch(() => {}));
  return Promise.race([created, failure]);
}

function openSlot(lang: OcrLang, opts: EngineOptions): Slot {
  const existing = slots.get(lang);
  if (existing && !existing.dead) {
    clearTimeout(existing.idle);
    return existing;
  }
  const worker = createTessWorker(lang, opts);
  const slot: Slot = { lang, worker, tail: Promise.resolve(), pending: 0, dead: false };
  // A worker that failed to start is dropped so the next page tries afresh.
  worker.catch(() => kill(slot));
  slots.set(lang, slot);
  return slot;
}

function kill(slot: Slot): void {
  if (slot.dead) return;
  slot.dead = true;
  clearTimeout(slot.idle);
  if (slots.get(slot.lang) === slot) slots.delete(slot.lang);
  slot.worker.then((w) => w.terminate()).catch(() => {});
}

function scheduleIdle(slot: Slot): void {
  if (slot.pending > 0 || slot.dead) return;
  // An idle worker thread must not keep the process alive; a running job re-references it.
  slot.worker.then((w) => w.worker?.unref()).catch(() => {});
  slot.idle = setTimeout(() => kill(slot), idleMs);
  slot.idle.unref();
}

export interface Budget {
  /** Date.now() value after which the page's OCR is abandoned. */
  deadline: number;
  signal?: AbortSignal;
  /** For the error message. */
  what: string;
}

/** Settles with `p`, or rejects at the deadline or on abort; `onLimit` runs when it gives up. */
function race<T>(p: Promise<T>, budget: Budget, onLimit?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = (err: Error) => {
      clearTimeout(timer);
      budget.signal?.removeEventListener('abort', abort);
      onLimit?.();
      reject(err);
    };
    const abort = () => fail(new TransientError('ocr.aborted', `OCR of ${budget.what} aborted`));
    const timer = setTimeout(
      () => fail(new TransientError('ocr.timeout', `OCR of ${budget.what} passed its time limit`)),
      Math.max(0, budget.deadline - Date.now()),
    );
    if (budget.signal?.aborted) return abort();
    budget.signal?.addEventListener('abort', abort, { once: true });
    p.then(
      (v) => {
        clearTimeout(timer);
        budget.signal?.removeEventListener('abort', abort);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        budget.signal?.removeEventListener('abort', abort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * Runs `fn` on the pooled worker for `lang` within the budget. Past the deadline the worker is
 * terminated (it may be stuck in WebAssembly, which cannot be interrupted otherwise) and a
 * TransientError('ocr.timeout') is thrown, so the job can be retried.
 */
export async function withWorker<T>(
  lang: OcrLang,
  budget: Budget,
  fn: (w: Tesseract.Worker) => Promise<T>,
  opts: EngineOptions = {},
): Promise<T> {
  for (;;) {
    const slot = openSlot(lang, opts);
    slot.pending += 1;
    const turn = slot.tail;
    let release!: () => void;
    slot.tail = new Promise<void>((r) => (release = r));
    try {
      // Waiting for our turn: on timeout nothing is killed, the worker belongs to another job.
      await race(turn, budget);
      // The job ahead timed out and took the worker with it: queue on a fresh one.
      if (slot.dead) continue;
      const w = await race(slot.worker, budget, () => kill(slot));
      w.worker?.ref();
      return await race(fn(w), budget, () => kill(slot));
    } finally {
      slot.pending -= 1;
      release();
      scheduleIdle(slot);
    }
  }
}

/** Starts a worker ahead of need (it loads its traineddata on the other core meanwhile). */
export function warm(lang: OcrLang, opts: EngineOptions = {}): void {
  const slot = openSlot(lang, opts);
  scheduleIdle(slot);
}

/** Terminates every pooled worker (CLI exit, test teardown). */
export async function shutdownOcr(): Promise<void> {
  const all = [...slots.values()];
  for (const s of all) kill(s);
  await Promise.all(all.map((s) => s.worker.then((w) => w.terminate()).catch(() => {})));
}

/** Languages with a live worker, for tests. */
export function pooled(): OcrLang[] {
  return [...slots.keys()];
}
