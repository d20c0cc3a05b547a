import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseDuration, wholeNumber } from '../../src/cli/options.js';
import { createProgress } from '../../src/cli/progress.js';
import { inOrder } from '../../src/cli/extract.js';

describe('one parser for every time option (issue 14)', () => {
  it('reads seconds, bare or with a unit', () => {
    expect(['30', '30s', '10m', '2h', '500ms', '1.5m', ' 90s '].map(parseDuration)).toEqual([
      30, 30, 600, 7200, 0.5, 90, 90,
    ]);
  });

  it('refuses what is not a positive duration', () => {
    for (const bad of ['abc', '', '0', '0s', '-5', '1d', '10 minutes', 'NaN', 'Infinity', '1e3'])
      expect(() => parseDuration(bad), bad).toThrow(/expected a positive duration/);
  });

  it('whole numbers have a floor', () => {
    expect(wholeNumber(1)('4')).toBe(4);
    expect(wholeNumber(0)('0')).toBe(0);
    for (const bad of ['0', '1.5', 'two', '', '-1', '1e2']) expect(() => wholeNumber(1)(bad), bad).toThrow();
  });
});

/** A stream that says it is a terminal, as process.stderr does on one. */
function terminal(): PassThrough & { isTTY: boolean; columns: number; text(): string } {
  const chunks: string[] = [];
  const s = Object.assign(new PassThrough(), { isTTY: true, columns: 100, text: () => chunks.join('') });
  s.on('data', (c: Buffer) => chunks.push(c.toString()));
  return s;
}

describe('progress on stderr', () => {
  it('draws a cli-progress bar on a terminal, with each document line above it', async () => {
    const tty = terminal();
    const p = createProgress('normal', 'documents', tty as unknown as NodeJS.WriteStream);
    p.expect(2);
    p.settled('aaaa ok a.html');
    await new Promise((r) => setTimeout(r, 250)); // the bar redraws on a timer
    p.settled('bbbb failed b.pdf: broken', true);
    p.stop();
    const text = tty.text();
    expect(text).toMatch(/documents [█░]+ 1\/2/); // a frame of the bar (shades_classic)
    expect(text).toContain('[1/2] aaaa ok a.html\n');
    expect(text).toContain('[2/2] bbbb failed b.pdf: broken\n');
    expect(text).toContain('\u001b['); // cursor control: a terminal's, never a pipe's
  });

  it('prints plain numbered lines elsewhere; --quiet keeps only failures; --verbose adds details', () => {
    const lines = (verbosity: 'quiet' | 'normal' | 'verbose') => {
      const chunks: string[] = [];
      const pipe = Object.assign(new PassThrough(), { isTTY: false });
      pipe.on('data', (c: Buffer) => chunks.push(c.toString()));
      const p = createProgress(verbosity, 'files', pipe as unknown as NodeJS.WriteStream);
      p.expect(2);
      p.settled('a.html: ok');
      p.detail('took 1 s');
      p.settled('b.pdf: failed: broken', true);
      p.stop();
      pipe.end();
      return chunks.join('');
    };
    expect(lines('normal')).toBe('[1/2] a.html: ok\n[2/2] b.pdf: failed: broken\n');
    expect(lines('quiet')).toBe('[2/2] b.pdf: failed: broken\n');
    expect(lines('verbose')).toBe('[1/2] a.html: ok\ntook 1 s\n[2/2] b.pdf: failed: broken\n');
  });
});

describe('extract --concurrency', () => {
  it('runs up to n at once and yields in input order', async () => {
    let running = 0;
    let most = 0;
    const ended: number[] = [];
    const delays = [60, 5, 30, 5, 5, 40, 5];
    const run = async (i: number) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, delays[i]));
      running--;
      ended.push(i);
      return i;
    };
    const out: number[] = [];
    for await (const i of inOrder([0, 1, 2, 3, 4, 5, 6], 3, 12, run)) out.push(i);
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(3);
    expect(ended).not.toEqual(out); // they did finish out of order
  });

  it('starts no task further than the lookahead past the next one to print', async () => {
    const started: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const run = async (i: number) => {
      started.push(i);
      if (i === 0) await gate;
      return i;
    };
    const it = inOrder([0, 1, 2, 3, 4, 5], 4, 3, run);
    const first = it.next();
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toEqual([0, 1, 2]);
    release();
    expect((await first).value).toBe(0);
    const rest: number[] = [];
    for await (const i of it) rest.push(i);
    expect(rest).toEqual([1, 2, 3, 4, 5]);
  });

  it('starts the heaviest item of the window first and still yields in input order', async () => {
    const started: number[] = [];
    const run = async (i: number) => {
      started.push(i);
      await new Promise((r) => setTimeout(r, 5));
      return i;
    };
    const weights = [1, 5, 2, 9, 3, 7];
    const out: number[] = [];
    for await (const i of inOrder([0, 1, 2, 3, 4, 5], 1, 4, run, (i) => weights[i]!)) out.push(i);
    expect(out).toEqual([0, 1, 2, 3, 4, 5]);
    // Window [0..4): 3 (9) first, then 1 (5), 2 (2), 0 (1); once 0 is printed the window reaches 4 and 5.
    expect(started.slice(0, 4)).toEqual([3, 1, 2, 0]);
    expect(started).toHaveLength(6);
  });
});
