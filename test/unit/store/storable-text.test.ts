import { describe, expect, it } from 'vitest';
import { newDocument } from '../../../src/model/build.js';
import { openStores } from '../../../src/store/open.js';
import { storable } from '../../../src/store/sql-record-store.js';
import { testSource } from '../../helpers/sources.js';

describe('text PostgreSQL cannot hold in jsonb', () => {
  it('replaces NUL and unpaired surrogates, keeps pairs', () => {
    expect(storable('a\u0000b\uD800c\uDC00d\uD83D\uDE00')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uD83D\uDE00');
  });

  it('stores an extraction whose text layer holds them (issue 16), instead of failing the store', async () => {
    const stores = await openStores({ dataDir: 'memory://' });
    try {
      const source = testSource(new Uint8Array([7, 7]), 'nul.pdf', 'application/pdf');
      await stores.records.upsertSource(source, 'pdf');
      const doc = newDocument(source, 'pdf');
      doc.pages = [
        {
          number: 1,
          runs: [
            {
              text: '合计\u0000 12.50 \uDC80',
              prov: { sourceId: source.id, page: 1, method: 'text-layer', extractor: 'test' },
            },
          ],
        },
      ];
      await stores.records.saveExtraction(source.id, doc);
      const back = await stores.records.getDocument(source.id, { withExtraction: true });
      expect(back?.extracted?.pages[0]?.runs[0]?.text).toBe('合计\uFFFD 12.50 \uFFFD');
    } finally {
      await stores.close();
    }
  });
});
