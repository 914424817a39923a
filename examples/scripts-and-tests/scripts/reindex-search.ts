import { readFileSync } from 'node:fs';
import { Client } from '@elastic/elasticsearch';

// Correct: a one-off script may block (nothing else is waiting on its event loop), and it closes
// its client when it is done.
async function main() {
  const mappings = JSON.parse(readFileSync(new URL('./mappings.json', import.meta.url), 'utf8'));
  const elastic = new Client({ node: process.env.ELASTIC_URL ?? 'http://localhost:9200' });
  try {
    await elastic.indices.create({ index: 'products-v2', mappings });
    await elastic.reindex({ source: { index: 'products' }, dest: { index: 'products-v2' } });
  } finally {
    await elastic.close();
  }
}

void main();
