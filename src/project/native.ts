import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const loaded = new Map<string, unknown>();

/**
 * A native-binding package (`oxc-parser`, `oxc-resolver`), loaded on first use; `null` when its
 * binding cannot load on this platform, so that callers fall back to JavaScript implementations.
 */
export function loadOptional<T>(name: string): T | null {
  if (!loaded.has(name)) {
    try {
      loaded.set(name, require(name));
    } catch {
      loaded.set(name, null);
    }
  }
  return loaded.get(name) as T | null;
}
