import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { shutdownOcr } from '../../../../src/extract/ocr/index.js';
import { docxExtractor } from '../../../../src/extract/docx/index.js';
import { comparePreview } from '../../../../src/extract/docx/stale-preview.js';
import { toTextRows } from '../../../../src/model/grid.js';
import type { Table } from '../../../../src/model/document.js';
import { DocxBuilder } from '../../../../scripts/docx-samples/docx-builder.js';
import { canRenderCjk } from '../../../../scripts/docx-samples/table-png.js';
import { systemPackage } from '../../../helpers/services.js';
import { ctx } from './tiny-docx.js';

// Without the font, drawing throws "font missing", so under CI=true these tests fail with that reason.
const pictures = systemPackage(canRenderCjk(), 'objects.test tests that draw table pictures', 'fonts-noto-cjk');

const SHEET = `
收入支出决算总表|<
项目|决算数
合计|533.64
其他收入|1.93`;

describe('DOCX embedded objects', () => {
  it('reads an Excel.Sheet.8 object from its workbook, numbers as numbers, where it sits in the flow', async () => {
    const d = new DocxBuilder('t')
      .p('公开01表')
      .workbook(SHEET, { contextIncludes: '公开01表', sheet: 'Sheet1', at: { r: 1, c: 1 } })
      .p('注：本表…');
    const doc = await docxExtractor.extract(await d.build(), ctx());
    expect(doc.issues).toEqual([]);
    const t = doc.tables[0]!;
    expect(toTextRows(t)).toEqual([
      ['收入支出决算总表', ''],
      ['项目', '决算数'],
      ['合计', '533.64'],
      ['其他收入', '1.93'],
    ]);
    const total = t.cells.find((c) => c.text === '533.64')!;
    expect(total.value).toBe(533.64);
    expect(total.prov).toMatchObject({
      part: 'word/embeddings/oleObject1.bin',
      locator: 'Sheet1!C4',
      method: 'structure',
    });
    expect(t.context).toEqual(['公开01表', 'Sheet1']);
    expect(t.after).toEqual(['注：本表…']);
  });

  it('keeps the workbook and reports a preview whose figures differ', async () => {
    const d = new DocxBuilder('t').workbook(SHEET, {
      contextIncludes: '',
      sheet: 'Sheet1',
      at: { r: 0, c: 0 },
      stale: { '2,1': '5' },
    });
    const doc = await docxExtractor.extract(await d.build(), ctx());
    expect(doc.tables.length).toBe(1);
    expect(doc.tables[0]!.cells.find((c) => c.prov.locator === 'Sheet1!B3')!.text).toBe('533.64');
    expect(doc.issues.map((i) => i.code)).toEqual(['docx.stale_preview']);
    expect(doc.issues[0]!.message).toContain('Sheet1!B3 workbook 533.64, preview 5');
    expect(doc.issues[0]!.prov).toMatchObject({ part: 'word/media/image1.emf', method: 'emf-text' });
  });

  it('reads an .xlsx package embedded as Excel.Sheet.12', async () => {
    const d = new DocxBuilder('t').workbook(SHEET, {
      contextIncludes: '',
      sheet: '自评表',
      at: { r: 0, c: 0 },
      xlsx: true,
    });
    const doc = await docxExtractor.extract(await d.build(), ctx());
    expect(doc.tables[0]!.prov.part).toBe('word/embeddings/Microsoft_Excel_Worksheet1.xlsx');
    expect(doc.tables[0]!.cells[0]!.prov.locator).toBe('自评表!A1');
  });

  it('rebuilds a table drawn only as an EMF picture from its text records', async () => {
    const d = new DocxBuilder('t').p('公开03表').pictureTable(SHEET, { contextIncludes: '', kind: 'emf' });
    const doc = await docxExtractor.extract(await d.build(), ctx());
    const t = doc.tables[0]!;
    expect(toTextRows(t)).toEqual([
      ['收入支出决算总表', ''],
      ['项目', '决算数'],
      ['合计', '533.64'],
      ['其他收入', '1.93'],
    ]);
    expect(t.cells[0]).toMatchObject({ colSpan: 2 });
    expect(t.cells[0]!.prov).toMatchObject({ part: 'word/media/image1.emf', method: 'emf-text' });
    expect(t.context).toEqual(['公开03表']);
  });

  it.skipIf(!pictures)('sends a bitmap-only EMF to OCR', async () => {
    const d = new DocxBuilder('t').pictureTable(SHEET, { contextIncludes: '', kind: 'emf-bitmap' });
    const doc = await docxExtractor.extract(await d.build(), ctx({ ocr: true }));
    await shutdownOcr();
    expect(doc.issues).toEqual([]);
    const t = doc.tables[0]!;
    expect(t.cells.map((c) => c.text)).toEqual(expect.arrayContaining(['533.64', '1.93']));
    expect(t.cells[0]!.prov).toMatchObject({ part: 'word/media/image1.emf', method: 'ocr' });
  });

  it.skipIf(!pictures)('says a PNG table was not read when OCR is off', async () => {
    const d = new DocxBuilder('t').pictureTable(SHEET, { contextIncludes: '', kind: 'png' });
    const doc = await docxExtractor.extract(await d.build(), ctx({ ocr: false }));
    expect(doc.tables).toEqual([]);
    expect(doc.issues.map((i) => i.code)).toEqual(['docx.picture_not_read']);
  });
});

