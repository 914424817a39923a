/**
 * A necessary condition for a module specifier to name one of a catalog's modules, answered
 * without hashing the specifier.
 *
 * Every import of every file is asked about, and a specifier is a fresh string each time (a slice
 * of the file's text): looking it up in a `Map` or `Set` hashes its characters first, which on
 * application code (aliased imports such as `@server/models/User`, each one distinct) cost more than
 * the rest of the catalog gate. The first two characters, as a small integer, pick the few names
 * and prefixes that start with them; those are compared directly. Most specifiers find none.
 */
export function specifierPrefilter(names: Iterable<string>, prefixes: Iterable<string>): (specifier: string) => boolean {
  const namesByHead = new Map<number, string[]>();
  const prefixesByHead = new Map<number, string[]>();
  /** Prefixes shorter than two characters (a glob starting with `*`: the empty prefix) apply to every specifier. */
  const shortPrefixes: string[] = [];
  for (const name of names) add(namesByHead, headOf(name), name);
  for (const prefix of prefixes) {
    if (prefix.length < 2) shortPrefixes.push(prefix);
    else add(prefixesByHead, headOf(prefix), prefix);
  }
  return (specifier) => {
    if (shortPrefixes.some((prefix) => specifier.startsWith(prefix))) return true;
    const head = headOf(specifier);
    const sameHeadNames = namesByHead.get(head);
    if (sameHeadNames?.includes(specifier)) return true;
    const sameHeadPrefixes = prefixesByHead.get(head);
    return sameHeadPrefixes !== undefined && sameHeadPrefixes.some((prefix) => specifier.startsWith(prefix));
  };
}

/**
 * The first two UTF-16 code units folded into 28 bits, a small integer V8 keys a `Map` by without
 * hashing (collisions are harmless: candidates are compared in full). A one-character string has
 * its own heads (second unit taken as 0).
 */
function headOf(text: string): number {
  const first = text.charCodeAt(0) & 0x3fff;
  const second = text.length > 1 ? text.charCodeAt(1) & 0x3fff : 0;
  return (first << 14) | second;
}

function add(map: Map<number, string[]>, head: number, value: string): void {
  const list = map.get(head);
  if (list) list.push(value);
  else map.set(head, [value]);
}
