/**
 * Rural towns and border raids. A garrison at least as strong as its town's need holds the
 * town; weaker, the town's own people fight beside it (less when angry at the rural fuel
 * ban) and the dice decide. Retaking a fallen town takes more than its need. A cell next
 * to a border crossing inside the country can burn the tankers waiting there.
 */
import type { Immutable } from 'immer';
import { describe, expect, it } from 'vitest';
import { CELL_COOLDOWN_HOURS, CELL_MAX_STRENGTH, GRACE_HOURS, HOURS_PER_DAY, RETAKE_DAYS } from '../../src/sim/balance';
import { reduce } from '../../src/sim/reducer';
import { townDefence } from '../../src/sim/rules/blockade';
import { violenceFear } from '../../src/sim/rules/hauliers';
import type { AiAction, GameState } from '../../src/sim/state';
import {
  REASON,
  cellOf,
  entryOf,
  fuelAccounted,
  id,
  makeCtx,
  mutableCopy,
  policyOf,
  run,
  start,
  toHour,
  townOf,
  unitOf,
  withoutError,
} from './fixture';

const quiet = makeCtx({ events: [] });
const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
const attackTown = (cell: string, town: string): AiAction => ({ type: 'ai/attackTown', cell: id.cell(cell), town: id.town(town), reason: REASON });
const raid = (cell: string, entry: string): AiAction => ({ type: 'ai/raidBorder', cell: id.cell(cell), entry: id.entry(entry), reason: REASON });
const needOf = (town: string): number => quiet.towns.get(town)!.garrisonNeed!;

/**
 * Bougouni (cell-2 is there) at GRACE_HOURS with a garrison of `garrison` (0: none), the
 * cell at `cellStrength`, and the rural fuel ban in force or not.
 */
function bougouni(seed: number, garrison: number, cellStrength: number, ban = false): Immutable<GameState> {
  const s = mutableCopy(toHour(quiet, start(seed, 'normal', quiet).state, GRACE_HOURS));
  if (garrison > 0) {
    const unit = unitOf(s, 'escort-a');
    unit.strength = garrison;
    unit.task = { kind: 'garrison', town: id.town('bougouni') };
    unit.readyAt = s.hour;
  }
  cellOf(s, 'cell-2').strength = cellStrength;
  if (ban) policyOf(s, 'banRuralSales').status = 'active';
  return s;
}
const falls = (s: Immutable<GameState>): boolean => townOf(run(quiet, s, [attackTown('cell-2', 'bougouni')]), 'bougouni').control === 'fallen';

describe('a garrison at least as strong as its town’s need holds it', () => {
  const need = needOf('bougouni');
  it.each([
    ['exactly the need', need, false],
    ['more than the need', need + 2, false],
    ['the need, under the rural fuel ban', need, true],
  ])('a garrison of %s holds against the strongest cell on every seed', (_what, garrison, ban) => {
    for (const seed of seeds) expect(falls(bougouni(seed, garrison, CELL_MAX_STRENGTH, ban))).toBe(false);
  });

  it.each([
    ['one short of the need', need - 1],
    ['no garrison', 0],
  ])('with %s, the strongest cell takes the town on some seeds', (_what, garrison) => {
    expect(seeds.some((seed) => falls(bougouni(seed, garrison, CELL_MAX_STRENGTH)))).toBe(true);
  });

  it('a repelled attack costs the cell a point of strength and makes the news; the town and the garrison stay', () => {
    const state = bougouni(1, need, 4);
    const next = run(quiet, state, [attackTown('cell-2', 'bougouni')]);
    expect(cellOf(next, 'cell-2')).toMatchObject({ strength: 3, town: 'bougouni', readyAt: state.hour + 2 * CELL_COOLDOWN_HOURS });
    expect(townOf(next, 'bougouni').control).toBe('held');
    expect(next.news.at(-1)).toMatchObject({ kind: 'town', facts: { town: 'bougouni', held: 1, garrison: need, need } });
    expect(next.metrics.townsFallen).toBe(0);
  });

  it.each([
    ['without the rural fuel ban', false, needOf('bougouni') + 1],
    ['under the ban (angry people fight less)', true, Math.floor(needOf('bougouni') / 2)],
  ])('%s, the town’s own people defend it with %i', (_what, ban, own) => {
    expect(townDefence(bougouni(1, 0, 3, ban), quiet, 'bougouni')).toEqual({ garrison: 0, own });
  });

  it('an ungarrisoned town falls more often under the rural fuel ban than without it', () => {
    const without = seeds.filter((seed) => falls(bougouni(seed, 0, 3))).length;
    const under = seeds.filter((seed) => falls(bougouni(seed, 0, 3, true))).length;
    expect(under).toBeGreaterThan(without);
  });
});

