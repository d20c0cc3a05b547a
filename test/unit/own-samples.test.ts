import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusDir } from '../helpers/corpus.js';

/**
 * Real documents stay out of the repository: no file under samples/ or test/fixtures/ is a copy of a corpus file
 * (tests read those where the corpus lies; files derived from them are built at test time).
 */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe("the repository holds the project's own samples only", () => {
  it.runIf(corpusAvailable([], 'no corpus copies in samples/'))(
    'no file under samples/ or test/fixtures/ is a corpus file',
    () => {
      const corpus = new Map(files(corpusDir()).map((f) => [sha256(f), f]));
      const copies = [...files('samples'), ...files('test/fixtures')]
        .filter((f) => corpus.has(sha256(f)))
        .map((f) => `${f} = ${corpus.get(sha256(f))}`);
      expect(copies).toEqual([]);
    },
  );
});
