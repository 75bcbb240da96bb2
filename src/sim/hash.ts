/**
 * Canonical state hash. Keys are sorted so the hash never depends on the order in which
 * properties were created; numbers print the same in Node and every browser.
 *
 * The hash is a tree hash over a canonical text: an object's text names its children's
 * hashes, and its hash is the hash of that text. The text is never built: its pieces are
 * fed to the hash as they come, which keeps hashing free of large strings.
 * - `hashValue` caches each object's hash by identity: for states that are never changed
 *   after they are made (immer's), so each day only what changed is visited;
 * - `hashOwned` hashes a state that is changed in place afresh, but for the records that
 *   never change once appended.
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
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'string') return quoted(value);
  return value === undefined ? 'null' : JSON.stringify(value);
}

/** Ids, kinds and keys repeat endlessly: their JSON form is made once. */
const quotes = new Map<string, string>();
function quoted(text: string): string {
  let q = quotes.get(text);
  if (q === undefined) {
    q = JSON.stringify(text);
    if (text.length <= 40 && quotes.size < 8192) quotes.set(text, q);
  }
  return q;
}

/*
 * cyrb53-style 64-bit string hash (two 32-bit lanes), written here because a hash library
 * would either pull in Node's crypto (not in the browser core) or be async (SubtleCrypto).
 * It detects desync and tampering by accident, not by an adversary with the source.
 *
 * The node being hashed keeps its lanes in `h1`/`h2`; a parent's lanes wait on a stack
 * while a child is hashed. A finished child leaves its hash in `r1`/`r2`, and its parent
 * feeds the hex digits of that hash without making a string of it.
 */
let h1 = 0;
let h2 = 0;
let r1 = 0;
let r2 = 0;
let stack = new Int32Array(64);
let depth = 0;

function begin(): void {
  if (depth + 2 > stack.length) {
    const grown = new Int32Array(stack.length * 2);
    grown.set(stack);
    stack = grown;
  }
  stack[depth] = h1;
  stack[depth + 1] = h2;
  depth += 2;
  h1 = 0xdeadbeef | 0;
  h2 = 0x41c6ce57;
}

function feedChar(ch: number): void {
  h1 = Math.imul(h1 ^ ch, 2654435761);
  h2 = Math.imul(h2 ^ ch, 1597334677);
}

function feed(text: string): void {
  let a = h1;
  let b = h2;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 2654435761);
    b = Math.imul(b ^ ch, 1597334677);
  }
  h1 = a;
  h2 = b;
}

/** The digits of a whole number, as `String(n)` prints them, without the string. */
function feedInteger(n: number): void {
  if (n < 0) {
    feedChar(45);
    n = -n;
  }
  let div = 1;
  while (div * 10 <= n) div *= 10;
  for (; div >= 1; div /= 10) {
    const digit = Math.floor(n / div);
    feedChar(48 + digit);
    n -= digit * div;
  }
}

/** End the node: its hash goes to `r1`/`r2`, and the parent's lanes come back. */
function end(): void {
  let a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  a = a | 0;
  r1 = a;
  r2 = b;
  depth -= 2;
  h1 = stack[depth]!;
  h2 = stack[depth + 1]!;
}

const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
const resultHex = (): string => hex(r2) + hex(r1);

/** Feed `#` and the 16 hex digits of a hash (high lane first), as the text names a child. */
function feedHash(high: number, low: number): void {
  feedChar(35);
  for (let shift = 28; shift >= 0; shift -= 4) {
    const d = (high >>> shift) & 15;
    feedChar(d < 10 ? 48 + d : 87 + d);
  }
  for (let shift = 28; shift >= 0; shift -= 4) {
    const d = (low >>> shift) & 15;
    feedChar(d < 10 ? 48 + d : 87 + d);
  }
}

export function hashString(text: string): string {
  begin();
  feed(text);
  end();
  return resultHex();
}

/**
 * Objects of one shape (the same keys in the same order) share one sorted key list, with
 * the keys' JSON ready, so a state's many convoys, units and records are not each sorted
 * and quoted anew.
 */
interface Shape {
  keys: readonly string[];
  sorted: readonly string[];
  /** `"key":` for each sorted key. */
  labels: readonly string[];
}
const shapes = new Map<string, Shape[]>();
const EMPTY: Shape = { keys: [], sorted: [], labels: [] };
function shapeOf(record: object): Shape {
  const keys = Object.keys(record);
  if (keys.length === 0) return EMPTY;
  const known = shapes.get(keys[0]!);
  if (known) {
    for (const shape of known) {
      if (shape.keys.length !== keys.length) continue;
      let same = true;
      for (let i = 1; i < keys.length && same; i++) same = shape.keys[i] === keys[i];
      if (same) return shape;
    }
  }
  const sorted = [...keys].sort();
  const shape = { keys, sorted, labels: sorted.map((k) => `${JSON.stringify(k)}:`) };
  // Shapes come from the code, not from play; the bound keeps odd inputs from growing it.
  if (!known) {
    if (shapes.size < 1024) shapes.set(keys[0]!, [shape]);
  } else if (known.length < 16) known.push(shape);
  return shape;
}

/** How a child object is hashed: it leaves its hash in `r1`/`r2`. */
/*
 * Below, `cached` says how an object's hash is found: from the identity cache (objects
 * never changed after they are made) or afresh (objects changed in place).
 */

