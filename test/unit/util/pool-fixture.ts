// Functions the isolated pool test (isolated-pool.test.ts) runs in pool threads.
import { transferring } from '../../../src/util/isolated-pool.js';

/** Keeps about `mb` MB of small integers live at once, then returns how many MB it held. */
export function holdMb(mb: number): number {
  const keep: number[][] = [];
  for (let i = 0; i < mb; i++) keep.push(new Array<number>(128 * 1024).fill(i));
  return keep.length;
}

/** A result whose buffer is moved to the caller. */
export function movedBytes(n: number): { bytes: Uint8Array } {
  const bytes = new Uint8Array(n).fill(7);
  return transferring({ bytes }, [bytes.buffer]);
}
