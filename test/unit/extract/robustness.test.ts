import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractIsolated } from '../../../src/extract/isolate.js';
import { sniff } from '../../../src/extract/sniff.js';
import { defaultLimits } from '../../../src/extract/types.js';
import { testSource } from '../../helpers/sources.js';
import { CORPUS_SAMPLES } from '../../../bench/sample-index.js';
import { corpusAvailable, corpusFile } from '../../helpers/corpus.js';

/** Every sample file (no OCR: this is about never crashing, not about reading). */
function samples(dir = 'samples'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return samples(p);
    return /\.md$/.test(name) ? [] : [p];
  });
}

/** Deterministic damage: a truncated copy, and a copy with a run of bytes overwritten in the middle. */
function damaged(bytes: Uint8Array): Array<[string, Uint8Array]> {
  const flipped = new Uint8Array(bytes);
  const at = Math.floor(bytes.length / 2);
  for (let i = at; i < Math.min(bytes.length, at + 256); i++) flipped[i] = (flipped[i]! * 31 + 7) & 0xff;
  return [
    ['truncated', bytes.slice(0, Math.floor(bytes.length / 3))],
    ['overwritten', flipped],
  ];
}

/** The project's own samples, and the corpus documents the tests read (where the corpus lies). */
const corpusOk = corpusAvailable(CORPUS_SAMPLES, 'damaged copies of the corpus samples');
const files = [
  ...samples().map((file) => ({ file, run: true })),
  ...CORPUS_SAMPLES.map((n) => ({ file: corpusFile(n), run: corpusOk })),
];

describe('damaged input never takes an extractor down', () => {
  for (const { file, run } of files) {
    it.runIf(run)(`${file}: truncated and overwritten copies end as documents with a status`, async () => {
      for (const [how, bytes] of damaged(new Uint8Array(readFileSync(file)))) {
        const format = sniff(bytes, file);
        // Isolated, as the pipeline runs it: a parser that spins on damage is stopped, not waited for.
        const doc = await extractIsolated(
          bytes,
          testSource(bytes, file),
          format,
          { ...defaultLimits, ocr: false },
          { timeoutMs: 15_000, maxHeapMb: 1024 },
        );
        expect(['ok', 'partial', 'failed'], `${how} ${file}`).toContain(doc.status);
        if (doc.issues.some((i) => i.code === 'extract.timeout'))
          console.log(`${how} ${file}: stopped by the time limit`);
        if (doc.status === 'failed')
          expect(
            doc.issues.some((i) => i.severity === 'error'),
            `${how} ${file}: a reason`,
          ).toBe(true);
      }
    });
  }
});
