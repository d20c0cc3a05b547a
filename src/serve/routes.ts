import type { Stores } from '../store/open.js';
import { parseKinds, parseStatuses, parseYears, type SearchFilters, searchDocuments } from '../store/search.js';
import { documentGrids, documentView, resolveDocumentId } from './document-view.js';
import { PAGE_DPI, PageImageError, type PageImages } from './page-images.js';

/** An answer of the API: JSON, or bytes with their media type. */
export type Reply =
  | { status: number; json: unknown }
  | { status: number; body: Uint8Array; type: string; cacheable?: boolean };

export class BadRequest extends Error {}

const error = (status: number, message: string): Reply => ({ status, json: { error: message } });

/** Several values of one parameter, repeated (`type=a&type=b`) or comma-separated. */
const many = (q: URLSearchParams, name: string) =>
  q
    .getAll(name)
    .flatMap((v) => v.split(/[,，]/))
    .map((v) => v.trim())
    .filter(Boolean);

/** The search filters of `/api/documents?…`, the same as `budgetdoc search` takes. */
export function filtersFromQuery(q: URLSearchParams): { filters: SearchFilters; limit: number; cursor?: string } {
  const known = new Set([
    'text',
    'department',
    'region',
    'year',
    'kind',
    'type',
    'status',
    'finding',
    'limit',
    'cursor',
  ]);
  for (const k of q.keys()) if (!known.has(k)) throw new BadRequest(`unknown parameter ${k}`);
  const one = (name: string) => q.get(name)?.trim() || undefined;
  const limit = one('limit') === undefined ? 50 : Number(one('limit'));
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new BadRequest('limit must be a whole number 1..1000');
  try {
    const text = one('text');
    const department = one('department');
    const region = one('region');
    const year = one('year');
    const kinds = many(q, 'kind');
    const types = many(q, 'type');
    const statuses = many(q, 'status');
    const findings = many(q, 'finding');
    const filters: SearchFilters = {
      ...(text ? { text } : {}),
      ...(department ? { department } : {}),
      ...(region ? { region } : {}),
      ...(year ? { years: parseYears(year) } : {}),
      ...(kinds.length ? { kinds: parseKinds(kinds) } : {}),
      ...(types.length ? { tableTypes: types } : {}),
      ...(statuses.length ? { statuses: parseStatuses(statuses) } : {}),
      ...(findings.length ? { findings } : {}),
    };
    const cursor = one('cursor');
    return { filters, limit, ...(cursor ? { cursor } : {}) };
  } catch (err) {
    throw new BadRequest((err as Error).message);
  }
}

/**
 * The read-only JSON API. Every path part that reaches the store is checked first: ids are hex (a sha256 or a
 * prefix of one), page numbers positive integers within the document; nothing else of the URL is used.
 */
export async function apiReply(stores: Stores, images: PageImages, path: string, q: URLSearchParams): Promise<Reply> {
  if (path === '/api/documents') {
    const { filters, limit, cursor } = filtersFromQuery(q);
    try {
      return {
        status: 200,
        json: await searchDocuments(stores.records.client, filters, { limit, ...(cursor ? { cursor } : {}) }),
      };
    } catch (err) {
      if ((err as Error).message === 'not a search cursor') throw new BadRequest('not a search cursor');
      throw err;
    }
  }
  const m = /^\/api\/documents\/([^/]+)(?:\/(records|grids|pages\/([^/]+)))?$/.exec(path);
  if (!m) return error(404, 'no such API path');
  const [, rawId, sub, pageName] = m;
  if (!/^[0-9a-f]{4,64}$/.test(rawId!)) return error(400, 'a document id is 4 to 64 lowercase hex digits');
  const id = await resolveDocumentId(stores.records, rawId!);
  if (!id) return error(404, `no stored document ${rawId} (or the prefix is not unique)`);
  if (sub === 'records')
    return { status: 200, json: { documentId: id, records: await stores.records.listRecords(id) } };
  if (sub === 'grids')
    return { status: 200, json: { documentId: id, tables: await documentGrids(stores.records, id) } };
  const view = await documentView(stores.records, id);
  if (!view) return error(404, `no stored document ${rawId}`);
  if (!sub)
    return { status: 200, json: { ...view, pageImages: { dpi: PAGE_DPI, available: view.document.format === 'pdf' } } };
  const pm = /^([1-9][0-9]{0,4})\.png$/.exec(pageName!);
  if (!pm) return error(400, 'a page is a whole number from 1, as /pages/3.png');
  const page = Number(pm[1]);
  if (view.pages.length && page > view.pages.length)
    return error(404, `page ${page} is past the last page (${view.pages.length})`);
  try {
    return { status: 200, body: await images.png(id, view.document.format, page), type: 'image/png', cacheable: true };
  } catch (err) {
    if (err instanceof PageImageError) return error(err.status, err.message);
    throw err;
  }
}
