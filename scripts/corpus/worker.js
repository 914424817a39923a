// @ts-check
import { parentPort, workerData } from 'node:worker_threads';
import { createCorpusLinter, loadPlugin } from './lint-file.js';

/** A worker thread of `runCorpus`: lints the batches of files it is sent, one at a time. */
const { lintFile } = createCorpusLinter({ plugin: await loadPlugin(), stress: workerData.stress, reverseProbe: workerData.reverseProbe });
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
port.on('message', (/** @type {string[] | null} */ batch) => {
  if (batch === null) {
    port.close();
    return;
  }
  port.postMessage(batch.map((file) => lintFile(file)));
});
port.postMessage([]);
