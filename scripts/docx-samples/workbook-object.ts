import * as CFB from 'cfb';
import * as XLSX from '@e965/xlsx';
import { asSheetValue, type GridSpec } from './grid-spec.js';

/** A spec as a worksheet at an offset (the seed's sheets leave row 1 and column A empty). */
export function specSheet(g: GridSpec, at: { r: number; c: number }): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  const merges: XLSX.Range[] = [];
  for (const c of g.cells) {
    const r = c.row + at.r;
    const col = c.col + at.c;
    if (c.text !== '') {
      const { v, z } = asSheetValue(c.text);
      ws[XLSX.utils.encode_cell({ r, c: col })] =
        typeof v === 'number' ? { t: 'n', v, ...(z ? { z } : {}) } : { t: 's', v };
    }
    if (c.rowSpan > 1 || c.colSpan > 1)
      merges.push({ s: { r, c: col }, e: { r: r + c.rowSpan - 1, c: col + c.colSpan - 1 } });
  }
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: at.r + g.nRows - 1, c: at.c + g.nCols - 1 } });
  ws['!merges'] = merges;
  return ws;
}

export function book(ws: XLSX.WorkSheet, name: string): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, name);
  return wb;
}

function compObj(userType: string, clipboard: string, progId: string): Buffer {
  const str = (s: string): Buffer => {
    const b = Buffer.alloc(4 + s.length + 1);
    b.writeUInt32LE(s.length + 1, 0);
    b.write(s, 4, 'latin1');
    return b;
  };
  const head = Buffer.alloc(28);
  head.writeUInt32LE(0xfffe0001, 0);
  head.writeUInt32LE(0x00000a03, 4);
  head.writeInt32LE(-1, 8);
  Buffer.from('2008020000000000c000000000000046', 'hex').copy(head, 12); // CLSID_Excel_Sheet8 {00020820-...}
  const tail = Buffer.alloc(12);
  tail.writeUInt32LE(0x71b239f4, 0); // Unicode marker; the Unicode strings that may follow are optional
  return Buffer.concat([head, str(userType), str(clipboard), str(progId), tail]);
}

/**
 * An Excel.Sheet.8 OLE object as Word embeds it (word/embeddings/oleObjectN.bin): the BIFF8
 * workbook's Compound File with the root CLSID of Excel, an \x01Ole stream and an \x01CompObj
 * stream naming the ProgID; the workbook stream is 'Workbook'.
 */
export function excelSheet8Object(wb: XLSX.WorkBook): Buffer {
  const biff = XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer;
  const cfb = CFB.read(biff, { type: 'buffer' });
  for (const p of cfb.FullPaths) if (p.includes('Sh33tJ5')) CFB.utils.cfb_del(cfb, p);
  const root = cfb.FileIndex[0];
  if (root) root.clsid = '2008020000000000c000000000000046';
  const ole = Buffer.alloc(20);
  ole.writeUInt32LE(0x02000001, 0);
  CFB.utils.cfb_add(cfb, '/\u0001Ole', ole);
  CFB.utils.cfb_add(cfb, '/\u0001CompObj', compObj('Microsoft Excel 97-2003 Worksheet', 'Biff8', 'Excel.Sheet.8'));
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

export function xlsxPackage(wb: XLSX.WorkBook): Buffer {
  return XLSX.write(wb, { bookType: 'xlsx', type: 'buffer', compression: true }) as Buffer;
}
