import type { Base } from './bases.js';
import { randInt, type Recipe } from './recipe.js';

/**
 * Generic damage applied to every sample: what a broken download, a bad disk or a careless converter does to a
 * file. Offsets are fixed (the first bytes, where signatures and headers are; the last bytes, where a ZIP's central
 * directory and a PDF's xref are) or drawn from the recipe's seed.
 */

/** Cut points: inside the signature, inside the first header, at tenths of the file, inside the trailer. */
function cutPoints(n: number): number[] {
  const fixed = [1, 2, 4, 8, 16, 30, 64, 200, 512, 1024, 4096];
  const fractions = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];
  const tail = [n - 1, n - 2, n - 16, n - 22, n - 100, n - 1024];
  const all = [...fixed, ...fractions.map((f) => Math.floor(n * f)), ...tail].filter((k) => k > 0 && k < n);
  return [...new Set(all)].sort((a, b) => a - b);
}

function copy(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

export function truncations(base: Base): Recipe[] {
  return cutPoints(base.bytes.length).map((at) => ({
    path: `truncate/${base.name}-at-${at}${base.ext}`,
    kind: 'truncate',
    base: base.from,
    note: `first ${at} of ${base.bytes.length} bytes`,
    make: () => base.bytes.slice(0, at),
  }));
}

const FLIPS: Array<{ label: string; count: number; region: 'any' | 'head' | 'tail'; bit: boolean }> = [
  { label: 'bit1', count: 1, region: 'any', bit: true },
  { label: 'bit2', count: 1, region: 'any', bit: true },
  { label: 'bit-head', count: 1, region: 'head', bit: true },
  { label: 'bit-tail', count: 1, region: 'tail', bit: true },
  { label: 'bytes16a', count: 16, region: 'any', bit: false },
  { label: 'bytes16b', count: 16, region: 'any', bit: false },
  { label: 'bytes16-head', count: 16, region: 'head', bit: false },
  { label: 'bytes16-tail', count: 16, region: 'tail', bit: false },
  { label: 'bytes256a', count: 256, region: 'any', bit: false },
  { label: 'bytes256b', count: 256, region: 'any', bit: false },
  { label: 'bytes4096', count: 4096, region: 'any', bit: false },
  { label: 'bytes-everywhere', count: -1, region: 'any', bit: false },
];

export function flips(base: Base): Recipe[] {
  return FLIPS.map((f) => ({
    path: `flip/${base.name}-${f.label}${base.ext}`,
    kind: 'flip',
    base: base.from,
    note: f.count < 0 ? 'one byte in 1000 replaced' : `${f.count} ${f.bit ? 'bit' : 'byte'}(s) flipped (${f.region})`,
    make: (rand) => {
      const out = copy(base.bytes);
      const n = out.length;
      const span =
        f.region === 'any'
          ? [0, n - 1]
          : f.region === 'head'
            ? [0, Math.min(n, 1024) - 1]
            : [Math.max(0, n - 1024), n - 1];
      const count = f.count < 0 ? Math.ceil(n / 1000) : f.count;
      for (let i = 0; i < count; i++) {
        const at = randInt(rand, span[0]!, span[1]!);
        out[at] = f.bit ? out[at]! ^ (1 << randInt(rand, 0, 7)) : randInt(rand, 0, 255);
      }
      return out;
    },
  }));
}

const ZEROS: Array<{ label: string; length: (n: number) => number; at: 'head' | 'tail' | 'rand' }> = [
  { label: 'head64', length: () => 64, at: 'head' },
  { label: 'tail1024', length: () => 1024, at: 'tail' },
  { label: 'tail22', length: () => 22, at: 'tail' },
  { label: 'run16', length: () => 16, at: 'rand' },
  { label: 'run256', length: () => 256, at: 'rand' },
  { label: 'run4096', length: () => 4096, at: 'rand' },
  { label: 'tenth', length: (n) => Math.floor(n / 10), at: 'rand' },
  { label: 'half', length: (n) => Math.floor(n / 2), at: 'rand' },
];

export function zeroings(base: Base): Recipe[] {
  return ZEROS.map((z) => ({
    path: `zero/${base.name}-${z.label}${base.ext}`,
    kind: 'zero',
    base: base.from,
    note: `a run of ${z.label} zeroed`,
    make: (rand) => {
      const out = copy(base.bytes);
      const n = out.length;
      const len = Math.min(n, z.length(n));
      const at = z.at === 'head' ? 0 : z.at === 'tail' ? n - len : randInt(rand, 0, n - len);
      out.fill(0, at, at + len);
      return out;
    },
  }));
}

/** Fisher–Yates over out[at, at + len). */
function shuffleRange(out: Uint8Array, at: number, len: number, rand: () => number): void {
  for (let i = len - 1; i > 0; i--) {
    const j = randInt(rand, 0, i);
    const t = out[at + i]!;
    out[at + i] = out[at + j]!;
    out[at + j] = t;
  }
}

export function shuffles(base: Base): Recipe[] {
  const variants: Array<{ label: string; note: string; apply: (out: Uint8Array, rand: () => number) => void }> = [
    {
      label: 'bytes256',
      note: '256 bytes shuffled in place',
      apply: (o, r) => shuffleRange(o, randInt(r, 0, Math.max(0, o.length - 256)), Math.min(256, o.length), r),
    },
    {
      label: 'bytes4096',
      note: '4096 bytes shuffled in place',
      apply: (o, r) => shuffleRange(o, randInt(r, 0, Math.max(0, o.length - 4096)), Math.min(4096, o.length), r),
    },
    {
      label: 'head',
      note: 'the first 512 bytes shuffled',
      apply: (o, r) => shuffleRange(o, 0, Math.min(512, o.length), r),
    },
    {
      label: 'swap-blocks',
      note: 'two 1 KiB blocks swapped',
      apply: (o, r) => {
        const len = Math.min(1024, Math.floor(o.length / 2));
        const a = randInt(r, 0, Math.floor(o.length / 2) - len);
        const b = randInt(r, Math.floor(o.length / 2), o.length - len);
        const t = o.slice(a, a + len);
        o.copyWithin(a, b, b + len);
        o.set(t, b);
      },
    },
    {
      label: 'reverse',
      note: 'a tenth of the file reversed',
      apply: (o, r) => {
        const len = Math.floor(o.length / 10);
        const at = randInt(r, 0, o.length - len);
        o.set(o.slice(at, at + len).reverse(), at);
      },
    },
    {
      label: 'blocks',
      note: 'the file cut in 8 blocks put back in a random order',
      apply: (o, r) => {
        const size = Math.ceil(o.length / 8);
        const blocks = Array.from({ length: 8 }, (_, i) => o.slice(i * size, (i + 1) * size));
        for (let i = blocks.length - 1; i > 0; i--) {
          const j = randInt(r, 0, i);
          [blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!];
        }
        let at = 0;
        for (const b of blocks) {
          o.set(b, at);
          at += b.length;
        }
      },
    },
  ];
  return variants.map((v) => ({
    path: `shuffle/${base.name}-${v.label}${base.ext}`,
    kind: 'shuffle',
    base: base.from,
    note: v.note,
    make: (rand) => {
      const out = copy(base.bytes);
      v.apply(out, rand);
      return out;
    },
  }));
}

/** Bytes inserted or removed: every offset after the splice is wrong (xref tables, ZIP directories). */
export function splices(base: Base): Recipe[] {
  const variants: Array<{ label: string; make: (b: Uint8Array, rand: () => number) => Uint8Array }> = [
    {
      label: 'insert1',
      make: (b, r) => {
        const at = randInt(r, 1, b.length - 1);
        return Buffer.concat([b.subarray(0, at), Buffer.from([randInt(r, 0, 255)]), b.subarray(at)]);
      },
    },
    {
      label: 'insert4096',
      make: (b, r) => {
        const at = randInt(r, 1, b.length - 1);
        const junk = Buffer.alloc(4096).map(() => randInt(r, 0, 255));
        return Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]);
      },
    },
    {
      label: 'delete1',
      make: (b, r) => {
        const at = randInt(r, 1, b.length - 2);
        return Buffer.concat([b.subarray(0, at), b.subarray(at + 1)]);
      },
    },
    {
      label: 'duplicate-tenth',
      make: (b, r) => {
        const len = Math.floor(b.length / 10);
        const at = randInt(r, 0, b.length - len);
        return Buffer.concat([b.subarray(0, at + len), b.subarray(at, at + len), b.subarray(at + len)]);
      },
    },
  ];
  return variants.map((v) => ({
    path: `splice/${base.name}-${v.label}${base.ext}`,
    kind: 'splice',
    base: base.from,
    note: `bytes ${v.label.replace(/(\d+)/, ' $1')}`,
    make: (rand) => new Uint8Array(v.make(base.bytes, rand)),
  }));
}
