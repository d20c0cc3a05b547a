import { createHash } from 'node:crypto';
import { rng } from '../hard-samples/scan.js';

/**
 * One file of the hostile corpus (issue 16): where it goes, what kind of hostility it carries, and how to make it.
 * `make` is only called for the files a run asks for, so the fast slice of `npm test` never builds the 50 MB page or
 * the bombs it does not include. Every recipe draws its randomness from its own seed (see `rngFor`), so building one
 * file alone gives the same bytes as building the whole corpus.
 */
export interface Recipe {
  /** Path below the output folder: `<kind>/<name>.<ext>`. */
  path: string;
  kind: Kind;
  /** The project sample it was made from (samples/…), or 'crafted'. */
  base: string;
  /** What the file tries, in a few words, for the report. */
  note: string;
  make(rand: () => number): Promise<Uint8Array> | Uint8Array;
}

export const KINDS = [
  'intact',
  'truncate',
  'flip',
  'zero',
  'shuffle',
  'splice',
  'wrong-ext',
  'empty',
  'tiny',
  'garbage',
  'zip-entry',
  'zip-bomb',
  'xml-entities',
  'rels-traversal',
  'image-bomb',
  'pdf-tree',
  'pdf-size',
  'pdf-encrypted',
  'html-big',
  'docx-grid',
  'text-unstorable',
  'duplicate',
  'renamed-workbook',
] as const;
export type Kind = (typeof KINDS)[number];

/** The seeded generator the scanned samples use (mulberry32): the same numbers on every machine. */
export { rng };

/** The generator of one recipe: the corpus seed and the file's path, hashed. */
export function rngFor(seed: number, path: string): () => number {
  return rng(createHash('sha256').update(`${seed}:${path}`).digest().readUInt32LE(0));
}

export const randInt = (rand: () => number, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

export const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

/** The string that must never appear in any output or stored record: the first line of /etc/passwd. */
export const PASSWD_MARKER = 'root:x:0:0';

/** Where the zip-slip entries of the corpus would land if anything unpacked them to disk: must never exist. */
export const ZIP_SLIP_TARGETS = [
  '/tmp/budgetdoc-zip-slip.txt',
  '/tmp/budgetdoc-zip-slip-absolute.txt',
  '/tmp/budgetdoc-zip-slip-xlsx.txt',
];
