/**
 * Invariants over random sequences of legal and illegal actions: the rules never throw,
 * fuel is conserved, indicators stay in range, the input state is never mutated, and the
 * in-place fold of headless runs agrees with the immutable reducer after every action.
 */
import type { Immutable } from 'immer';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICIES, SECTORS, level as levelSchema } from '../../src/levels/schema';
import { BORDER_WAIT_DAYS, CELL_MAX_STRENGTH, EXTRA_CELLS, GRACE_HOURS, NEW_CELL_RECRUITS, THREAT_MAX_EXTRA_DELAY, THREAT_SETUP_HOURS } from '../../src/sim/balance';
import { buildContext, type LevelContext } from '../../src/sim/context';
import { createInitialState } from '../../src/sim/init';
import { Fold } from '../../src/sim/fold';
import { stateHash, step } from '../../src/sim/replay';
import { inTransitL } from '../../src/sim/selectors';
import type { Action, GameState } from '../../src/sim/state';

const load = (file: string): LevelContext => buildContext(levelSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
const tutorial = load('levels/tutorial.json');
const bamako = load('levels/bamako-2025.json');

function actionArb(ctx: LevelContext): fc.Arbitrary<Action[]> {
  const { level } = ctx;
  const entryIds = level.entryPoints.map((e) => e.id);
  const roadIds = level.roads.map((r) => r.id);
  const townIds = level.towns.map((t) => t.id);
  const unitIds = level.units.map((u) => u.id);
  const cellIds = ['cell-1', 'cell-2', 'cell-3', 'cell-9'];
  const anyId = (ids: string[]) => fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 6 }));
  const route = fc.oneof(
    fc.constantFrom(...[...ctx.routes.values()].flat()),
    fc.array(fc.constantFrom(...roadIds), { maxLength: 5 }),
  );
  const reason = fc.constant({ code: 'test', factors: [{ name: 'x', value: 1 }] });
  const hours = fc.integer({ min: 1, max: 40 }).map((n) => Array.from({ length: n }, (): Action => ({ type: 'tick' })));
  const one: fc.Arbitrary<unknown> = fc.oneof(
    fc.record({ type: fc.constant('plan/set'), plan: fc.record(Object.fromEntries(SECTORS.map((s) => [s, fc.integer({ min: -10, max: 800_000 })]))) }),
    fc.record({
      type: fc.constant('convoy/form'),
      entry: anyId(entryIds),
      tankers: fc.integer({ min: -1, max: 60 }),
      route,
      departAt: fc.integer({ min: -5, max: 2000 }),
      escort: fc.array(anyId(unitIds), { maxLength: 2 }),
    }),
    fc.record({ type: fc.constantFrom('convoy/halt', 'convoy/resume', 'convoy/turnBack'), convoy: fc.integer({ min: 0, max: 12 }) }),
    fc.record({ type: fc.constant('convoy/reroute'), convoy: fc.integer({ min: 0, max: 12 }), route }),
    fc.record({
      type: fc.constant('unit/order'),
      unit: anyId(unitIds),
      task: fc.oneof(
        fc.constant({ kind: 'idle' }),
        fc.record({ kind: fc.constant('patrol'), road: anyId(roadIds) }),
        fc.record({ kind: fc.constant('garrison'), town: anyId(townIds) }),
        fc.record({ kind: fc.string({ maxLength: 5 }) }),
      ),
    }),
    fc.record({ type: fc.constantFrom('policy/enact', 'policy/revoke'), policy: fc.oneof(fc.constantFrom(...POLICIES), fc.string({ maxLength: 5 })) }),
    fc.record({ type: fc.constant('ai/move'), cell: anyId(cellIds), to: anyId(townIds), reason }),
    fc.record({ type: fc.constantFrom('ai/ambush', 'ai/checkpoint'), cell: anyId(cellIds), road: anyId(roadIds), reason }),
    // Timed threats, within and beyond the delays the rules accept.
    fc.record({
      type: fc.constantFrom('ai/ambush', 'ai/checkpoint'),
      cell: anyId(cellIds),
      road: anyId(roadIds),
      delay: fc.integer({ min: -1, max: THREAT_SETUP_HOURS + THREAT_MAX_EXTRA_DELAY + 2 }),
      reason,
    }),
    fc.record({ type: fc.constant('ai/raidBorder'), cell: anyId(cellIds), entry: anyId(entryIds), reason }),
    fc.record({ type: fc.constant('ai/attackTown'), cell: anyId(cellIds), town: anyId(townIds), reason }),
    fc.record({ type: fc.constantFrom('ai/intimidate', 'ai/declareBlockade'), cell: anyId(cellIds), corridor: anyId(level.corridors.map((c) => c.id)), reason }),
    fc.record({ type: fc.string({ maxLength: 8 }) }),
    fc.record({ type: fc.constant('ai/ambush'), cell: anyId(cellIds) }),
  );
  return fc.array(fc.oneof({ weight: 3, arbitrary: one.map((a) => [a as Action]) }, { weight: 2, arbitrary: hours }), { maxLength: 30 }).map((chunks) => chunks.flat());
}