describe('comparePreview', () => {
  const cell = (row: number, col: number, text: string) => ({
    row,
    col,
    rowSpan: 1,
    colSpan: 1,
    text,
    prov: { sourceId: 's', page: 1, locator: `S!${'AB'[col]}${row + 1}`, method: 'structure' as const, extractor: 'x' },
  });
  const table: Table = {
    id: 't',
    nRows: 2,
    nCols: 2,
    context: [],
    prov: { sourceId: 's', page: 1, method: 'structure', extractor: 'x' },
    cells: [cell(0, 0, '10'), cell(0, 1, '40'), cell(1, 0, '100%'), cell(1, 1, '20')],
  };
  const run = (text: string, x: number, y: number) => ({
    text,
    bbox: { x0: x, y0: y, x1: x + 10, y1: y + 9 },
    prov: { sourceId: 's', page: 1, method: 'emf-text' as const, extractor: 'e' },
  });

  it('aligns the numbers in reading order and names the cells that differ', () => {
    const runs = [run('5', 50, 0), run('10', 0, 1), run('项目', 0, 30), run('20', 50, 20), run('100%', 0, 20)];
    expect(comparePreview(table, runs).differences).toEqual([{ locator: 'S!B1', workbook: '40', preview: '5' }]);
  });

  it('ignores a number the preview has in addition (a wrapped fragment)', () => {
    const runs = [run('10', 0, 0), run('40', 50, 0), run('75%', 80, 10), run('100%', 0, 20), run('20', 50, 20)];
    expect(comparePreview(table, runs).differences).toEqual([]);
  });
});

describe('DOCX object markup', () => {
  it('reads the DrawingML form of an embedded object (w:objectEmbed with an a:blip preview)', async () => {
    const built = await new DocxBuilder('t')
      .workbook(SHEET, { contextIncludes: '', sheet: 'Sheet1', at: { r: 0, c: 0 } })
      .build();
    const files = unzipSync(built);
    const xml = strFromU8(files['word/document.xml']!);
    const rids = [...xml.matchAll(/r:id="(rId\d+)"/g)].map((m) => m[1]!);
    const drawing = `<w:p><w:r><w:object><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:embed="${rids[0]}"/></w:drawing><w:objectEmbed r:id="${rids[1]}" w:progId="Excel.Sheet.8"/></w:object></w:r></w:p>`;
    files['word/document.xml'] = strToU8(
      xml.replace(
        /<w:p><w:pPr><w:jc w:val="center"\/><\/w:pPr><w:r><w:object[\s\S]*?<\/w:object><\/w:r><\/w:p>/,
        drawing,
      ),
    );
    const doc = await docxExtractor.extract(zipSync(files), ctx());
    expect(doc.issues).toEqual([]);
    expect(doc.tables.map((t) => t.prov.part)).toEqual(['word/embeddings/oleObject1.bin']);
  });
});
