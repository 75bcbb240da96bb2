import { describe, expect, it } from 'vitest';
import { playMatch } from '../../src/ai/match';
import { buildResult, parseResult, verifyResult, type ResultFile } from '../../src/sim/result';
import { foldLog } from '../../src/sim/fold';
import { dayOf } from '../../src/sim/selectors';
import { english } from '../reason-helpers';
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
    if (parsed.ok) expect(verifyResult(ctx, parsed.value)).toMatchObject({ ok: true, hash: match.finalStateHash });
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
    expect(verifyResult(ctx, { ...result, log: result.log.slice(0, -30) })).toMatchObject({ ok: false, reason: { code: 'verify.dayUnreached' } });
    expect(verifyResult(ctx, { ...result, summary: { ...result.summary, score: result.summary.score + 1 } })).toEqual({ ok: false, reason: { code: 'verify.summary' } });
    const hashes = [...result.dailyHashes];
    hashes[3] = '0000000000000000';
    const verdict = verifyResult(ctx, { ...result, dailyHashes: hashes });
    expect(verdict).toEqual({ ok: false, day: 4, reason: { code: 'verify.dayDiffers', params: { day: 4 } } });
    if (!verdict.ok) expect(english(verdict.reason)).toBe('day 4: the state hash differs');
    expect(verifyResult(ctx, { ...result, dailyHashes: result.dailyHashes.slice(0, -1) })).toMatchObject({ ok: false, reason: { code: 'verify.dayMissing' } });
    expect(verifyResult(ctx, { ...result, summary: { ...result.summary, finalStateHash: '0000000000000000' } })).toEqual({ ok: false, reason: { code: 'verify.finalHash' } });
  });

  it('refuses a result for another version of the level', () => {
    const other = shippedContext('bamako-2025', 20);
    const changed = { ...other, levelHash: 'ffffffffffffffff' };
    expect(verifyResult(changed, result)).toEqual({ ok: false, reason: { code: 'verify.levelChanged', params: { level: 'bamako-2025' } } });
    const tutorial = shippedContext('tutorial');
    expect(verifyResult(tutorial, result)).toEqual({ ok: false, reason: { code: 'verify.otherLevel', params: { level: 'bamako-2025', expected: 'tutorial' } } });
  });

  it.each([
    ['', 'result.empty', 'the file is empty'],
    ['{"format":', 'result.notJson', 'not JSON'],
    ['[]', 'issue.type.object', 'the file must be a JSON object'],
    ['{"format":"something-else","version":1}', 'result.foreign', 'not a Lifeline: Bamako result file (format "something-else")'],
    [JSON.stringify({ ...result, version: 99 }), 'result.newer', 'version 99, newer than this game reads (1)'],
    [JSON.stringify({ ...result, seed: 'x' }), 'issue.type.number', 'the field “seed” must be a number'],
    [JSON.stringify({ ...result, dailyHashes: ['nothex'] }), 'issue.format', 'the field “dailyHashes.0” is not in the right format'],
    [JSON.stringify({ ...result, summary: { ...result.summary, outcome: 'won' } }), 'issue.oneOf', 'the field “summary.outcome” must be one of: "held", "collapsed", "playing"'],
    [JSON.stringify({ ...result, player: { alias: 'x'.repeat(61) } }), 'issue.tooBig.string', 'the field “player.alias” has too many characters (maximum: 60)'],
    ['x'.repeat(9 * 1024 * 1024), 'result.tooLarge', 'larger than 8 MiB'],
  ])('rejects a malformed result file (%#) with a clear message', (text, code, message) => {
    const parsed = parseResult(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason.code).toBe(code);
    expect(english(parsed.reason)).toContain(message);
  });

  describe('a forged log, with every hash rebuilt by the game\'s own code, is caught', () => {
    /** What a student with the source could hand in: the edited log folded again, its hashes and summary recomputed. */
    function forged(log: Action[]): ResultFile {
      const game = foldLog(ctx, result.seed, 'normal', log);
      return buildResult({ ctx, state: game.snapshot(), log, dailyHashes: game.dailyHashes, player: { policy: 'baseline' } });
    }
    const aiIndexes = result.log.flatMap((a, i) => (a.type.startsWith('ai/') ? [i] : []));
    const hourAt = (index: number) => result.log.slice(0, index).filter((a) => a.type === 'tick').length;
    const attacks = aiIndexes.filter((i) => result.log[i]!.type === 'ai/ambush' || result.log[i]!.type === 'ai/attackTown');

    it('the game has blockade moves to forge', () => {
      expect(attacks.length).toBeGreaterThan(0);
      expect(verifyResult(ctx, forged([...result.log]))).toMatchObject({ ok: true });
    });

    it.each([
      ['an attack dropped', (log: Action[], i: number) => log.splice(i, 1)],
      ['an attack moved to the next hour', (log: Action[], i: number) => {
        const [move] = log.splice(i, 1);
        const tick = log.findIndex((a, j) => j >= i && a.type === 'tick');
        log.splice(tick + 1, 0, move!);
      }],
      ['an attack turned into a move of the same cell', (log: Action[], i: number) => {
        const move = log[i] as Extract<Action, { type: 'ai/ambush' | 'ai/attackTown' }>;
        log[i] = { type: 'ai/move', cell: move.cell, to: ctx.level.blockade.startTowns[0], reason: move.reason } as Action;
      }],
      ['a reason changed', (log: Action[], i: number) => {
        const move = log[i] as Extract<Action, { type: 'ai/ambush' }>;
        log[i] = { ...move, reason: { ...move.reason, code: 'forged' } };
      }],
      ['an extra move added', (log: Action[], i: number) => log.splice(i, 0, { ...(log[i] as Action) })],
      ['a player command slipped between the blockade\'s moves and the clock', (log: Action[], i: number) => log.splice(i + 1, 0, { type: 'plan/set', plan: match.state.plan })],
    ])('%s', (_what, edit) => {
      const index = attacks[0]!;
      const log = structuredClone(result.log);
      edit(log, index);
      const verdict = verifyResult(ctx, forged(log));
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) {
        expect(['verify.aiDiffers', 'verify.outOfTurn']).toContain(verdict.reason.code);
        expect(verdict.day).toBe(dayOf(hourAt(index)));
      }
    });

    it('every blockade move removed', () => {
      const log = result.log.filter((a) => !a.type.startsWith('ai/'));
      const verdict = verifyResult(ctx, forged(log));
      expect(verdict).toMatchObject({ ok: false, reason: { code: 'verify.aiDiffers' }, day: dayOf(hourAt(aiIndexes[0]!)) });
    });
  });
});

