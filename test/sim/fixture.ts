/**
 * A small level for the rule tests, and helpers to play it. The numbers here belong to the
 * tests, not to the game's balance: tests read them from the context (`ctx.level`) or from
 * `src/sim/balance.ts`, never by value, so both can be tuned without breaking a test.
 *
 * Map (km, terrain):
 *
 *   kayes ──200 laterite── kita ──150 paved── kati ──15 paved── bamako
 *   (border, Senegal gate)   │                (rural)          (capital, depot)
 *                         180 laterite                            │
 *                            │                               160 paved
 *   siguiri ──160 laterite── bougouni ────────────────────────────┘
 *   (border, Guinea gate,    (rural)
 *    opens with alternateCorridor)
 */
import type { Immutable } from 'immer';
import { POLICIES, level as levelSchema, type LevelInput } from '../../src/levels/schema';
import { POLICY_RULES } from '../../src/sim/balance';
import { buildContext, type LevelContext } from '../../src/sim/context';
import { createInitialState } from '../../src/sim/init';
import { reduce } from '../../src/sim/reducer';
import type { Action, AiReason, CellId, ConvoyId, CorridorId, Difficulty, EntryId, GameState, RoadId, TownId, UnitId } from '../../src/sim/state';

export const DAYS = 30;

/** Enough budget to keep every policy in force for the whole level, whatever the policies cost. */
const ALL_POLICIES_PER_DAY_M = POLICIES.reduce((sum, p) => sum + POLICY_RULES[p].costPerDayM, 0);
const BUDGET_M = Math.min(1_000_000, Math.max(1000, ALL_POLICIES_PER_DAY_M * (DAYS + 10)));

const name = (en: string, fr = en): { en: string; fr: string } => ({ en, fr });

