import { POLICIES } from '../levels/constants';
import { START_TRUST } from './balance';
import { sectorMap } from './sectors';
import type { LevelContext } from './context';
import { seedRng } from './rng';
import { beginDay } from './rules/days';
import type { CellId, CorridorId, Difficulty, EntryId, GameState, TownId, UnitId } from './state';

export function createInitialState(ctx: LevelContext, seed: number, difficulty: Difficulty): GameState {
  const { level } = ctx;
  const startTowns = level.blockade.startTowns;
  const state: GameState = {
    version: 1,
    levelId: level.id,
    seed,
    difficulty,
    rng: seedRng(seed),
    hour: 0,
    status: 'playing',
    collapseReason: null,
    fuel: { stockL: level.depot.stockL, acquiredL: level.depot.stockL, consumedL: 0, lostL: 0, returnedL: 0 },
    plan: sectorMap((s) => level.sectors[s].demandL),
    services: sectorMap(() => 100),
    city: {
      trust: START_TRUST[difficulty],
      pumpPrice: level.economy.pumpPriceCfa,
      blackPrice: level.economy.pumpPriceCfa,
      queueHours: 0,
      foodIndex: 100,
      powerHours: 19,
      budgetM: level.economy.budgetM,
      noFuelDays: 0,
      schoolsShut: false,
      pendingTrust: [],
    },
    trustWhy: [],
    entries: level.entryPoints.map((e) => ({
      id: e.id as EntryId,
      morale: e.morale,
      offered: 0,
      open: e.requiresPolicy === undefined,
    })),
    blockaded: [] as CorridorId[],
    convoys: [],
    pastConvoys: [],
    nextId: 1,
    convoysFormed: 0,
    units: level.units.map((u) => ({
      id: u.id as UnitId,
      strength: u.strength,
      task: u.garrison ? { kind: 'garrison' as const, town: u.garrison as TownId } : { kind: 'idle' as const },
      readyAt: 0,
    })),
    towns: level.towns.filter((t) => t.kind === 'rural').map((t) => ({ id: t.id as TownId, control: 'held' as const, retake: 0 })),
    cells: Array.from({ length: level.blockade.cells[difficulty] }, (_, i) => ({
      id: `cell-${i + 1}` as CellId,
      town: startTowns[i % startTowns.length] as TownId,
      strength: level.blockade.strength,
      readyAt: 0,
    })),
    group: { recruits: 0, cellsMade: level.blockade.cells[difficulty], atBan: null },
    threats: [],
    intel: [],
    intelQueue: [],
    sightings: [],
    policies: POLICIES.map((id) => ({ id, status: 'off' as const, since: 0 })),
    news: [],
    aiMoves: [],
    history: [],
    metrics: {
      tankersDelivered: 0,
      tankersLost: 0,
      litresDelivered: 0,
      convoysAttacked: 0,
      livesLost: 0,
      driversTaken: 0,
      townsFallen: 0,
      educationDaysLost: 0,
      serviceSum: 0,
      serviceDays: 0,
    },
    lastError: null,
  };
  beginDay(ctx, state, 1);
  return state;
}
