/**
 * The state hash written as plainly as possible: the canonical text of each node, built as
 * a string, then hashed. The game's hash feeds the same text piece by piece and caches; the
 * tests hold the two to the same result.
 */
import { hashString } from '../../src/sim/hash';

const BLOCK = 64;

function primitive(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return value === undefined ? 'null' : JSON.stringify(value);
}

function repr(value: unknown): string {
  return value !== null && typeof value === 'object' ? `#${referenceHash(value)}` : primitive(value);
}

export function referenceHash(value: unknown): string {
  if (value === null || typeof value !== 'object') return hashString(primitive(value));
  if (Array.isArray(value)) {
    if (value.length <= BLOCK) return hashString(`[${value.map(repr).join(',')}]`);
    const parts: string[] = [];
    for (let start = 0; start < value.length; start += BLOCK) parts.push(hashString(value.slice(start, start + BLOCK).map(repr).join(',')));
    return hashString(`[blocks:${value.length}:${parts.join(',')}]`);
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return hashString(`{${keys.map((k) => `${JSON.stringify(k)}:${repr(record[k])}`).join(',')}}`);
}