const FIXTURE: LevelInput = {
  id: 'sim-fixture',
  title: name('Rule test level', 'Niveau de test des règles'),
  summary: name('A small level for the simulation tests.', 'Un petit niveau pour les tests de la simulation.'),
  startDate: '2025-09-03',
  days: DAYS,
  sources: [
    {
      id: 'ap-2025-10-08',
      publisher: 'Associated Press (via Dayton Daily News)',
      title: "Desperate search for fuel in Mali's capital as al-Qaida-linked group enforces blockade",
      date: '2025-10-08',
      url: 'https://www.daytondailynews.com/news/nation-world/desperate-search-for-fuel-in-malis-capital-as-al-qaida-linked-group-enforces-blockade/VPNMDQYMSVISPEXZM2SG7GN3N4/',
    },
    {
      id: 'ecofin-2025-10-27',
      publisher: 'Ecofin Agency',
      title: 'Mali Shuts Schools Amid Fuel Crisis and Security Threats',
      date: '2025-10-27',
      url: 'https://www.ecofinagency.com/news-industry/2710-49879-mali-shuts-schools-amid-fuel-crisis-and-security-threats',
    },
  ],
  towns: [
    // Positions are drawn closer together than the real towns, so that the short test roads
    // are never shorter than the straight line between their ends (levels:check warns).
    { id: 'bamako', name: 'Bamako', lat: 12.639, lon: -8.003, kind: 'capital', country: 'ML' },
    { id: 'kati', name: 'Kati', lat: 12.704, lon: -8.044, kind: 'rural', country: 'ML', garrisonNeed: 1 },
    { id: 'kita', name: 'Kita', lat: 12.879, lon: -8.894, kind: 'city', country: 'ML' },
    { id: 'kayes', name: 'Kayes', lat: 13.726, lon: -10.061, kind: 'border', country: 'ML' },
    { id: 'bougouni', name: 'Bougouni', lat: 11.906, lon: -7.691, kind: 'rural', country: 'ML', garrisonNeed: 2 },
    { id: 'siguiri', name: 'Siguiri', lat: 11.909, lon: -8.703, kind: 'border', country: 'GN' },
  ],
  corridors: [
    { id: 'senegal', name: name('Senegal corridor', 'Corridor du Sénégal') },
    { id: 'guinea', name: name('Guinea corridor', 'Corridor guinéen') },
  ],
  roads: [
    { id: 'kayes-kita', from: 'kayes', to: 'kita', km: 200, terrain: 'laterite', risk: 40, corridor: 'senegal' },
    { id: 'kita-kati', from: 'kita', to: 'kati', km: 150, terrain: 'paved', risk: 20, corridor: 'senegal' },
    { id: 'kati-bamako', from: 'kati', to: 'bamako', km: 15, terrain: 'paved', risk: 5, corridor: 'senegal' },
    { id: 'kita-bougouni', from: 'kita', to: 'bougouni', km: 180, terrain: 'laterite', risk: 30, corridor: 'guinea' },
    { id: 'siguiri-bougouni', from: 'siguiri', to: 'bougouni', km: 160, terrain: 'laterite', risk: 30, corridor: 'guinea' },
    { id: 'bougouni-bamako', from: 'bougouni', to: 'bamako', km: 160, terrain: 'paved', risk: 25, corridor: 'guinea' },
  ],
  entryPoints: [
    { id: 'kayes-gate', town: 'kayes', corridor: 'senegal', country: 'SN', tankersPerDay: 20, morale: 70 },
    { id: 'siguiri-gate', town: 'siguiri', corridor: 'guinea', country: 'GN', tankersPerDay: 10, morale: 60, requiresPolicy: 'alternateCorridor' },
  ],
  depot: { town: 'bamako', stockL: 15_600_000 },
  tankerL: 46_000,
  sectors: {
    power: { demandL: 400_000, trustWeight: 5 },
    hospitals: { demandL: 50_000, trustWeight: 8 },
    water: { demandL: 80_000, trustWeight: 6 },
    transport: { demandL: 300_000, trustWeight: 4 },
    schools: { demandL: 30_000, trustWeight: 3 },
    security: { demandL: 100_000, trustWeight: 2 },
    retail: { demandL: 600_000, trustWeight: 4 },
  },
  economy: { pumpPriceCfa: 775, budgetM: BUDGET_M },
  units: [
    { id: 'escort-a', name: name('Escort group A', "Groupe d'escorte A"), strength: 5 },
    { id: 'escort-b', name: name('Escort group B', "Groupe d'escorte B"), strength: 4 },
    { id: 'kati-guard', name: name('Kati garrison', 'Garnison de Kati'), strength: 2, garrison: 'kati' },
  ],
  blockade: { cells: { easy: 1, normal: 2, hard: 3 }, strength: 3, startTowns: ['kita', 'bougouni'] },
  policies: [...POLICIES],
  events: [
    {
      id: 'queues',
      day: 3,
      title: name('Queues at the pumps', 'Files d’attente aux pompes'),
      body: name('Queues form at the few stations with fuel.', 'Des files se forment aux rares stations approvisionnées.'),
      sources: ['ap-2025-10-08'],
      effects: { trust: -5, morale: { corridor: 'senegal', delta: -10 }, foodPrice: 10 },
    },
    {
      id: 'relief-convoy',
      day: 5,
      title: name('A relief convoy reaches the depot', 'Un convoi de secours atteint le dépôt'),
      body: name('Ten tankers reach Bamako under army escort.', 'Dix citernes atteignent Bamako sous escorte.'),
      sources: ['ecofin-2025-10-27'],
      effects: { stockL: 460_000, budgetM: -100 },
    },
  ],
  randomEvents: [],
  collapse: { noFuelDays: 4 },
  balanceTargets: { policy: 'baseline', runs: 12, normal: [0, 1] },
};

/**
 * Overrides for a depot that never runs dry within the level (the fixture's own stock lasts
 * about ten days, then the city collapses for want of fuel): for tests that follow drivers,
 * cells or policies over weeks.
 */
export const STOCKED: Partial<LevelInput> = {
  depot: { ...FIXTURE.depot, stockL: (DAYS + 10) * Object.values(FIXTURE.sectors).reduce((sum, s) => sum + s.demandL, 0) },
};

/** A fresh copy of the fixture level as written (before zod defaults). */
export function fixture(): LevelInput {
  return structuredClone(FIXTURE);
}

/** The fixture's context, with top-level fields replaced by `overrides`. */
export function makeCtx(overrides: Partial<LevelInput> = {}): LevelContext {
  return buildContext(levelSchema.parse({ ...fixture(), ...overrides }));
}

const defaultCtx = makeCtx();

/** A new game on the fixture (or on `ctx`), on the morning of day 1. */
export function start(seed = 1, difficulty: Difficulty = 'normal', ctx: LevelContext = defaultCtx): { ctx: LevelContext; state: Immutable<GameState> } {
  return { ctx, state: createInitialState(ctx, seed, difficulty) };
}

/** Apply actions in order; an action the rules refuse fails the test, since later steps would not mean what they say. */
export function run(ctx: LevelContext, state: Immutable<GameState>, actions: readonly Action[]): Immutable<GameState> {
  let s = state;
  for (const action of actions) {
    s = reduce(ctx, s, action);
    if (s.lastError) throw new Error(`${action.type} refused: ${s.lastError.code} (${s.lastError.message})`);
  }
  return s;
}