/** The first broken invariant, or null. Plain checks: this runs after every action. */
function brokenInvariant(ctx: LevelContext, s: Immutable<GameState>): string | null {
  const f = s.fuel;
  const accounted = f.stockL + inTransitL(ctx, s) + f.consumedL + f.lostL + f.returnedL;
  if (accounted !== f.acquiredL) return `fuel not conserved: ${accounted} accounted for, ${f.acquiredL} acquired`;
  if (f.stockL < 0) return `negative stock ${f.stockL}`;
  if (s.city.trust < 0 || s.city.trust > 100) return `trust ${s.city.trust}`;
  for (const sector of SECTORS) if (s.services[sector] < 0 || s.services[sector] > 100) return `${sector} service ${s.services[sector]}`;
  for (const e of s.entries) {
    const cap = (ctx.entries.get(e.id)?.tankersPerDay ?? 0) * BORDER_WAIT_DAYS;
    if (e.morale < 0 || e.morale > 100 || e.offered < 0 || e.offered > cap) return `entry ${e.id} morale ${e.morale} offered ${e.offered}`;
  }
  for (const c of s.convoys) if (c.tankers <= 0 || c.tankers > c.tankersAtStart) return `convoy ${c.id} has ${c.tankers} tankers`;
  for (const c of s.cells) if (c.strength < 1 || c.strength > CELL_MAX_STRENGTH) return `cell ${c.id} strength ${c.strength}`;
  if (s.cells.length > ctx.level.blockade.cells[s.difficulty] + EXTRA_CELLS) return `${s.cells.length} cells`;
  if (s.group.recruits < 0 || s.group.recruits > NEW_CELL_RECRUITS) return `${s.group.recruits} recruits waiting`;
  // The grace: no threat is active, no town attacked and no tanker burned before GRACE_HOURS.
  for (const t of s.threats) if (t.from < GRACE_HOURS) return `threat ${t.id} active from hour ${t.from}`;
  if (s.hour < GRACE_HOURS && (s.metrics.townsFallen > 0 || s.metrics.tankersLost > 0 || s.aiMoves.some((m) => m.kind === 'attackTown' || m.kind === 'raidBorder'))) {
    return `an attack during the grace (hour ${s.hour})`;
  }
  if (s.city.budgetM < 0) return `budget ${s.city.budgetM}`;
  if (s.city.foodIndex < 100 || s.city.foodIndex > 400) return `food index ${s.city.foodIndex}`;
  return null;
}

/**
 * Freeze what is not frozen yet. States share unchanged parts, so each step only walks the
 * new objects; any write to a frozen input throws, and the reducer's safety net turns that
 * into an 'internal' error, which the property forbids.
 */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/**
 * Play a sequence through the immutable reducer (as the session does) and, in lockstep, in
 * place (as headless runs do): both give the same error after every action, the same
 * daily hashes and the same final state.
 */
function playSequence(ctx: LevelContext, seed: number, actions: Action[]): void {
  let state: Immutable<GameState> = createInitialState(ctx, seed, 'normal');
  const fold = new Fold(ctx, state as GameState, { dailyHashes: true });
  const hashes: string[] = [];
  for (const action of actions) {
    deepFreeze(state);
    const next = step(ctx, state, action, hashes);
    if (next.lastError?.code === 'internal') throw new Error(`${action.type} threw: ${next.lastError.message}`);
    if (next.lastError && next !== state) {
      // An illegal action changes nothing but the error it records.
      const { lastError: _a, ...after } = next;
      const { lastError: _b, ...before } = state;
      for (const key of Object.keys(before) as (keyof typeof before)[]) {
        if (after[key] !== before[key]) throw new Error(`illegal ${action.type} changed ${key}`);
      }
    }
    const broken = brokenInvariant(ctx, next);
    if (broken) throw new Error(`after ${JSON.stringify(action)}: ${broken}`);
    const foldError = fold.apply(action) ?? null;
    if (JSON.stringify(foldError) !== JSON.stringify(next.lastError)) {
      throw new Error(`after ${JSON.stringify(action)}: in place ${JSON.stringify(foldError)}, immutable ${JSON.stringify(next.lastError)}`);
    }
    state = next;
  }
  expect(fold.dailyHashes).toEqual(hashes);
  expect(fold.hash).toBe(stateHash(state));
  expect(fold.state).toEqual(state);
}

describe('random action sequences', () => {
  it('keep every invariant on the tutorial level (8,000 sequences)', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), actionArb(tutorial), (seed, actions) => playSequence(tutorial, seed, actions)),
      { numRuns: 8000 },
    );
  });

  it('keep every invariant on the Bamako 2025 level (2,000 sequences)', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), actionArb(bamako), (seed, actions) => playSequence(bamako, seed, actions)),
      { numRuns: 2000 },
    );
  });
});
