import { ProjectIndex } from './dist/project/project-index.js';
import { performance } from 'node:perf_hooks';
const t0 = performance.now();
const m0 = process.memoryUsage().heapUsed;
const index = new ProjectIndex(process.argv[2]);
const t1 = performance.now();
console.log('files', index.files.size, 'index ms', (t1-t0).toFixed(0), 'heap MB', ((process.memoryUsage().heapUsed-m0)/2**20).toFixed(1));
