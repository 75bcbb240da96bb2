/**
 * Canonical state hash. Keys are sorted so the hash never depends on the order in which
 * properties were created; numbers print the same in Node and every browser.
 *
 * The hash is a tree hash: an object's hash covers its children's hashes, and is cached per
 * object. States are immutable and share unchanged parts (immer), so hashing each day's
 * state only visits what changed since the last one.
 */

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return primitiveJson(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

function primitiveJson(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return value === undefined ? 'null' : JSON.stringify(value);
}

/**
 * cyrb53-style 64-bit string hash (two 32-bit lanes), written here because a hash library
 * would either pull in Node's crypto (not in the browser core) or be async (SubtleCrypto).
 * It detects desync and tampering by accident, not by an adversary with the source.
 */
export function hashString(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

const cache = new WeakMap<object, string>();

/**
 * Long arrays (the news feed, the history) grow by appending: a new array each day whose
 * first elements are the very same objects as the day before. They are hashed in blocks;
 * a block is reused when its elements are identical (===) to those of a block hashed before.
 */
const BLOCK = 64;
interface Block {
  items: readonly unknown[];
  hash: string;
}
const blocks = new WeakMap<object, Block[]>();

function blockHash(value: readonly unknown[], start: number): string {
  const end = Math.min(value.length, start + BLOCK);
  const first = value[start];
  const known = first !== null && typeof first === 'object' ? blocks.get(first) : undefined;
  if (known) {
    for (const block of known) {
      if (block.items.length !== end - start) continue;
      let same = true;
      for (let i = start; i < end && same; i++) same = block.items[i - start] === value[i];
      if (same) return block.hash;
    }
  }
  const items = value.slice(start, end);
  const hash = hashString(items.map(nodeRepr).join(','));
  if (first !== null && typeof first === 'object') {
    const list = known ?? [];
    // Only the last few versions of a block are worth remembering (a block fills up over a few days).
    if (list.length >= 4) list.shift();
    list.push({ items, hash });
    if (!known) blocks.set(first, list);
  }
  return hash;
}

function arrayText(value: readonly unknown[]): string {
  if (value.length <= BLOCK) return `[${value.map(nodeRepr).join(',')}]`;
  const parts: string[] = [];
  for (let start = 0; start < value.length; start += BLOCK) parts.push(blockHash(value, start));
  return `[blocks:${value.length}:${parts.join(',')}]`;
}

function nodeRepr(value: unknown): string {
  return value !== null && typeof value === 'object' ? `#${treeHash(value)}` : primitiveJson(value);
}

function treeHash(value: object): string {
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  let text: string;
  if (Array.isArray(value)) text = arrayText(value);
  else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    text = `{${keys.map((k) => `${JSON.stringify(k)}:${nodeRepr(record[k])}`).join(',')}}`;
  }
  const hash = hashString(text);
  cache.set(value, hash);
  return hash;
}

/** Hash of any JSON value. Objects must not be mutated after they are hashed. */
export function hashValue(value: unknown): string {
  return value !== null && typeof value === 'object' ? treeHash(value) : hashString(primitiveJson(value));
}
