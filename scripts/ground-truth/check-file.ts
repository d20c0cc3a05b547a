/**
 * Checks one ground-truth file with the tool its `checkedWith` names: poppler for PDFs, LibreOffice for workbooks,
 * the seed text for seeds, the builder's data module for constructed samples without a text layer. A file listing
 * neither a table nor a value (a narrative-only document, a checklist) says the document prints no table: it is
 * confirmed when no page prints one (`no-table.ts`), else it is an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GroundTruthFile, ValueVerdict } from './types.js';
import { checkPdfWords, type TableVerdict } from './pdf-check.js';
import { readPdfWords } from './pdf-words.js';
import { readPdfRules } from './pdf-rules.js';
import { printedPdfTables, unlistedTables } from './no-table.js';
import { documentPath, seedsDir } from './resolve.js';

/** A file that types nothing claims its document prints no table. */
const claimsNoTable = (gt: GroundTruthFile): boolean => gt.tables.length === 0 && gt.values.length === 0;

export interface FileVerdicts {
  values: ValueVerdict[];
  tables: TableVerdict[];
}

/** The shape the checker relies on; a malformed file is an error, not a rejected value. */
export function parseGroundTruth(text: string, name: string): GroundTruthFile {
  const gt = JSON.parse(text) as GroundTruthFile;
  if (
    typeof gt.document !== 'string' ||
    typeof gt.checkedWith !== 'string' ||
    !Array.isArray(gt.values) ||
    !Array.isArray(gt.tables)
  ) {
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
  if (gt.checkedWith !== 'pdftotext' && gt.checkedWith !== 'libreoffice')
    throw new Error(`unknown checkedWith "${gt.checkedWith}"`);
  const file = documentPath(gt.document);
  if (!existsSync(file)) throw new Error(`${gt.document}: ${file} not found (set BUDGETDOC_CORPUS)`);
  if (gt.checkedWith === 'libreoffice') {
    // A workbook, read with LibreOffice (the pipeline reads workbooks with SheetJS); loaded on demand.
    const { checkWorkbook, printedSheetTables } = await import('./sheet-check.js');
    const { values, tables, sheets } = checkWorkbook(gt, file);
    const unlisted = claimsNoTable(gt) ? unlistedTables(gt.document, printedSheetTables(sheets)) : null;
    if (unlisted) throw new Error(unlisted);
    return { values, tables };
  }
  const pages = readPdfWords(file);
  if (claimsNoTable(gt)) {
    const unlisted = unlistedTables(gt.document, printedPdfTables(pages));
    if (unlisted) throw new Error(unlisted);
    return { values: [], tables: [] };
  }
  return checkPdfWords(gt, pages, readPdfRules(file, pages.length));
}

export async function checkGroundTruthFile(path: string): Promise<FileVerdicts> {
  return checkGroundTruth(parseGroundTruth(readFileSync(path, 'utf8'), path));
}
