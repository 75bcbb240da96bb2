import { produce, type Immutable } from 'immer';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/app/i18n';
import { GRACE_HOURS, RETAKE_DAYS } from '../../src/sim/balance';
import { createInitialState } from '../../src/sim/init';
import { reduce } from '../../src/sim/reducer';
import type { CellId, GameState, TownId } from '../../src/sim/state';
import { townStatus, townStatusText, type TownStatus } from '../../src/ui/hud/town-status';
import { shippedContext } from '../helpers';

// The tutorial: Kolondiéba needs 2 and starts with the National Guard (2) in place; Siby needs 1.
const ctx = shippedContext('tutorial');
const start: Immutable<GameState> = createInitialState(ctx, 1, 'normal');
/** Past the first day, with no intel report yet (each row adds the reports it is about). */
const later = produce(start, (s) => {
  s.hour = 30;
  s.intel = [];
});
const edit = (base: Immutable<GameState>, change: (s: GameState) => void): Immutable<GameState> => produce(base, (s) => change(s as GameState));

const garrison = (unit: string, town: string, readyAt = 0) => (s: GameState) => {
  const u = s.units.find((x) => x.id === unit)!;
  u.task = { kind: 'garrison', town: town as TownId };
  u.readyAt = readyAt;
};
const noGarrison = (unit: string) => (s: GameState) => void (s.units.find((x) => x.id === unit)!.task = { kind: 'idle' });
const cellReport = (town: string, confidence: number) => (s: GameState) => void s.intel.push({ id: 900, hour: s.hour, kind: 'cell', town: town as TownId, confidence, source: 'informant' });
const fall = (town: string, garrisonThen: number, need: number) => (s: GameState) => {
  s.towns.find((x) => x.id === town)!.control = 'fallen';
  s.news.push({ hour: 40, kind: 'town', facts: { town, fallen: 1, garrison: garrisonThen, need } });
};
const cellsAway = (s: GameState) => void s.cells.forEach((c) => (c.town = 'zegoua' as TownId));
const all =
  (...changes: ((s: GameState) => void)[]) =>
  (s: GameState) =>
    changes.forEach((c) => c(s));

afterEach(() => setLang('en'));