/**
 * `n` hourly ticks. A tick refused because the game has ended fails the test: the state
 * would stand still, and a check on it would prove nothing about the hours after.
 */
export function ticks(ctx: LevelContext, state: Immutable<GameState>, n: number): Immutable<GameState> {
  let s = state;
  for (let i = 0; i < n; i++) {
    s = reduce(ctx, s, { type: 'tick' });
    if (s.lastError) throw new Error(`tick refused at hour ${s.hour}: ${s.lastError.code} (${s.lastError.message})`);
  }
  return s;
}

/** Tick until the absolute hour `hour` (no-op if already there). */
export function toHour(ctx: LevelContext, state: Immutable<GameState>, hour: number): Immutable<GameState> {
  return ticks(ctx, state, Math.max(0, hour - state.hour));
}

/** Tick until `done` holds, at most `max` hours; fails the test if it never does. */
export function tickUntil(ctx: LevelContext, state: Immutable<GameState>, done: (s: Immutable<GameState>) => boolean, max = 24 * 10): Immutable<GameState> {
  let s = state;
  for (let i = 0; i < max && !done(s); i++) s = reduce(ctx, s, { type: 'tick' });
  if (!done(s)) throw new Error(`condition not met within ${max} hours (hour ${s.hour})`);
  return s;
}

/** Typed ids of the fixture. */
export const id = {
  entry: (e: string) => e as EntryId,
  road: (r: string) => r as RoadId,
  town: (t: string) => t as TownId,
  unit: (u: string) => u as UnitId,
  cell: (c: string) => c as CellId,
  corridor: (c: string) => c as CorridorId,
  convoy: (n: number) => n as ConvoyId,
};

/** The Senegal route, border to depot. */
export const SENEGAL_ROUTE: RoadId[] = ['kayes-kita', 'kita-kati', 'kati-bamako'].map(id.road);
/** From Kayes by Kita and Bougouni: the alternative to the Kati road. */
export const KITA_BOUGOUNI_ROUTE: RoadId[] = ['kayes-kita', 'kita-bougouni', 'bougouni-bamako'].map(id.road);
export const GUINEA_ROUTE: RoadId[] = ['siguiri-bougouni', 'bougouni-bamako'].map(id.road);

export const REASON: AiReason = { code: 'test', factors: [{ name: 'because', value: 1 }] };

/** Fuel is conserved: what entered the game is in the depot, on the road, consumed, lost or sent back. */
export function fuelAccounted(ctx: LevelContext, s: Immutable<GameState>): number {
  let inTransit = 0;
  for (const c of s.convoys) inTransit += c.tankers * ctx.level.tankerL;
  return s.fuel.stockL + inTransit + s.fuel.consumedL + s.fuel.lostL + s.fuel.returnedL - s.fuel.acquiredL;
}

/** The state with `lastError` cleared: compare it with the state before a refused action. */
/** A copy of a state that a test may change, to call one rule directly. */
export const mutableCopy = (s: Immutable<GameState>): GameState => structuredClone(s) as GameState;

export const withoutError = (s: Immutable<GameState>): Immutable<GameState> => ({ ...s, lastError: null });

/** Lookups that fail loudly: a missing item is a broken test, not a rule. */
function found<T>(item: T | undefined, what: string): T {
  if (item === undefined) throw new Error(`no ${what}`);
  return item;
}
export const entryOf = <S extends Immutable<GameState>>(s: S, e: string): S['entries'][number] => found(s.entries.find((x) => x.id === e), `entry ${e}`);
export const unitOf = <S extends Immutable<GameState>>(s: S, u: string): S['units'][number] => found(s.units.find((x) => x.id === u), `unit ${u}`);
export const cellOf = <S extends Immutable<GameState>>(s: S, c: string): S['cells'][number] => found(s.cells.find((x) => x.id === c), `cell ${c}`);
export const townOf = <S extends Immutable<GameState>>(s: S, t: string): S['towns'][number] => found(s.towns.find((x) => x.id === t), `rural town ${t}`);
export const policyOf = <S extends Immutable<GameState>>(s: S, p: string): S['policies'][number] => found(s.policies.find((x) => x.id === p), `policy ${p}`);
export const convoyOf = <S extends Immutable<GameState>>(s: S, c: number): S['convoys'][number] => found(s.convoys.find((x) => x.id === c), `live convoy ${c}`);
export const pastOf = <S extends Immutable<GameState>>(s: S, c: number): S['pastConvoys'][number] => found(s.pastConvoys.find((x) => x.id === c), `past convoy ${c}`);
export const roadOf = (ctx: LevelContext, r: string) => found(ctx.roads.get(r), `road ${r}`);
