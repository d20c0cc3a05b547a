import type { Format } from '../model/document.js';
import { listZipEntries } from '../util/zip.js';

const MEDIA_TYPES: Record<Format, string> = {
  pdf: 'application/pdf',
  html: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  doc: 'application/msword',
  wps: 'application/vnd.ms-works',
  et: 'application/vnd.ms-excel',
  zip: 'application/zip',
  png: 'image/png',
  jpeg: 'image/jpeg',
  emf: 'image/emf',
  unknown: 'application/octet-stream',
};

export function mediaTypeOf(format: Format): string {
  return MEDIA_TYPES[format];
}

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

const CFB_SIG = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Format by content: magic bytes, then container contents (a ZIP is DOCX or XLSX only if it
 * holds word/document.xml or xl/workbook.xml). The file name is only a tie-breaker for
 * Compound Files, whose stream names are read by the OLE extractor when it is there.
 */
export function sniff(bytes: Uint8Array, fileName = ''): Format {
  if (bytes.length === 0) return 'unknown';
  // PDF: '%PDF-' may follow some junk bytes; the spec allows it within the first 1024.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return sniffZip(bytes);
  }
  if (startsWith(bytes, CFB_SIG)) return sniffCompound(bytes, fileName);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  // EMF: EMR_HEADER record type 1, and ' EMF' signature at offset 40.
  if (startsWith(bytes, [0x01, 0x00, 0x00, 0x00]) && startsWith(bytes, [0x20, 0x45, 0x4d, 0x46], 40)) return 'emf';
  if (looksLikeHtml(bytes)) return 'html';
  return 'unknown';
}

function sniffZip(bytes: Uint8Array): Format {
  let names: string[];
  try {
    names = listZipEntries(bytes);
  } catch {
    return 'zip';
  }
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  return 'zip';
}

/** Compound File: Word, Excel or WPS; the directory's stream names decide. */
function sniffCompound(bytes: Uint8Array, fileName: string): Format {
  const text = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).toString('utf16le');
  if (text.includes('WordDocument')) return /\.wps$/i.test(fileName) ? 'wps' : 'doc';
  // A BIFF workbook stream is read as one whatever the name: WPS 表格 saves .et as BIFF8, and an .xls renamed .et
  // is still an .xls (issue 16); only what has no such stream goes to LibreOffice.
  if (text.includes('Workbook') || text.includes('Book')) return 'xls';
  if (/\.et$/i.test(fileName)) return 'et';
  return /\.wps$/i.test(fileName) ? 'wps' : 'unknown';
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  // Decode as latin1: tags are ASCII in every encoding these sites use (GBK, UTF-8).
  const head = Buffer.from(bytes.subarray(0, 4096))
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  return /^(<!doctype html|<html|<head|<meta|<body|<table|<!--|<div|<p[ >])/.test(head) || /<html[\s>]/.test(head);
}
