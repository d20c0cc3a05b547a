import * as XLSX from '@e965/xlsx';
import type { Issue, Table } from '../../model/document.js';
import { issue } from '../../model/build.js';
import { isPermanent } from '../../model/errors.js';
import { SHEETJS_VERSION } from '../../util/versions.js';
import { unzipChecked } from '../../util/zip-checked.js';
import { xmlText } from './xml-text.js';
import { sheetToTable } from './sheet-table.js';

export { SHEETJS_VERSION };
export const WORKBOOK_EXTRACTOR = `xlsx/sheetjs@${SHEETJS_VERSION}`;

export interface WorkbookInput {
  sourceId: string;
  /** Part inside a DOCX that holds the workbook; absent for a workbook file. */
  part?: string;
  /** Prefix for table ids, so tables of several embedded workbooks stay distinct. */
  idPrefix: string;
  maxInflatedBytes: number;
}

export interface WorkbookTables {
  tables: Table[];
  issues: Issue[];
  sheetNames: string[];
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/**
 * Every non-empty sheet of a BIFF8 (.xls, or the Compound File Word embeds as Excel.Sheet.8)
 * or OOXML workbook as a table. An .xlsx is inflated once under the zip-bomb limit before
 * SheetJS sees it, because SheetJS inflates without one. Never throws for bad input.
 */
export function readWorkbookTables(bytes: Uint8Array, input: WorkbookInput): WorkbookTables {
  const where = input.part ?? 'workbook';
  const out: WorkbookTables = { tables: [], issues: [], sheetNames: [] };
  let wb: XLSX.WorkBook;
  try {
    if (isZip(bytes)) {
      // Every entry is inflated and its sizes checked, media and binaries too: SheetJS inflates them all again
      // without a limit, so a bomb in xl/media/ would otherwise reach it (issue 16).
      const parts = unzipChecked(bytes, (name) => /\.(xml|rels)$/i.test(name), {
        maxTotalBytes: input.maxInflatedBytes,
      });
      // SheetJS does not expand entities, but a DTD in a workbook part has no business there (billion laughs). The
      // whole part is read: a DOCTYPE may follow a long comment.
      for (const [name, data] of parts) {
        if (/<!DOCTYPE|<!ENTITY/i.test(xmlText(data))) {
          out.issues.push(
            issue('error', 'xlsx.xml_entities', `${where}: ${name} declares a DOCTYPE or entities; refused`),
          );
          return out;
        }
      }
    }
    wb = XLSX.read(bytes, { type: 'buffer', cellFormula: false, cellHTML: false, cellStyles: false });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const code = isPermanent(err) ? err.code : /password|encrypt/i.test(message) ? 'xlsx.encrypted' : 'xlsx.unreadable';
    out.issues.push(issue('error', code, `${where}: workbook could not be read: ${message}`));
    return out;
  }
  out.sheetNames = wb.SheetNames;
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    if (!ws) return;
    const page = input.part ? 1 : i + 1;
    const origin = {
      sourceId: input.sourceId,
      page,
      extractor: WORKBOOK_EXTRACTOR,
      ...(input.part ? { part: input.part } : {}),
    };
    const { table, issues } = sheetToTable(ws, name, `${input.idPrefix}s${i + 1}`, origin);
    out.issues.push(...issues);
    if (table) out.tables.push(table);
  });
  return out;
}
