import { describe, expect, it } from 'vitest';
import { playMatch } from '../../src/ai/match';
import { buildResult, parseResult, verifyResult } from '../../src/sim/result';
import type { Action } from '../../src/sim/state';
import { shippedContext } from '../helpers';

const ctx = shippedContext('bamako-2025', 20);
const match = playMatch(ctx, { seed: 5, difficulty: 'normal', policy: 'baseline' });
const result = buildResult({ ctx, state: match.state, log: match.log, dailyHashes: match.dailyHashes, player: { policy: 'baseline' } });

describe('determinism and replay', () => {
  it('gives the same final hash for the same seed, and another for another seed', () => {
    expect(playMatch(ctx, { seed: 5, difficulty: 'normal', policy: 'baseline' }).finalStateHash).toBe(match.finalStateHash);
    expect(playMatch(ctx, { seed: 6, difficulty: 'normal', policy: 'baseline' }).finalStateHash).not.toBe(match.finalStateHash);
  });

  it('records one hash per day played', () => {
    expect(match.dailyHashes).toHaveLength(match.state.history.length);
  });

  it('verifies an untouched result file after a JSON round trip', () => {
    const parsed = parseResult(JSON.stringify(result));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(verifyResult(ctx, parsed.value)).toEqual({ ok: true, hash: match.finalStateHash });
  });

  it('names the first day that differs when an action is tampered with', () => {
    const log = structuredClone(result.log);
    const index = log.findIndex((a, i) => a.type === 'convoy/form' && i > log.length / 2);
    const form = log[index] as Extract<Action, { type: 'convoy/form' }>;
    form.tankers = Math.max(1, form.tankers - 1);
    const tickBefore = log.slice(0, index).filter((a) => a.type === 'tick').length;
    const verdict = verifyResult(ctx, { ...result, log });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.day).toBe(Math.floor(tickBefore / 24) + 1);
  });

  it('fails a truncated log, a forged summary and a changed daily hash', () => {
    expect(verifyResult(ctx, { ...result, log: result.log.slice(0, -30) }).ok).toBe(false);
    expect(verifyResult(ctx, { ...result, summary: { ...result.summary, score: result.summary.score + 1 } }).ok).toBe(false);
    const hashes = [...result.dailyHashes];
    hashes[3] = '0000000000000000';
    expect(verifyResult(ctx, { ...result, dailyHashes: hashes })).toMatchObject({ ok: false, day: 4 });
  });

  it('refuses a result for another version of the level', () => {
    const other = shippedContext('bamako-2025', 20);
    const changed = { ...other, levelHash: 'ffffffffffffffff' };
    expect(verifyResult(changed, result)).toMatchObject({ ok: false });
  });

  it.each([
    ['', 'empty'],
    ['{"format":', 'not JSON'],
    ['[]', '(root)'],
    ['{"format":"something-else","version":1}', 'not a Lifeline'],
    [JSON.stringify({ ...result, version: 99 }), 'newer'],
    [JSON.stringify({ ...result, seed: 'x' }), 'seed'],
    [JSON.stringify({ ...result, dailyHashes: ['nothex'] }), 'dailyHashes'],
    ['x'.repeat(9 * 1024 * 1024), 'larger'],
  ])('rejects a malformed result file (%#) with a clear message', (text, message) => {
    const parsed = parseResult(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});
