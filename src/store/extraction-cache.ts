import type { ExtractedDocument } from '../model/document.js';

interface Entry {
  token: string;
  doc: ExtractedDocument;
  size: number;
}

/**
 * The last few extractions this process saved or read, each under the token the store wrote with it (issue 12: every
 * document's extraction went into jsonb and was read back twice, by the recognise stage and by the findings of the
 * store stage; on PGlite a read of one took 3.5 ms of the main thread against 1 ms for the rest of the row, measured
 * on a store of the nightly simulation's documents). A read whose row still carries the same token skips the column;
 * a token another process wrote since misses, so the cache is never stale. Bounded by count and by the JSON size, so
 * a 500-page document does not stay in memory after its run.
 */
export class ExtractionCache {
  private readonly entries = new Map<string, Entry>();
  private total = 0;

  constructor(
    private readonly maxEntries = 4,
    private readonly maxSize = 32 * 1024 * 1024,
  ) {}

  /**
   * The entry kept for `id`, taken before a read is sent: the read may skip the column only for this entry's token,
   * and the entry itself is what it then returns, even if another read evicted it meanwhile.
   */
  peek(id: string): { token: string; doc: ExtractedDocument } | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    // Most recently used last, so eviction takes the oldest.
    this.entries.delete(id);
    this.entries.set(id, e);
    return { token: e.token, doc: e.doc };
  }

  /** `size` is the length of its JSON (or an estimate of it), which bounds what the cache holds. */
  set(id: string, token: string, doc: ExtractedDocument, size: number): void {
    this.drop(id);
    if (size > this.maxSize) return;
    this.entries.set(id, { token, doc, size });
    this.total += size;
    for (const [old, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.total <= this.maxSize) break;
      this.entries.delete(old);
      this.total -= e.size;
    }
  }

  drop(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    this.total -= e.size;
  }
}
