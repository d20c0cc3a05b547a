import { describe, expect, it } from 'vitest';
import { newDocument } from '../../../src/model/build.js';
import { ExtractionCache } from '../../../src/store/extraction-cache.js';
import { openPglite } from '../../../src/store/sql-clients.js';
import { SqlRecordStore } from '../../../src/store/sql-record-store.js';
import { testSource } from '../../helpers/sources.js';

/** A document whose one text run says `text`. */
function docSaying(source: ReturnType<typeof testSource>, text: string) {
  const doc = newDocument(source, 'pdf');
  doc.pages = [
    { number: 1, runs: [{ text, prov: { sourceId: source.id, page: 1, method: 'text-layer', extractor: 't' } }] },
  ];
  return doc;
}

describe('extractions kept by the process that saved or read them (issue 12)', () => {
  it('never returns one another process replaced since', async () => {
    const sql = await openPglite(undefined);
    // Two stores on one database stand for two worker processes: each keeps what it saved.
    const [a, b] = [await SqlRecordStore.open(sql), await SqlRecordStore.open(sql)];
    try {
      const source = testSource(new Uint8Array([1, 2, 3]), 'x.pdf', 'application/pdf');
      await a.upsertSource(source, 'pdf');
      await a.saveExtraction(source.id, docSaying(source, 'first'));
      const text = async (s: SqlRecordStore) =>
        (await s.getDocument(source.id, { withExtraction: true }))?.extracted?.pages[0]?.runs[0]?.text;
      expect(await text(a)).toBe('first');
      expect(await text(b)).toBe('first');
      await b.saveExtraction(source.id, docSaying(source, 'second'));
      expect(await text(a)).toBe('second');
      expect(await text(b)).toBe('second');
      // Without the extraction asked for, none is returned, cached or not.
      expect((await a.getDocument(source.id))?.extracted).toBeUndefined();
    } finally {
      await sql.close();
    }
  });

  it('returns what a read of the row gives, not the object it was handed', async () => {
    const sql = await openPglite(undefined);
    const store = await SqlRecordStore.open(sql);
    try {
      const source = testSource(new Uint8Array([4, 5]), 'y.pdf', 'application/pdf');
      await store.upsertSource(source, 'pdf');
      const doc = docSaying(source, 'x');
      (doc.pages[0] as unknown as { width: unknown }).width = Number.NaN;
      await store.saveExtraction(source.id, doc);
      const back = await store.getDocument(source.id, { withExtraction: true });
      const page = back?.extracted?.pages[0] as unknown as { width: unknown } | undefined;
      expect(page?.width).toBeNull();
      expect(back?.extracted).not.toBe(doc);
    } finally {
      await sql.close();
    }
  });

  it('keeps at most its count and size, the oldest going first', () => {
    const cache = new ExtractionCache(2, 100);
    const doc = {} as never;
    cache.set('a', 't1', doc, 40);
    cache.set('b', 't2', doc, 40);
    cache.set('c', 't3', doc, 40);
    expect(cache.peek('a')).toBeUndefined();
    expect(cache.peek('b')?.token).toBe('t2');
    cache.set('d', 't4', doc, 90);
    expect([cache.peek('b'), cache.peek('c')]).toEqual([undefined, undefined]);
    expect(cache.peek('d')?.token).toBe('t4');
    cache.set('e', 't5', doc, 101);
    expect(cache.peek('e')).toBeUndefined();
  });
});
