import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { corpusDir } from '../../test/helpers/corpus.js';
import type { GtDocument, GtTable, GtValue } from './types.js';

/**
 * Reads every test/ground-truth/corpus/*.json and samples/*.json (format: test/ground-truth/README.md). A file
 * that does not parse, or whose document cannot be found, is reported and skipped; so is a malformed value.
 */
export const GROUND_TRUTH_DIR = 'test/ground-truth';
/** $BUDGETDOC_CORPUS, default ../shared/corpus/real from the repository root (test/helpers/corpus.ts). */
export { corpusDir };

const text = z.union([z.string(), z.number()]).transform(String);
const opt = text.optional();

const valueSchema = z.object({
  page: z.number().int().min(1),
  tableType: z.string().min(1),
  value: z.union([z.string(), z.number(), z.null()]).transform((v) => (v === null ? '' : String(v))),
  code: opt,
  row: opt,
  side: opt,
  column: opt,
  key: opt,
  scope: opt,
  form: opt,
  field: opt,
  label: opt,
  indicator: opt,
});

const tableSchema = z.object({
  page: z.number().int().min(1),
  tableType: z.string().min(1),
  title: opt,
  // A form or a table that prints no 单位 line: null, as typed.
  unit: text
    .nullable()
    .optional()
    .transform((u) => u ?? undefined),
  scope: opt,
});

const fileSchema = z.object({
  document: z.string().regex(/^(corpus|sample):.+/, 'document must be "corpus:<file>" or "sample:<path>"'),
  tables: z.array(tableSchema).default([]),
  values: z.array(z.unknown()),
});

export interface Skipped {
  file: string;
  reason: string;
}

/** Resolves 'corpus:<file>' under $BUDGETDOC_CORPUS (default ../shared/corpus/real), 'sample:<path>' in the repo. */
export function documentPath(document: string, corpus = corpusDir()): string {
  const [kind, ...rest] = document.split(':');
  const name = rest.join(':');
  return kind === 'corpus' ? join(corpus, name) : name;
}

/** One parsed file, with the values that did not fit the format listed in `skipped`. */
export function parseGroundTruth(file: string, json: unknown, skipped: Skipped[] = []): GtDocument | undefined {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    skipped.push({
      file,
      reason: `not a ground-truth file: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    });
    return undefined;
  }
  const values: GtValue[] = [];
  parsed.data.values.forEach((v, i) => {
    const one = valueSchema.safeParse(v);
    if (one.success) values.push(stripUndefined(one.data) as GtValue);
    else
      skipped.push({
        file,
        reason: `values[${i}] skipped: ${one.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`,
      });
  });
  const tables = parsed.data.tables.map((t) => stripUndefined(t) as GtTable);
  return { file, document: parsed.data.document, path: documentPath(parsed.data.document), tables, values };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Every ground-truth file, in name order, limited to those whose file or document name contains `only`. */
export function loadGroundTruth(
  root = GROUND_TRUTH_DIR,
  only?: string,
): { documents: GtDocument[]; skipped: Skipped[] } {
  const documents: GtDocument[] = [];
  const skipped: Skipped[] = [];
  for (const sub of ['corpus', 'samples']) {
    const dir = join(root, sub);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const file = `${sub}/${name}`;
      const mine: Skipped[] = [];
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      } catch (err) {
        if (!only || file.includes(only)) skipped.push({ file, reason: `does not parse: ${(err as Error).message}` });
        continue;
      }
      const doc = parseGroundTruth(file, json, mine);
      if (only && !file.includes(only) && !doc?.document.includes(only)) continue;
      skipped.push(...mine);
      if (!doc) continue;
      if (!existsSync(doc.path)) {
        skipped.push({ file, reason: `document ${doc.document} not found at ${doc.path}` });
        continue;
      }
      documents.push(doc);
    }
  }
  return { documents, skipped };
}
