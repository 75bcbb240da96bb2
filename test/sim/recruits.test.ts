/**
 * How the armed group grows: each morning it gathers recruits, RECRUITS_PER_FALLEN_TOWN
 * for every town it holds and RECRUITS_UNDER_BAN while the rural fuel ban is in force.
 * CELL_RECRUITS of them make its weakest cell stronger (up to GROWN_STRENGTH), then
 * NEW_CELL_RECRUITS a new cell (up to EXTRA_CELLS more than it started with), then its
 * cells stronger still (up to CELL_MAX_STRENGTH). Apart from recruits, cells only regain
 * what they lost, up to the strength the group started with.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CELL_MAX_STRENGTH,
  CELL_RECRUITS,
  CELL_REGEN_DAYS,
  EXTRA_CELLS,
  GROWN_STRENGTH,
  HOURS_PER_DAY,
  NEW_CELL_RECRUITS,
  NEW_CELL_STRENGTH,
  RECRUITS_PER_FALLEN_TOWN,
  RECRUITS_UNDER_BAN,
} from '../../src/sim/balance';
import { recruit, regenerateCells } from '../../src/sim/rules/blockade';
import type { CellId, GameState, TownId } from '../../src/sim/state';
import { STOCKED, makeCtx, mutableCopy, policyOf, start, toHour, townOf } from './fixture';

const quiet = makeCtx({ events: [] });
const startCells = quiet.level.blockade.cells.normal;
const maxCells = startCells + EXTRA_CELLS;

/** A morning's state: cells of the given strengths, `recruits` waiting, towns fallen, the ban on or off. */
function group(opts: { strengths: number[]; recruits?: number; fallen?: string[]; ban?: boolean }): GameState {
  const s = mutableCopy(start(1, 'normal', quiet).state);
  s.cells = opts.strengths.map((strength, i) => ({ id: `cell-${i + 1}` as CellId, town: 'kita' as TownId, strength, readyAt: 0 }));
  s.group.cellsMade = s.cells.length;
  s.group.recruits = opts.recruits ?? 0;
  for (const town of opts.fallen ?? []) townOf(s, town).control = 'fallen';
  if (opts.ban) policyOf(s, 'banRuralSales').status = 'active';
  return s;
}

describe('recruits gathered each morning', () => {
  it.each([
    ['no town held, no ban', [], false, 0],
    ['no town held, under the ban', [], true, RECRUITS_UNDER_BAN],
    ['one town held, no ban', ['kati'], false, RECRUITS_PER_FALLEN_TOWN],
    ['two towns held, no ban', ['kati', 'bougouni'], false, 2 * RECRUITS_PER_FALLEN_TOWN],
    ['two towns held, under the ban', ['kati', 'bougouni'], true, 2 * RECRUITS_PER_FALLEN_TOWN + RECRUITS_UNDER_BAN],
  ])('%s: %s', (_what, fallen, ban, gathered) => {
    // Strong cells at the most cells the group may have: the recruits only gather.
    const s = group({ strengths: Array.from({ length: maxCells }, () => CELL_MAX_STRENGTH), fallen, ban });
    recruit(quiet, s);
    expect(s.group.recruits).toBe(Math.min(NEW_CELL_RECRUITS, gathered));
    expect(s.cells.map((c) => c.strength)).toEqual(Array.from({ length: maxCells }, () => CELL_MAX_STRENGTH));
  });

  it('recruits the group cannot arm wait, up to NEW_CELL_RECRUITS and no more', () => {
    const s = group({ strengths: Array.from({ length: maxCells }, () => CELL_MAX_STRENGTH), ban: true, fallen: ['kati'] });
    for (let day = 0; day < 3 * NEW_CELL_RECRUITS; day++) recruit(quiet, s);
    expect(s.group.recruits).toBe(NEW_CELL_RECRUITS);
  });
});

describe('what recruits make, in order', () => {
  it.each([
    ['short of CELL_RECRUITS, nothing changes', [2, 3], CELL_RECRUITS - RECRUITS_UNDER_BAN - 1, [2, 3], CELL_RECRUITS - 1],
    ['CELL_RECRUITS make the weakest cell a point stronger', [3, 2], CELL_RECRUITS - RECRUITS_UNDER_BAN, [3, 3], 0],
    ['a cell below GROWN_STRENGTH comes before a new cell', [GROWN_STRENGTH, GROWN_STRENGTH - 1], NEW_CELL_RECRUITS - RECRUITS_UNDER_BAN, [GROWN_STRENGTH, GROWN_STRENGTH], NEW_CELL_RECRUITS - CELL_RECRUITS],
    [
      'with every cell at GROWN_STRENGTH, NEW_CELL_RECRUITS make a new cell of NEW_CELL_STRENGTH',
      [GROWN_STRENGTH, GROWN_STRENGTH],
      NEW_CELL_RECRUITS - RECRUITS_UNDER_BAN,
      [GROWN_STRENGTH, GROWN_STRENGTH, NEW_CELL_STRENGTH],
      0,
    ],
    [
      'with every cell at GROWN_STRENGTH, CELL_RECRUITS are not enough for a new cell',
      [GROWN_STRENGTH, GROWN_STRENGTH],
      CELL_RECRUITS,
      [GROWN_STRENGTH, GROWN_STRENGTH],
      CELL_RECRUITS + RECRUITS_UNDER_BAN,
    ],
    [
      'at EXTRA_CELLS more cells than at the start, CELL_RECRUITS make the weakest stronger beyond GROWN_STRENGTH',
      Array.from({ length: maxCells }, (_, i) => (i === 1 ? GROWN_STRENGTH : CELL_MAX_STRENGTH)),
      CELL_RECRUITS - RECRUITS_UNDER_BAN,
      Array.from({ length: maxCells }, (_, i) => (i === 1 ? GROWN_STRENGTH + 1 : CELL_MAX_STRENGTH)),
      0,
    ],
  ])('%s', (_what, strengths, recruits, after, left) => {
    const s = group({ strengths, recruits, ban: true });
    recruit(quiet, s);
    expect(s.cells.map((c) => c.strength)).toEqual(after);
    expect(s.group.recruits).toBe(left);
  });

  it('a new cell forms in a town the group holds, ready a day later, and makes the news', () => {
    const s = group({ strengths: [GROWN_STRENGTH, GROWN_STRENGTH], recruits: NEW_CELL_RECRUITS - RECRUITS_PER_FALLEN_TOWN, fallen: ['bougouni'] });
    recruit(quiet, s);
    expect(s.cells.at(-1)).toEqual({ id: 'cell-3', town: 'bougouni', strength: NEW_CELL_STRENGTH, readyAt: s.hour + HOURS_PER_DAY });
    expect(s.group.cellsMade).toBe(3);
    expect(s.news.at(-1)).toMatchObject({ kind: 'recruits', facts: { town: 'bougouni', cells: 3 } });
  });

  it('holding no town, a new cell forms where the group started', () => {
    const s = group({ strengths: [GROWN_STRENGTH, GROWN_STRENGTH], recruits: NEW_CELL_RECRUITS - RECRUITS_UNDER_BAN, ban: true });
    recruit(quiet, s);
    expect(quiet.level.blockade.startTowns).toContain(s.cells.at(-1)!.town);
  });
});

