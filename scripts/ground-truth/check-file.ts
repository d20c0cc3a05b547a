/**
 * Checks one ground-truth file with the tool its `checkedWith` names: poppler for PDFs, the seed text for seeds, the
 * builder's data module for constructed samples without a text layer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GroundTruthFile, ValueVerdict } from './types.js';
import { checkPdf, type TableVerdict } from './pdf-check.js';
import { documentPath, seedsDir } from './resolve.js';

export interface FileVerdicts {
  values: ValueVerdict[];
  tables: TableVerdict[];
}

/** The shape the checker relies on; a malformed file is an error, not a rejected value. */
export function parseGroundTruth(text: string, name: string): GroundTruthFile {
  const gt = JSON.parse(text) as GroundTruthFile;
  if (typeof gt.document !== 'string' || typeof gt.checkedWith !== 'string' || !Array.isArray(gt.values) || !Array.isArray(gt.tables)) {
    throw new Error(`${name}: needs document, checkedWith, tables[] and values[]`);
  }
  gt.values.forEach((v, i) => {
    if (typeof v.page !== 'number' || typeof v.tableType !== 'string' || typeof v.value !== 'string') {
      throw new Error(`${name}: values[${i}] needs page, tableType and value (a string)`);
    }
  });
  return gt;
}

export async function checkGroundTruth(gt: GroundTruthFile): Promise<FileVerdicts> {
  if (gt.checkedWith.startsWith('seed:')) {
    const seed = join(seedsDir(), gt.checkedWith.slice('seed:'.length));
    if (!existsSync(seed)) throw new Error(`seed ${seed} not found (set BUDGETDOC_SEEDS)`);
    // Loaded on demand: PDF-checked files need neither the module nor the seeds.
    const { checkAgainstSeed, checkSeedTables } = (await import('./seed-check.js')) as {
      checkAgainstSeed: (g: GroundTruthFile, seedText: string) => ValueVerdict[];
      checkSeedTables: (g: GroundTruthFile, seedText: string) => TableVerdict[];
    };
    const text = readFileSync(seed, 'utf8');
    return { values: checkAgainstSeed(gt, text), tables: checkSeedTables(gt, text) };
  }
  if (gt.checkedWith.startsWith('build-data:')) {
    // A constructed sample: its printed content is the data module its builder printed from.
    const { checkAgainstBuildData } = await import('./build-data-check.js');
    return checkAgainstBuildData(gt, gt.checkedWith.slice('build-data:'.length));
  }
  if (gt.checkedWith !== 'pdftotext') throw new Error(`unknown checkedWith "${gt.checkedWith}"`);
  const file = documentPath(gt.document);
  if (!existsSync(file)) throw new Error(`${gt.document}: ${file} not found (set BUDGETDOC_CORPUS)`);
  return checkPdf(gt, file);
}

export async function checkGroundTruthFile(path: string): Promise<FileVerdicts> {
  return checkGroundTruth(parseGroundTruth(readFileSync(path, 'utf8'), path));
}