describe('every rural town shows why it stands as it does', () => {
  const rows: [string, Immutable<GameState>, string, Partial<TownStatus>][] = [
    ['a garrison equal to the need holds, and nothing strikes in the first day', start, 'kolondieba', { kind: 'held', garrison: 2, need: 2, safeUntil: GRACE_HOURS }],
    ['a garrison above the need holds', edit(later, garrison('escort-1', 'kolondieba')), 'kolondieba', { kind: 'held', garrison: 5, safeUntil: null }],
    ['no garrison and no report: exposed', later, 'siby', { kind: 'exposed', garrison: 0, need: 1, threat: null }],
    ['armed men reported in the town: threatened', edit(later, cellReport('siby', 70)), 'siby', { kind: 'threatened', threat: 70 }],
    ['armed men reported one move away: threatened', edit(later, cellReport('kouremale', 55)), 'siby', { kind: 'threatened', threat: 55 }],
    ['armed men far away: only exposed', edit(later, cellReport('sikasso', 90)), 'siby', { kind: 'exposed', threat: null }],
    [
      'a unit on its way does not hold it yet, and says when it will',
      edit(later, garrison('patrol-1', 'siby', 40)),
      'siby',
      { kind: 'exposed', garrison: 0, arriving: { strength: 2, at: 40 } },
    ],
    ['its guard moved away: exposed below its need', edit(later, noGarrison('national-guard-1')), 'kolondieba', { kind: 'exposed', garrison: 0, need: 2 }],
    [
      'fallen, with nobody sent: says how it fell and what retakes it',
      edit(later, all(noGarrison('national-guard-1'), fall('kolondieba', 0, 2))),
      'kolondieba',
      { kind: 'fallen', blocked: 'no-garrison', fell: { hour: 40, garrison: 0, need: 2 } },
    ],
    [
      'fallen, a garrison equal to the need does not retake it',
      edit(later, all(fall('kolondieba', 1, 2), cellsAway)),
      'kolondieba',
      { kind: 'fallen', garrison: 2, blocked: 'too-weak' },
    ],
    [
      'fallen, a strong garrison waits while a cell is in the town',
      edit(later, all(noGarrison('national-guard-1'), garrison('escort-1', 'kolondieba'), fall('kolondieba', 0, 2))),
      'kolondieba',
      { kind: 'fallen', garrison: 3, blocked: 'cell-inside' },
    ],
    [
      'fallen, a strong garrison and no cell: retaking, night by night',
      edit(
        later,
        all(noGarrison('national-guard-1'), garrison('escort-1', 'kolondieba'), fall('kolondieba', 0, 2), cellsAway, (s) => void (s.towns.find((x) => x.id === 'kolondieba')!.retake = 1)),
      ),
      'kolondieba',
      { kind: 'retaking', blocked: null, retake: { nights: 1, of: RETAKE_DAYS } },
    ],
  ];

  it.each(rows)('%s', (_name, state, town, expected) => {
    const status = townStatus(ctx, state, town);
    expect(status).toMatchObject(expected);
    const text = townStatusText(ctx, status!);
    expect(text.line).toMatch(/\d/);
    expect(text.reasons.length).toBeGreaterThan(0);
    expect([text.line, ...text.reasons].join(' ')).not.toMatch(/\{\w+\}/);
  });

  it('towns that are not rural have no such status', () => {
    expect(townStatus(ctx, start, 'bamako')).toBeNull();
    expect(townStatus(ctx, start, 'zegoua')).toBeNull();
  });

  it('the reasons give the numbers: when it fell, with what, and how far the retaking is', () => {
    const fallen = edit(later, all(noGarrison('national-guard-1'), garrison('escort-1', 'kolondieba'), fall('kolondieba', 0, 2), cellsAway, (s) => void (s.towns.find((x) => x.id === 'kolondieba')!.retake = 2)));
    const text = townStatusText(ctx, townStatus(ctx, fallen, 'kolondieba')!);
    expect(text.line).toBe('↻ being retaken · night 2 of 3');
    expect(text.reasons).toEqual(['Fell on 4 September 2025, 16:00: its garrison had strength 0 of the 2 it needed.', 'Your garrison, stronger than 2, is retaking it: 2 of 3 nights held.']);
    setLang('fr');
    expect(townStatusText(ctx, townStatus(ctx, fallen, 'kolondieba')!).line).toBe('↻ reprise en cours · nuit 2 sur 3');
  });

  it('what the card calls held, the rules hold against the strongest cell', () => {
    const strong = edit(later, (s) => {
      const cell = s.cells[0]!;
      cell.town = 'kolondieba' as TownId;
      cell.strength = 20;
      cell.readyAt = 0;
    });
    expect(townStatus(ctx, strong, 'kolondieba')!.kind).toBe('held');
    const attacked = reduce(ctx, strong, { type: 'ai/attackTown', town: 'kolondieba' as TownId, cell: 'cell-1' as CellId, reason: { code: 'test', factors: [] } });
    expect(attacked.lastError).toBeNull();
    expect(attacked.towns.find((x) => x.id === 'kolondieba')!.control).toBe('held');
    // The same cell against the same town shown exposed takes it.
    const exposed = edit(strong, noGarrison('national-guard-1'));
    expect(townStatus(ctx, exposed, 'kolondieba')!.kind).toBe('exposed');
    const taken = reduce(ctx, exposed, { type: 'ai/attackTown', town: 'kolondieba' as TownId, cell: 'cell-1' as CellId, reason: { code: 'test', factors: [] } });
    expect(taken.towns.find((x) => x.id === 'kolondieba')!.control).toBe('fallen');
  });
});

