import * as CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { openEmbedding } from '../../../../src/extract/ole/embedded.js';
import { parseGrid } from '../../../../scripts/docx-samples/grid-spec.js';
import { book, excelSheet8Object, specSheet, xlsxPackage } from '../../../../scripts/docx-samples/workbook-object.js';

const wb = book(specSheet(parseGrid('项目|决算数\n合计|22.00'), { r: 0, c: 0 }), 'Sheet1');

describe('openEmbedding', () => {
  it('finds the BIFF8 workbook and the ProgID of an Excel.Sheet.8 object', () => {
    const out = openEmbedding(excelSheet8Object(wb));
    expect(out).toMatchObject({ kind: 'workbook', format: 'xls', progId: 'Excel.Sheet.8' });
  });

  it('takes an .xlsx package as it is, or from a Package stream', () => {
    const pkg = xlsxPackage(wb);
    expect(openEmbedding(pkg)).toMatchObject({ kind: 'workbook', format: 'xlsx' });
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/Package', pkg);
    const wrapped = openEmbedding(Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array));
    expect(wrapped.kind).toBe('workbook');
    expect(wrapped.kind === 'workbook' && wrapped.bytes.length).toBe(pkg.length);
  });

  it('names other objects and refuses junk without throwing', () => {
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/Equation Native', Buffer.from('x'));
    expect(openEmbedding(Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array))).toMatchObject({
      kind: 'other',
      streams: expect.arrayContaining([expect.stringContaining('Equation Native')]),
    });
    expect(openEmbedding(new Uint8Array([1, 2, 3])).kind).toBe('unreadable');
    const truncated = excelSheet8Object(wb).subarray(0, 600);
    expect(['unreadable', 'workbook', 'other']).toContain(openEmbedding(truncated).kind);
  });
});
