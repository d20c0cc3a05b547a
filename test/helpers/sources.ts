import { createHash } from 'node:crypto';
import type { SourceRef } from '../../src/model/document.js';

/** A SourceRef for bytes built in a test. */
export function testSource(
  bytes: Uint8Array,
  fileName = 'test.bin',
  mediaType = 'application/octet-stream',
): SourceRef {
  return {
    id: createHash('sha256').update(bytes).digest('hex'),
    url: `file:///test/${fileName}`,
    fetchedAt: '2026-01-01T00:00:00.000Z',
    mediaType,
    fileName,
    size: bytes.length,
  };
}
