/** Where a ground-truth file's document and seed are read from (test/ground-truth/README.md). */
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: two levels above this file. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** The real corpus, read where it lies and never copied into the repository. */
export function corpusDir(): string {
  const dir = process.env.BUDGETDOC_CORPUS ?? '../shared/corpus/real';
  return isAbsolute(dir) ? dir : join(REPO_ROOT, dir);
}

/** The seed texts the project's own samples were rebuilt from. */
export function seedsDir(): string {
  const dir = process.env.BUDGETDOC_SEEDS ?? '../shared/seeds';
  return isAbsolute(dir) ? dir : join(REPO_ROOT, dir);
}

/** `corpus:<name>` → the corpus file; `sample:<path>` → the path from the repository root. */
export function documentPath(document: string): string {
  const m = /^(corpus|sample):(.+)$/.exec(document);
  if (!m) throw new Error(`document must be corpus:<file> or sample:<path>, got "${document}"`);
  return m[1] === 'corpus' ? join(corpusDir(), m[2]!) : join(REPO_ROOT, m[2]!);
}
