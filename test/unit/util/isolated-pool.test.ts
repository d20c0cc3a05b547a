import { describe, expect, it } from 'vitest';
import { IsolatedFailure, runIsolated } from '../../../src/util/isolated-pool.js';

const module = new URL('./pool-fixture.ts', import.meta.url).href;

describe('isolated pool (issue 12: a small heap first, one retry under a larger one)', () => {
  it('runs a call that outgrows the first heap limit again under retryHeapMb, and it ends', async () => {
    const held = await runIsolated<number>({ module, fn: 'holdMb', args: [200] }, 60_000, {
      maxHeapMb: 64,
      retryHeapMb: 768,
    });
    expect(held).toBe(200);
  }, 90_000);

  it('ends a call that outgrows every limit as out_of_memory, naming the limit', async () => {
    const run = runIsolated({ module, fn: 'holdMb', args: [200] }, 60_000, { maxHeapMb: 64 });
    await expect(run).rejects.toBeInstanceOf(IsolatedFailure);
    await expect(run).rejects.toMatchObject({ reason: 'out_of_memory', message: expect.stringContaining('64 MB') });
  }, 90_000);

  it('moves a transferring result to the caller', async () => {
    const out = await runIsolated<{ bytes: Uint8Array }>({ module, fn: 'movedBytes', args: [1 << 20] }, 30_000, {
      maxHeapMb: 256,
    });
    expect(out.bytes.length).toBe(1 << 20);
    expect(out.bytes.every((b) => b === 7)).toBe(true);
  });
});