function feedValue(value: unknown, cached: boolean): void {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) < 2 ** 31) feedInteger(value);
    else feed(Number.isFinite(value) ? String(value) : 'null');
  } else if (typeof value === 'string') feed(quoted(value));
  else if (value !== null && typeof value === 'object') {
    hashNode(value, cached);
    feedHash(r2, r1);
  } else feed(primitiveJson(value));
}

/** A record's text; the arrays named in `appendOnly` have elements that never change once appended (see hashOwned). */
function feedRecord(record: Record<string, unknown>, cached: boolean, appendOnly?: ReadonlySet<string>): void {
  const shape = shapeOf(record);
  feedChar(123);
  let first = true;
  for (let i = 0; i < shape.sorted.length; i++) {
    const k = shape.sorted[i]!;
    const v = record[k];
    if (v === undefined) continue;
    if (!first) feedChar(44);
    feed(shape.labels[i]!);
    if (appendOnly !== undefined && Array.isArray(v) && appendOnly.has(k)) {
      // The array itself changes (it grows); its elements do not.
      begin();
      feedArray(v, true);
      end();
      feedHash(r2, r1);
    } else feedValue(v, cached);
    first = false;
  }
  feedChar(125);
}

/**
 * Long arrays (the news feed, the history) grow by appending: a new array each day whose
 * first elements are the very same objects as the day before. They are hashed in blocks;
 * a block is reused when its elements are identical (===) to those of a block hashed before.
 */
const BLOCK = 64;
interface Block {
  items: readonly unknown[];
  high: number;
  low: number;
}
const blocks = new WeakMap<object, Block[]>();

/** Hash the elements from `start` to `stop` as one block (result in `r1`/`r2`). */
function hashItems(value: readonly unknown[], start: number, stop: number, cached: boolean): void {
  begin();
  for (let i = start; i < stop; i++) {
    if (i > start) feedChar(44);
    feedValue(value[i], cached);
  }
  end();
}

function cachedBlock(value: readonly unknown[], start: number): void {
  const stop = Math.min(value.length, start + BLOCK);
  const first = value[start];
  const known = first !== null && typeof first === 'object' ? blocks.get(first) : undefined;
  if (known) {
    for (const block of known) {
      if (block.items.length !== stop - start) continue;
      let same = true;
      for (let i = start; i < stop && same; i++) same = block.items[i - start] === value[i];
      if (same) {
        r2 = block.high;
        r1 = block.low;
        return;
      }
    }
  }
  hashItems(value, start, stop, true);
  if (first !== null && typeof first === 'object') {
    const list = known ?? [];
    // Only the last few versions of a block are worth remembering (a block fills up over a few days).
    if (list.length >= 4) list.shift();
    list.push({ items: value.slice(start, stop), high: r2, low: r1 });
    if (!known) blocks.set(first, list);
  }
}

/** An array's text; blocks of `BLOCK` elements are named by their hash. */
function feedArray(value: readonly unknown[], cached: boolean): void {
  if (value.length <= BLOCK) {
    feedChar(91);
    for (let i = 0; i < value.length; i++) {
      if (i > 0) feedChar(44);
      feedValue(value[i], cached);
    }
    feedChar(93);
    return;
  }
  feed(`[blocks:${value.length}:`);
  for (let start = 0; start < value.length; start += BLOCK) {
    if (start > 0) feedChar(44);
    if (cached) cachedBlock(value, start);
    else hashItems(value, start, Math.min(value.length, start + BLOCK), false);
    // A block is named by its hex digits alone, without the '#' of a child.
    for (let shift = 28; shift >= 0; shift -= 4) {
      const d = (r2 >>> shift) & 15;
      feedChar(d < 10 ? 48 + d : 87 + d);
    }
    for (let shift = 28; shift >= 0; shift -= 4) {
      const d = (r1 >>> shift) & 15;
      feedChar(d < 10 ? 48 + d : 87 + d);
    }
  }
  feedChar(93);
}

/** Hashes of objects that never change after they are made. */
const cache = new WeakMap<object, { high: number; low: number }>();

/** An object's hash, left in `r1`/`r2`. */
function hashNode(value: object, cached: boolean): void {
  if (cached) {
    const known = cache.get(value);
    if (known !== undefined) {
      r2 = known.high;
      r1 = known.low;
      return;
    }
  }
  begin();
  if (Array.isArray(value)) feedArray(value, cached);
  else feedRecord(value as Record<string, unknown>, cached);
  end();
  if (cached) cache.set(value, { high: r2, low: r1 });
}

/** Hash of any JSON value. Objects must not be mutated after they are hashed. */
export function hashValue(value: unknown): string {
  if (value === null || typeof value !== 'object') return hashString(primitiveJson(value));
  return guarded(() => hashNode(value, true));
}

/** Run a hash from the top; one that throws part way (a value nested too deep) must not leave the stack behind. */
function guarded(hash: () => void): string {
  const at = depth;
  const [a, b] = [h1, h2];
  try {
    hash();
    return resultHex();
  } finally {
    depth = at;
    h1 = a;
    h2 = b;
  }
}

/**
 * `hashValue` of an object that is changed in place between hashes (a headless game's
 * state). Its fields are hashed afresh every time, except the arrays named in
 * `appendOnly`: their elements never change once appended, so each element's hash (and
 * each full block of them) is computed once.
 */
export function hashOwned(value: Record<string, unknown>, appendOnly: ReadonlySet<string>): string {
  return guarded(() => {
    begin();
    feedRecord(value, false, appendOnly);
    end();
  });
}
