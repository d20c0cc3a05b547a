import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { onShutdown } from './shutdown.js';

/**
 * A call run in a warm worker thread of the pool: the module (an absolute file: URL, resolved by the caller
 * against its own `import.meta.url`, so that it names a .ts source under tsx and a .js file under dist/) and the
 * name of an exported function taking `args`.
 */
export interface IsolatedCall {
  module: string;
  fn: string;
  args: unknown[];
}

export interface PoolLimits {
  /** Heap limit of each worker thread, MB: a document that needs more fails alone and its thread is replaced. */
  maxHeapMb: number;
  /**
   * A larger heap limit, MB, that a call which ran out of `maxHeapMb` is tried once more under, in the time it has
   * left: most documents then run in threads whose small limit makes V8 collect early (a small resident size), and
   * the rare big one still ends. Unset or not larger: no second try.
   */
  retryHeapMb?: number;
  /** Threads at most; default the machine's cores. */
  threads?: number;
}

/** How an isolated call ended when it did not return. */
export class IsolatedFailure extends Error {
  constructor(
    readonly reason: 'timeout' | 'out_of_memory' | 'crashed',
    message: string,
  ) {
    super(message);
  }
}

const pools = new Map<string, Piscina>();

/**
 * One pool per heap limit, shared by every caller of the process (issue 12): pdf.js, the OCR engine and the
 * recognisers stay loaded in its threads across documents instead of being loaded again per document, which cost
 * about 1.5 s each. Threads start on demand and stay while the process works.
 */
function poolFor(limits: PoolLimits): Piscina {
  const threads = Math.max(1, limits.threads ?? availableParallelism());
  const key = `${limits.maxHeapMb}:${threads}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = new Piscina({
      filename: new URL('./isolated-worker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
      // A task may leave handles open (the OCR engine's own threads, kept warm), which 'sync' atomics would freeze.
      atomics: 'disabled',
      closeTimeout: 1_000,
    });
    pools.set(key, pool);
    onShutdown(closeIsolatedPools);
  }
  return pool;
}

/**
 * Runs `call` in a pool thread, bounded in time and heap. A call that passes `timeoutMs` has its thread
 * terminated (Piscina ends a running task by ending its thread) and is replaced by a fresh one; so is a thread that
 * runs out of heap, after which the call is tried once under `retryHeapMb` where that is larger. Either rejects with
 * an IsolatedFailure naming the cause; an error the function throws rejects as itself.
 */
export async function runIsolated<T>(call: IsolatedCall, timeoutMs: number, limits: PoolLimits): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  try {
    return await runOnce<T>(call, timeoutMs, limits);
  } catch (err) {
    const retry = limits.retryHeapMb ?? 0;
    const left = deadline - Date.now();
    if (!(err instanceof IsolatedFailure && err.reason === 'out_of_memory') || retry <= limits.maxHeapMb || left <= 0)
      throw err;
    return runOnce<T>(call, left, { ...limits, maxHeapMb: retry }, timeoutMs);
  }
}

/** One try; `limitMs` is the call's whole time limit, which a second try has only the rest of. */
async function runOnce<T>(call: IsolatedCall, timeoutMs: number, limits: PoolLimits, limitMs = timeoutMs): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return (await poolFor(limits).run(call, { signal: controller.signal })) as T;
  } catch (err) {
    if (controller.signal.aborted)
      throw new IsolatedFailure('timeout', `took longer than ${limitMs / 1000} s and was stopped`);
    const e = err as Error & { code?: string };
    if (e.code === 'ERR_WORKER_OUT_OF_MEMORY')
      throw new IsolatedFailure('out_of_memory', `needed more than ${limits.maxHeapMb} MB and was stopped`);
    if (/worker .*exit|terminated/i.test(e.message ?? ''))
      throw new IsolatedFailure('crashed', `its worker thread ended: ${e.message}`);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The result of an isolated call with `buffers` moved to the caller instead of copied (Piscina's Transferable
 * interface): for outputs of many megabytes, such as a printed document (src/pipeline/printed.ts).
 */
export function transferring<T extends object>(value: T, buffers: ArrayBuffer[]): T {
  const moved = {
    get [Piscina.transferableSymbol]() {
      return buffers;
    },
    get [Piscina.valueSymbol]() {
      return value;
    },
  };
  return Piscina.move(moved as never) as unknown as T;
}

/** Ends every pool's threads (the CLI calls this before it exits; idle threads would also end by themselves). */
export async function closeIsolatedPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.destroy()));
}
