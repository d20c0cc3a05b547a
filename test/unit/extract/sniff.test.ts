import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sniff } from '../../../src/extract/sniff.js';
import { extractDocument } from '../../../src/extract/registry.js';
import { testSource } from '../../helpers/sources.js';

const html = readFileSync('samples/html/hongjiang-2023-gov-office-dept-target.html');
const pdfBytes = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('sniff: format by content, never by extension', () => {
  it('recognises a PDF renamed .html', () => {
    expect(sniff(pdfBytes, 'report.html')).toBe('pdf');
  });

  it('recognises an HTML page whatever its name', () => {
    expect(sniff(html, 'download.pdf')).toBe('html');
    expect(sniff(new TextEncoder().encode('\uFEFF  <!DOCTYPE html><html></html>'), 'x')).toBe('html');
  });

  it('tells DOCX, XLSX and plain ZIP apart by their parts', () => {
    expect(sniff(zipSync({ 'word/document.xml': strToU8('<w:document/>') }), 'a.zip')).toBe('docx');
    expect(sniff(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), 'a.docx')).toBe('xlsx');
    expect(sniff(zipSync({ 'a.pdf': pdfBytes }), 'a.docx')).toBe('zip');
  });

  it('recognises images and EMF by magic bytes', () => {
    expect(sniff(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'a.html')).toBe('png');
    expect(sniff(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'a.pdf')).toBe('jpeg');
    const emf = new Uint8Array(64);
    emf.set([1, 0, 0, 0]);
    emf.set([0x20, 0x45, 0x4d, 0x46], 40);
    expect(sniff(emf, 'x')).toBe('emf');
  });

  it('calls garbage and empty files unknown', () => {
    const garbage = new Uint8Array(512).map((_, i) => (i * 7919 + 13) % 251);
    expect(sniff(garbage, 'budget.pdf')).toBe('unknown');
    expect(sniff(new Uint8Array(), 'budget.pdf')).toBe('unknown');
  });

  it('makes an unknown format a failed document with a reason, not a crash', async () => {
    const garbage = new Uint8Array(256).fill(0x42);
    const doc = await extractDocument(garbage, testSource(garbage, 'x.pdf'), sniff(garbage, 'x.pdf'));
    expect(doc.status).toBe('failed');
    expect(doc.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'sniff.unknown_format' })]);
  });

  it('makes a file over the size limit a failed document', async () => {
    const doc = await extractDocument(html, testSource(html), 'html', {
      maxInputBytes: 10,
      maxInflatedBytes: 10,
      maxPages: 1,
      ocrPageTimeoutMs: 1,
      ocr: false,
    });
    expect(doc.status).toBe('failed');
    expect(doc.issues[0]?.code).toBe('input.too_large');
  });
});
