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
 * runs out of heap. Either rejects with an IsolatedFailure naming the cause; an error the function throws
 * rejects as itself.
 */
export async function runIsolated<T>(call: IsolatedCall, timeoutMs: number, limits: PoolLimits): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return (await poolFor(limits).run(call, { signal: controller.signal })) as T;
  } catch (err) {
    if (controller.signal.aborted)
      throw new IsolatedFailure('timeout', `took longer than ${timeoutMs / 1000} s and was stopped`);
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

/** Ends every pool's threads (the CLI calls this before it exits; idle threads would also end by themselves). */
export async function closeIsolatedPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.destroy()));
}
