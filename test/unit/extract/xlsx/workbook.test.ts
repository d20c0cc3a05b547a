import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readWorkbookTables } from '../../../../src/extract/xlsx/workbook.js';
import { toTextRows } from '../../../../src/model/grid.js';

function book(aoa: unknown[][], merges: XLSX.Range[] = [], name = 'Sheet1'): XLSX.WorkBook {
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!merges'] = merges;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, name);
  return wb;
}

const input = { sourceId: 'abc', idPrefix: 'w1', maxInflatedBytes: 10_000_000 };

describe('readWorkbookTables', () => {
  it('reads a BIFF8 sheet with merges as spans, displayed text and raw numbers', () => {
    const wb = book(
      [
        ['收入支出决算总表', null],
        ['项目', '决算数'],
        ['合计', 22],
      ],
      [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }],
    );
    wb.Sheets.Sheet1!.B3!.z = '0.00';
    const bytes = XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Uint8Array;
    const out = readWorkbookTables(bytes, { ...input, part: 'word/embeddings/oleObject2.bin' });
    expect(out.issues).toEqual([]);
    const t = out.tables[0]!;
    expect([t.nRows, t.nCols]).toEqual([3, 2]);
    expect(toTextRows(t)).toEqual([
      ['收入支出决算总表', ''],
      ['项目', '决算数'],
      ['合计', '22.00'],
    ]);
    expect(t.cells[0]).toMatchObject({ rowSpan: 1, colSpan: 2 });
    const total = t.cells.find((c) => c.text === '22.00')!;
    expect(total.value).toBe(22);
    expect(total.prov).toMatchObject({
      part: 'word/embeddings/oleObject2.bin',
      locator: 'Sheet1!B3',
      method: 'structure',
      page: 1,
    });
    expect(t.caption).toBe('收入支出决算总表');
  });

  it('cuts the declared range to the content and numbers pages by sheet', () => {
    const wb = book([['a']]);
    const ws2 = XLSX.utils.aoa_to_sheet([
      [null, null],
      [null, 'x'],
    ]);
    ws2['!ref'] = 'A1:Z3000';
    XLSX.utils.book_append_sheet(wb, ws2, '第二 表');
    const bytes = XLSX.write(wb, { bookType: 'xlsx', type: 'buffer' }) as Uint8Array;
    const out = readWorkbookTables(bytes, input);
    expect(out.tables.map((t) => [t.nRows, t.nCols])).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(out.tables[1]!.cells[0]!.prov).toMatchObject({ page: 2, locator: "'第二 表'!B2" });
  });

  it('refuses an xlsx whose inflated size exceeds the limit', () => {
    const bomb = zipSync({ 'xl/workbook.xml': new Uint8Array(5_000_000) }, { level: 9 });
    const out = readWorkbookTables(bomb, { ...input, maxInflatedBytes: 1_000_000 });
    expect(out.tables).toEqual([]);
    expect(out.issues.map((i) => i.code)).toEqual(['zip.bomb']);
  });

  it('reports garbage as unreadable instead of throwing', () => {
    const out = readWorkbookTables(new Uint8Array([0x50, 0x4b, 1, 2, 3]), input);
    expect(out.issues[0]!.severity).toBe('error');
  });
});

/** A one-cell xlsx whose sheet XML is then edited by hand: SheetJS would not write these ranges. */
function patched(edit: (sheetXml: string) => string): Uint8Array {
  const files = unzipSync(XLSX.write(book([['a']]), { bookType: 'xlsx', type: 'buffer' }) as Uint8Array);
  files['xl/worksheets/sheet1.xml'] = strToU8(edit(strFromU8(files['xl/worksheets/sheet1.xml']!)));
  return zipSync(files);
}
const farCell = (xml: string): string =>
  xml
    .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
    .replace(
      '</sheetData>',
      '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row></sheetData>',
    );

describe('readWorkbookTables on hostile workbooks', () => {
  it('clips an absurd used range instead of allocating it', () => {
    const out = readWorkbookTables(patched(farCell), input);
    expect(out.issues.map((i) => i.code)).toEqual(['xlsx.range_clipped']);
    expect(out.tables[0]!.nCols).toBe(16384);
    expect(out.tables[0]!.nRows).toBe(Math.floor(1_000_000 / 16384));
  });

  it('stops at overlapping merges that would cost more than the sheet', () => {
    const merges = `<mergeCells count="3">${'<mergeCell ref="A1:XFD60"/>'.repeat(3)}</mergeCells>`;
    const out = readWorkbookTables(
      patched((x) => farCell(x).replace('</sheetData>', `</sheetData>${merges}`)),
      input,
    );
    expect(out.issues.map((i) => i.code)).toEqual(['xlsx.range_clipped', 'xlsx.merges_overlap']);
  });

  it('refuses a workbook part that declares entities', () => {
    const bytes = zipSync({
      'xl/workbook.xml': new TextEncoder().encode('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><workbook/>'),
    });
    const out = readWorkbookTables(bytes, input);
    expect(out.issues.map((i) => i.code)).toEqual(['xlsx.xml_entities']);
  });
});
