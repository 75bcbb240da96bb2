import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashOwned, hashValue } from '../../src/sim/hash';
import { referenceHash } from './hash-reference';

const json = fc.jsonValue({ maxDepth: 4 });
const longArray = fc.array(fc.record({ a: fc.integer(), b: fc.string({ maxLength: 3 }) }), { minLength: 60, maxLength: 300 });

describe('the state hash', () => {
  it('depends on content only, not on object identity or key order', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(hashValue(structuredClone(value))).toBe(hashValue(value));
      }),
    );
    expect(hashValue({ a: 1, b: [2, { c: 3, d: 4 }] })).toBe(hashValue({ b: [2, { d: 4, c: 3 }], a: 1 }));
  });

  it('changes when any element of a long, partly shared array changes', () => {
    fc.assert(
      fc.property(longArray, fc.nat(), fc.integer(), (items, at, delta) => {
        const index = at % items.length;
        const before = hashValue(items);
        // Share every object but one, as an immer update does, then change that one.
        const changed = items.map((item, i) => (i === index ? { ...item, a: item.a + (delta === 0 ? 1 : delta) } : item));
        expect(hashValue(changed)).not.toBe(before);
        expect(hashValue(items)).toBe(before);
        // Appending keeps the shared prefix but still changes the hash.
        expect(hashValue([...items, { a: 0, b: '' }])).not.toBe(before);
      }),
      { numRuns: 200 },
    );
  });

  it('tells apart values that print alike', () => {
    expect(hashValue([1, 2])).not.toBe(hashValue(['1', '2']));
    expect(hashValue({ a: null })).not.toBe(hashValue({}));
    expect(hashValue([[1], [2]])).not.toBe(hashValue([[1, 2]]));
  });

  it('is the hash of the canonical text, whether cached or computed afresh', () => {
    const record = fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(json, longArray, fc.constant(undefined)), { maxKeys: 6 });
    fc.assert(
      fc.property(record, fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }), (value, appendOnly) => {
        const expected = referenceHash(value);
        expect(hashValue(value)).toBe(expected);
        expect(hashOwned(value, new Set(appendOnly))).toBe(expected);
        // Twice: the second time from the caches.
        expect(hashValue(value)).toBe(expected);
        expect(hashOwned(value, new Set(Object.keys(value)))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('hashes a value changed in place anew each time, but for its append-only records', () => {
    const state = { units: [{ id: 'u1', strength: 2 }], news: [{ hour: 1, kind: 'arrival' }] };
    const appendOnly = new Set(['news']);
    const before = hashOwned(state, appendOnly);
    state.units[0]!.strength = 3;
    expect(hashOwned(state, appendOnly)).toBe(referenceHash(state));
    expect(hashOwned(state, appendOnly)).not.toBe(before);
    state.news.push({ hour: 2, kind: 'attack' });
    expect(hashOwned(state, appendOnly)).toBe(referenceHash(state));
  });
});

