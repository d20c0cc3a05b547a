import type { DocumentStatus, ExtractedDocument, Format, Issue, Provenance, SourceRef } from './document.js';

/** An empty document for a source, to be filled by an extractor. */
export function newDocument(
  source: SourceRef,
  format: Format,
  versions: Record<string, string> = {},
): ExtractedDocument {
  return { source, format, pages: [], tables: [], meta: [], status: 'ok', issues: [], versions };
}

export function issue(severity: Issue['severity'], code: string, message: string, prov?: Provenance): Issue {
  return prov ? { severity, code, message, prov } : { severity, code, message };
}

/**
 * A document's status from its issues: any error and nothing recovered is `failed`,
 * errors or warnings beside recovered content are `partial`.
 */
export function statusFrom(doc: Pick<ExtractedDocument, 'issues' | 'tables' | 'pages'>): DocumentStatus {
  const errors = doc.issues.some((i) => i.severity === 'error');
  const content = doc.tables.length > 0 || doc.pages.some((p) => p.runs.length > 0);
  if (errors && !content) return 'failed';
  if (errors || doc.issues.some((i) => i.severity === 'warning')) return 'partial';
  return 'ok';
}

/** A failed document: the reason is kept as an error issue, nothing else. */
export function failedDocument(source: SourceRef, format: Format, code: string, message: string): ExtractedDocument {
  return { ...newDocument(source, format), status: 'failed', issues: [issue('error', code, message)] };
}
