'use strict';
// The tesseract.js Node worker script with the network switched off. Language data is read from
// node_modules (langPath), so a fetch here is a bug; on a machine without network it would hang
// instead of failing (issues 3 and 4: "nothing downloaded at run time"). Runs in a worker thread.
const refuse = (what) => () => {
  throw new Error(`network access is disabled in the OCR worker (${what})`);
};
globalThis.fetch = async (url) => {
  throw new Error(`network access is disabled in the OCR worker (fetch ${String(url)})`);
};
for (const mod of ['node:http', 'node:https']) {
  const m = require(mod);
  m.request = refuse(mod);
  m.get = refuse(mod);
}
const net = require('node:net');
net.connect = refuse('net.connect');
net.createConnection = refuse('net.createConnection');
// A worker whose core or language data failed to load is useless, and tesseract.js never hands
// it to the caller, who therefore cannot terminate it: it ends itself after reporting.
const { parentPort } = require('node:worker_threads');
const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (msg) => {
  post(msg);
  if (msg && msg.status === 'reject' && ['load', 'loadLanguage', 'initialize'].includes(msg.action)) {
    setImmediate(() => process.exit(1));
  }
};
require('tesseract.js/src/worker-script/node/index.js');
