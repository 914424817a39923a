import { readFileSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

// Correct: a worker_threads worker exists to take blocking work off the main thread.
const { input, output } = workerData as { input: string; output: string };
writeFileSync(output, readFileSync(input).subarray(0, 1024));
parentPort?.postMessage('done');
