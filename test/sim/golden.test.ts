/**
 * Golden games: one 60-day game of bamako-2025 per shipped coordinator, recorded as result
 * files (test/sim/golden/*.json, made by make-golden.ts). The verifier replays each from its
 * log, recomputing the blockade's moves, and must reach every recorded daily hash; playing
 * the same coordinator and seed again must give the very same log. A failure here means the
 * rules changed: if that was the intent, record the games again and say so.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playMatch } from '../../src/ai/match';
import { parseResult, verifyResult } from '../../src/sim/result';
import { shippedContext } from '../helpers';
import { GOLDEN_POLICIES, GOLDEN_SEED } from './golden/policies';

const ctx = shippedContext('bamako-2025', 60);

describe.each(GOLDEN_POLICIES)('the golden %s game', (policy) => {
  const parsed = parseResult(readFileSync(new URL(`./golden/${policy}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`golden/${policy}.json does not read: ${parsed.reason.code}`);
  const golden = parsed.value;

  it('verifies: its replay reaches every recorded daily hash and its final state', () => {
    expect(verifyResult(ctx, golden)).toMatchObject({ ok: true, hash: golden.summary.finalStateHash });
  });

  it('is what the coordinator plays again on the same seed', () => {
    const again = playMatch(ctx, { seed: GOLDEN_SEED, difficulty: 'normal', policy });
    expect(again.dailyHashes).toEqual(golden.dailyHashes);
    expect(again.log.length).toBe(golden.log.length);
    expect(again.finalStateHash).toBe(golden.summary.finalStateHash);
  });
});
