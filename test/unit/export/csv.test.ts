import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvChunk } from '../../../src/export/csv.js';

const columns = ['name', 'value', 'note'];

describe('csvChunk (RFC 4180)', () => {
  it('quotes fields with a comma, a quote, a line feed or a carriage return, doubling quotes', () => {
    const text = csvChunk(
      [
        { name: '行政运行,机关', value: 1, note: 'he said "no"' },
        { name: 'line1\nline2', value: 2, note: 'cr\rhere' },
      ],
      columns,
      { header: false },
    );
    expect(text).toBe('"行政运行,机关",1,"he said ""no"""\r\n"line1\nline2",2,"cr\rhere"\r\n');
  });

  it('writes null and undefined as empty fields, keeps 0 and negative numbers, leaves plain text unquoted', () => {
    expect(
      csvChunk(
        [
          { name: '合计', value: null, note: undefined },
          { name: '-', value: 0, note: -3.5 },
        ],
        columns,
        { header: false },
      ),
    ).toBe('合计,,\r\n-,0,-3.5\r\n');
  });

  it('writes the header alone for an empty batch, led by a BOM only when asked', () => {
    expect(csvChunk([], columns, { header: true })).toBe('name,value,note\r\n');
    expect(csvChunk([], columns, { header: true, bom: true })).toBe('\uFEFFname,value,note\r\n');
  });

  it('round-trips through an independent parser', () => {
    const rows = [{ name: '其中：a,"b"\n\r\nc', value: 531.71, note: '' }];
    const [back] = parse(csvChunk(rows, columns, { header: true }), { columns: true }) as Record<string, string>[];
    expect(back).toEqual({ name: rows[0]!.name, value: '531.71', note: '' });
  });
});
