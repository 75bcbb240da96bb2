/**
 * Hardened inputs: saves and result files come from disk, from other machines, from
 * students' hands. Random and mutated inputs never throw and always get a reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { playMatch } from '../../src/ai/match';
import { makeSave, parseSave } from '../../src/app/saves';
import { GameSession } from '../../src/app/session';
import { buildResult, parseResult } from '../../src/sim/result';
import { shippedContext } from '../helpers';
import { expectClear } from '../reason-helpers';

const ctx = shippedContext('tutorial');
const session = GameSession.start(ctx, 4, 'normal');
session.advanceHours(30);
const saveText = JSON.stringify(makeSave(session, '2026-11-25T00:00:00.000Z'));
const match = playMatch(ctx, { seed: 4, difficulty: 'normal', policy: 'baseline' });
const resultText = JSON.stringify(buildResult({ ctx, state: match.state, log: match.log, dailyHashes: match.dailyHashes, player: {} }));

/** A valid document with one random edit: a character changed, cut, or a value replaced. */
function mutated(text: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(fc.nat({ max: text.length - 1 }), fc.string({ minLength: 1, maxLength: 3 })).map(([at, s]) => text.slice(0, at) + s + text.slice(at + 1)),
    fc.nat({ max: text.length - 1 }).map((at) => text.slice(0, at)),
    fc.tuple(fc.constantFrom('seed', 'version', 'log', 'level', 'difficulty', 'dailyHashes', 'summary', 'format', 'stateHash'), fc.jsonValue({ maxDepth: 2 })).map(([key, value]) => {
      const doc = JSON.parse(text) as Record<string, unknown>;
      doc[key] = value;
      return JSON.stringify(doc);
    }),
  );
}

describe.each([
  ['a save', saveText, parseSave],
  ['a result file', resultText, parseResult],
] as const)('%s parser', (_name, valid, parse) => {
  it('accepts the valid document', () => {
    expect(parse(valid).ok).toBe(true);
  });

  it('never throws on random text, and explains what is wrong', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v) ?? '')), (text) => {
        const parsed = parse(text);
        if (!parsed.ok) expectClear(parsed.reason);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on mutated documents', () => {
    fc.assert(
      fc.property(mutated(valid), (text) => {
        const parsed = parse(text);
        if (!parsed.ok) expectClear(parsed.reason);
      }),
      { numRuns: 500 },
    );
  });
});
