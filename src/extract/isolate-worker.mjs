// Worker-thread entry for isolated extraction (isolate.ts). A JS bootstrap so the worker can load the
// TypeScript sources through tsx, as bin/budgetdoc.js does for the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { extractDocument } = await import('./registry.ts');
const { bytes, source, format, limits } = workerData;
const doc = await extractDocument(new Uint8Array(bytes), source, format, limits);
parentPort.postMessage(doc);
