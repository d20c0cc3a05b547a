import type { ExtractedDocument, Format } from '../../model/document.js';
import { failedDocument } from '../../model/build.js';
import { isPermanent } from '../../model/errors.js';
import { sniff } from '../sniff.js';
import type { ExtractContext, Extractor } from '../types.js';
import { convertWithSoffice, findSoffice } from './soffice.js';

/** What each legacy format is converted to, and which extractor reads the result. */
const TARGET: Partial<Record<Format, { to: 'docx' | 'xlsx'; ext: string }>> = {
  doc: { to: 'docx', ext: 'doc' },
  wps: { to: 'docx', ext: 'wps' },
  et: { to: 'xlsx', ext: 'et' },
  xls: { to: 'xlsx', ext: 'xls' },
};

/** A conversion may take long on a big file, but a hung soffice must not hold a worker. */
export const CONVERT_TIMEOUT_MS = 120_000;

export interface ConvertExtractorOptions {
  /** Path of soffice; undefined looks it up on PATH, null means LibreOffice is absent. */
  soffice?: string | null;
  timeoutMs?: number;
}

/**
 * .doc, WPS and ET files (issue 4): converted with LibreOffice when `soffice` is installed,
 * then read by the DOCX or workbook extractor; otherwise a `failed` document saying that
 * LibreOffice is needed. The result keeps the original format.
 */
export function makeConvertExtractor(opts: ConvertExtractorOptions = {}): Extractor {
  return {
    formats: ['doc', 'wps', 'et'],
    async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractedDocument> {
      const sniffed = sniff(bytes, ctx.source.fileName ?? '');
      const format: Format = TARGET[sniffed] ? sniffed : /\.et$/i.test(ctx.source.fileName ?? '') ? 'et' : 'doc';
      const target = TARGET[format]!;
      const soffice = opts.soffice === null ? undefined : (opts.soffice ?? findSoffice());
      if (!soffice) {
        return failedDocument(
          ctx.source,
          format,
          'extract.unsupported',
          `unsupported: needs LibreOffice (soffice) to convert ${format} files, and it is not installed`,
        );
      }
      let converted: Uint8Array;
      try {
        converted = await convertWithSoffice(bytes, {
          soffice,
          from: target.ext,
          to: target.to,
          timeoutMs: opts.timeoutMs ?? CONVERT_TIMEOUT_MS,
          ...(ctx.signal ? { signal: ctx.signal } : {}),
        });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        return failedDocument(
          ctx.source,
          format,
          isPermanent(err) ? err.code : 'convert.failed',
          `conversion to ${target.to} failed: ${message}`,
        );
      }
      const next =
        target.to === 'docx'
          ? (await import('../docx/index.js')).docxExtractor
          : (await import('../xlsx/index.js')).workbookExtractor;
      const doc = await next.extract(converted, ctx);
      doc.format = format;
      doc.versions = { ...doc.versions, libreoffice: 'soffice' };
      return doc;
    },
  };
}

export const convertExtractor: Extractor = makeConvertExtractor();