describe('recruitment under the rural fuel ban, and without it', () => {
  /** Mornings of a game in which the ban came into force (or not) on day 1, with every cell weakened to 1. */
  function grow(ban: boolean, days: number): GameState {
    const s = group({ strengths: Array.from({ length: startCells }, () => 1), ban });
    for (let day = 2; day <= days + 1; day++) {
      regenerateCells(quiet, s, day);
      recruit(quiet, s);
    }
    return s;
  }
  const power = (s: GameState): number => s.cells.reduce((sum, c) => sum + c.strength, 0);

  it(`without the ban (and no town held), cells only regain what they lost, up to the starting strength (${quiet.level.blockade.strength})`, () => {
    const s = grow(false, 10 * CELL_REGEN_DAYS);
    expect(s.cells.map((c) => c.strength)).toEqual(Array.from({ length: startCells }, () => quiet.level.blockade.strength));
    expect(s.group.recruits).toBe(0);
  });

  it.each([1, 2, 3])('under the ban, after %i × CELL_REGEN_DAYS days the group is stronger than without it', (periods) => {
    const banned = grow(true, periods * CELL_REGEN_DAYS);
    const allowed = grow(false, periods * CELL_REGEN_DAYS);
    expect(banned.cells.length + power(banned)).toBeGreaterThan(allowed.cells.length + power(allowed));
  });

  it('under the ban, in a game, the group grows beyond its starting strength by day 20', () => {
    const ctx = makeCtx({ events: [], ...STOCKED });
    const first = mutableCopy(start(1, 'normal', ctx).state);
    const startPower = power(first);
    policyOf(first, 'banRuralSales').status = 'active';
    const day20 = mutableCopy(toHour(ctx, first, 20 * HOURS_PER_DAY));
    expect(day20.cells.length + power(day20)).toBeGreaterThan(first.cells.length + startPower);
    const without = mutableCopy(toHour(ctx, start(1, 'normal', ctx).state, 20 * HOURS_PER_DAY));
    expect(without.cells.length + power(without)).toBe(first.cells.length + startPower);
  });
});

describe('properties of the group’s growth', () => {
  it('over any mornings, with any towns held and the ban on or off, cells stay within 1..CELL_MAX_STRENGTH, their number within the cap, recruits within 0..NEW_CELL_RECRUITS, and the group never shrinks', () => {
    const morning = fc.record({ ban: fc.boolean(), kati: fc.boolean(), bougouni: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: CELL_MAX_STRENGTH }), { minLength: 1, maxLength: maxCells }),
        fc.integer({ min: 0, max: NEW_CELL_RECRUITS }),
        fc.array(morning, { minLength: 1, maxLength: 80 }),
        (strengths, recruits, mornings) => {
          const s = group({ strengths, recruits });
          const cap = Math.max(maxCells, strengths.length);
          let day = 1;
          for (const m of mornings) {
            const before = { cells: s.cells.length, power: s.cells.reduce((sum, c) => sum + c.strength, 0) };
            policyOf(s, 'banRuralSales').status = m.ban ? 'active' : 'off';
            townOf(s, 'kati').control = m.kati ? 'fallen' : 'held';
            townOf(s, 'bougouni').control = m.bougouni ? 'fallen' : 'held';
            day += 1;
            regenerateCells(quiet, s, day);
            recruit(quiet, s);
            for (const c of s.cells) {
              if (!Number.isInteger(c.strength) || c.strength < 1 || c.strength > CELL_MAX_STRENGTH) return false;
            }
            if (s.cells.length > cap || s.cells.length < before.cells) return false;
            if (s.cells.reduce((sum, c) => sum + c.strength, 0) < before.power) return false;
            if (s.group.recruits < 0 || s.group.recruits > NEW_CELL_RECRUITS) return false;
            if (new Set(s.cells.map((c) => c.id)).size !== s.cells.length) return false;
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});