describe(`retaking a fallen town takes a garrison stronger than its need, RETAKE_DAYS (${RETAKE_DAYS}) days running`, () => {
  const need = needOf('kati');
  /** Kati fallen at hour 0, held by a garrison of `garrison`; cell-1 stays in Kita. */
  function kati(garrison: number): Immutable<GameState> {
    const s = mutableCopy(start(1, 'normal', quiet).state);
    townOf(s, 'kati').control = 'fallen';
    unitOf(s, 'kati-guard').strength = garrison;
    return s;
  }
  it.each([
    [need, 'fallen'],
    [need + 1, 'held'],
    [need + 3, 'held'],
  ] as const)('with a garrison of %i the town is %s after RETAKE_DAYS days', (garrison, control) => {
    const state = toHour(quiet, kati(garrison), RETAKE_DAYS * HOURS_PER_DAY);
    expect(townOf(state, 'kati').control).toBe(control);
  });
});

describe('raids on the tankers waiting at a border', () => {
  const ready = (seed = 1): Immutable<GameState> => toHour(quiet, start(seed, 'normal', quiet).state, GRACE_HOURS);
  const none = (s: Immutable<GameState>): Immutable<GameState> => {
    const c = mutableCopy(s);
    entryOf(c, 'kayes-gate').offered = 0;
    return c;
  };
  it.each<[string, (s: Immutable<GameState>) => Immutable<GameState>, AiAction, string]>([
    ['an entry point the level does not have', (s) => s, raid('cell-1', 'dakar-gate'), 'unknown-entry'],
    ['a crossing across the border (Siguiri, in Guinea)', (s) => s, raid('cell-2', 'siguiri-gate'), 'abroad'],
    ['a crossing out of the cell’s reach', (s) => s, raid('cell-2', 'kayes-gate'), 'not-adjacent'],
    ['a crossing where no tanker waits', none, raid('cell-1', 'kayes-gate'), 'nothing-waiting'],
    ['a cell still resting', (s) => run(quiet, s, [raid('cell-1', 'kayes-gate')]), raid('cell-1', 'kayes-gate'), 'cell-busy'],
  ])('a raid on %s is refused and changes nothing', (_what, setup, action, code) => {
    const state = setup(ready());
    const next = reduce(quiet, state, action);
    expect(next.lastError).toMatchObject({ code, action: 'ai/raidBorder' });
    expect(withoutError(next)).toEqual({ ...state, lastError: null });
  });

  it.each(seeds.slice(0, 12))('seed %i: a raid burns a share of the waiting tankers set by the cell’s strength, kills, frightens drivers and costs trust', (seed) => {
    const state = ready(seed);
    const waiting = entryOf(state, 'kayes-gate').offered;
    const strength = cellOf(state, 'cell-1').strength;
    const next = run(quiet, state, [raid('cell-1', 'kayes-gate')]);
    const burned = waiting - entryOf(next, 'kayes-gate').offered;
    // 20 % + 5 % a point of strength, plus up to 10 % by chance, rounded up.
    expect(burned).toBeGreaterThanOrEqual(Math.ceil((waiting * (20 + 5 * strength)) / 100));
    expect(burned).toBeLessThanOrEqual(Math.min(waiting, Math.ceil((waiting * (30 + 5 * strength)) / 100)));
    expect(next.metrics.tankersLost - state.metrics.tankersLost).toBe(burned);
    expect(next.metrics.livesLost - state.metrics.livesLost).toBe(Math.ceil(burned / 4));
    expect(entryOf(next, 'kayes-gate').morale).toBe(Math.max(0, entryOf(state, 'kayes-gate').morale - violenceFear(mutableCopy(state), burned, false)));
    expect(next.city.pendingTrust.find((t) => t.cause === 'attacks')?.delta).toBe(-(1 + Math.floor(burned / 10)));
    expect(cellOf(next, 'cell-1').readyAt).toBe(state.hour + 2 * CELL_COOLDOWN_HOURS);
    expect(next.news.at(-1)).toMatchObject({ kind: 'raid', facts: { entry: 'kayes-gate', lost: burned, left: waiting - burned } });
    expect(next.aiMoves.at(-1)).toMatchObject({ kind: 'raidBorder', cell: 'cell-1', target: 'kayes-gate' });
    // Tankers at the border were never loaded: the fuel ledger is untouched.
    expect(next.fuel).toEqual(state.fuel);
    expect(fuelAccounted(quiet, next)).toBe(0);
  });

  it('the longer tankers wait, the more a raid burns', () => {
    const early = ready(3);
    const later = toHour(quiet, early, early.hour + 2 * HOURS_PER_DAY);
    expect(entryOf(later, 'kayes-gate').offered).toBeGreaterThan(entryOf(early, 'kayes-gate').offered);
    const burned = (s: Immutable<GameState>): number => s.metrics.tankersLost;
    expect(burned(run(quiet, later, [raid('cell-1', 'kayes-gate')]))).toBeGreaterThan(burned(run(quiet, early, [raid('cell-1', 'kayes-gate')])));
  });
});
