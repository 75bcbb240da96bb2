/**
 * The armed group's moves, as the rules see them. The blockade AI (src/ai) chooses them;
 * here they are checked and applied like any player command. Every move records its
 * reason so the debrief can explain it.
 *
 * The group besieges the capital and never assaults it (its cells never enter it): it
 * strangles the city's supply, takes the rural towns left exposed, and grows where it
 * holds ground and where rural people are angry.
 */
import type { Immutable } from 'immer';
import {
  AMBUSH_HOURS,
  BAN_SQUEEZE_DAYS,
  BAN_SQUEEZE_MOVE,
  CELL_COOLDOWN_HOURS,
  CELL_MAX_STRENGTH,
  CELL_RECRUITS,
  CELL_REGEN_DAYS,
  CELL_SPEED_KMH,
  CHECKPOINT_HOURS,
  EXTRA_CELLS,
  GRACE_HOURS,
  GROWN_STRENGTH,
  HOURS_PER_DAY,
  MORALE_PER_BLOCKADE,
  MORALE_PER_INTIMIDATION,
  MORALE_THREAT_FLOOR,
  NEW_CELL_RECRUITS,
  NEW_CELL_STRENGTH,
  RECRUITS_PER_FALLEN_TOWN,
  RECRUITS_UNDER_BAN,
  THREAT_MAX_EXTRA_DELAY,
  THREAT_SETUP_HOURS,
  THREAT_SETUP_HOURS_NEAR_FALLEN,
} from '../balance';
import type { LevelContext } from '../context';
import { drawInt } from '../rng';
import { garrisonStrength, policy } from '../selectors';
import type { AiAction, AiMoveKind, Cell, CellId, CorridorId, GameState, SimError, TownId } from '../state';
import { addTrust, clamp, pushNews, simError } from './common';
import { nearHeldGround } from './convoys';
import { frightenDrivers, shiftMorale } from './hauliers';
import { telegraphThreat } from './intel';

function readyCell(state: GameState, a: AiAction): Cell | SimError {
  const cell = state.cells.find((c) => c.id === a.cell);
  if (!cell) return simError(a.type, 'unknown-cell', `no cell ${String(a.cell)}`);
  if (state.hour < cell.readyAt) return simError(a.type, 'cell-busy', `${cell.id} is busy until hour ${cell.readyAt}`);
  if (typeof a.reason !== 'object' || a.reason === null || typeof a.reason.code !== 'string' || !Array.isArray(a.reason.factors)) {
    return simError(a.type, 'no-reason', 'every blockade move carries a reason');
  }
  return cell;
}

function record(state: GameState, a: AiAction, kind: AiMoveKind, target: string): void {
  state.aiMoves.push({ hour: state.hour, kind, cell: a.cell, target, reason: a.reason });
}

/** The fewest hours a threat on this road takes to set up. */
export function setupHours(state: Immutable<GameState>, ctx: LevelContext, road: string): number {
  const def = ctx.roads.get(road);
  return def && nearHeldGround(state as GameState, def) ? THREAT_SETUP_HOURS_NEAR_FALLEN : THREAT_SETUP_HOURS;
}

/** Hours a cell takes to cover `km`: slower while the ban on rural fuel sales first squeezes it. */
export function travelHours(state: Immutable<GameState>, km: number): number {
  const hours = Math.ceil(km / CELL_SPEED_KMH);
  return banSqueeze(state) ? Math.ceil((hours * BAN_SQUEEZE_MOVE) / 100) : hours;
}

function banSqueeze(state: Immutable<GameState>): boolean {
  const ban = policy(state, 'banRuralSales');
  return ban.status === 'active' && state.hour < ban.since + BAN_SQUEEZE_DAYS * HOURS_PER_DAY;
}

/**
 * How strongly a rural town defends itself: its garrison, and its own people and local
 * militia (one more than the garrison it needs), who count for less when they are angry
 * at the ban on rural fuel sales.
 */
export function townDefence(state: Immutable<GameState>, ctx: LevelContext, town: string): { garrison: number; own: number } {
  const need = ctx.towns.get(town)?.garrisonNeed ?? 0;
  const angry = policy(state, 'banRuralSales').status === 'active';
  return { garrison: garrisonStrength(state, town), own: angry ? Math.floor(need / 2) : need + 1 };
}

/** A garrison at least as strong as its town's need (above 0) holds the town against any attack. */
export const garrisonHolds = (garrison: number, need: number): boolean => need > 0 && garrison >= need;

const tooEarly = (a: AiAction): SimError => simError(a.type, 'too-early', `nothing strikes before hour ${GRACE_HOURS}: the coordinator has not had time to act`);

export function applyBlockadeMove(ctx: LevelContext, state: GameState, a: AiAction): SimError | undefined {
  const cell = readyCell(state, a);
  if ('code' in cell) return cell;
  switch (a.type) {
    case 'ai/move': {
      const link = ctx.cellLinks.get(cell.town)?.find((l) => l.to === a.to);
      if (!link) return simError(a.type, 'not-adjacent', `${String(a.to)} is not one move from ${cell.town}`);
      cell.town = a.to;
      cell.readyAt = state.hour + travelHours(state, link.km);
      record(state, a, 'move', a.to);
      return undefined;
    }
    case 'ai/ambush':
    case 'ai/checkpoint': {
      const road = ctx.roads.get(a.road);
      if (!road || (road.from !== cell.town && road.to !== cell.town)) return simError(a.type, 'not-adjacent', `${String(a.road)} does not touch ${cell.town}`);
      if (state.threats.some((t) => t.road === a.road)) return simError(a.type, 'road-taken', `${a.road} already has a threat`);
      const kind = a.type === 'ai/ambush' ? 'ambush' : 'checkpoint';
      const setup = setupHours(state, ctx, road.id);
      const delay = a.delay ?? setup;
      if (!Number.isInteger(delay) || delay < setup || delay > THREAT_SETUP_HOURS + THREAT_MAX_EXTRA_DELAY) {
        return simError(a.type, 'bad-delay', `a threat here takes ${setup} to ${THREAT_SETUP_HOURS + THREAT_MAX_EXTRA_DELAY} hours to set up`);
      }
      const from = state.hour + delay;
      if (from < GRACE_HOURS) return tooEarly(a);
      const until = from + (kind === 'ambush' ? AMBUSH_HOURS : CHECKPOINT_HOURS);
      const threat = { id: state.nextId, kind, road: a.road, cell: cell.id, from, until } as const;
      state.nextId += 1;
      state.threats.push(threat);
      cell.readyAt = until;
      telegraphThreat(ctx, state, threat);
      record(state, a, kind, a.road);
      return undefined;
    }
    case 'ai/intimidate': {
      const onCorridor = (ctx.roadsAt.get(cell.town) ?? []).some((r) => r.corridor === a.corridor);
      if (!onCorridor) return simError(a.type, 'not-on-corridor', `${cell.town} is not on the ${String(a.corridor)} corridor`);
      shiftMorale(ctx, state, a.corridor, -MORALE_PER_INTIMIDATION, MORALE_THREAT_FLOOR);
      cell.readyAt = state.hour + CELL_COOLDOWN_HOURS;
      pushNews(state, { kind: 'intimidation', facts: { corridor: a.corridor } });
      record(state, a, 'intimidate', a.corridor);
      return undefined;
    }
    case 'ai/attackTown': {
      const town = state.towns.find((t) => t.id === a.town);
      if (!town) return simError(a.type, 'not-rural', `${String(a.town)} is not a rural town`);
      if (town.control === 'fallen') return simError(a.type, 'already-fallen', `${a.town} has already fallen`);
      const near = cell.town === a.town || (ctx.cellLinks.get(cell.town) ?? []).some((l) => l.to === a.town);
      if (!near) return simError(a.type, 'not-adjacent', `${a.town} is out of reach of ${cell.id}`);
      if (state.hour < GRACE_HOURS) return tooEarly(a);
      const need = ctx.towns.get(a.town)?.garrisonNeed ?? 0;
      const defence = townDefence(state, ctx, a.town);
      cell.readyAt = state.hour + 2 * CELL_COOLDOWN_HOURS;
      // A garrison strong enough for its town holds it; otherwise the town's own people and
      // whatever garrison there is fight, and the stronger side wins.
      const held =
        garrisonHolds(defence.garrison, need) || (defence.garrison + defence.own) * 10 + drawInt(state, 0, 20) >= cell.strength * 10 + drawInt(state, 0, 20);
      if (!held) {
        // The cell holds the town it took; a repelled cell stays where it attacked from.
        cell.town = a.town;
        town.control = 'fallen';
        town.retake = 0;
        state.metrics.townsFallen += 1;
        addTrust(state, 'towns', -2);
        pushNews(state, { kind: 'town', facts: { town: a.town, fallen: 1, garrison: defence.garrison, need } });
      } else {
        cell.strength = clamp(cell.strength - 1, 1, CELL_MAX_STRENGTH);
        pushNews(state, { kind: 'town', facts: { town: a.town, held: 1, garrison: defence.garrison, need } });
      }
      record(state, a, 'attackTown', a.town);
      return undefined;
    }
    case 'ai/declareBlockade': {
      if (!ctx.level.corridors.some((c) => c.id === a.corridor)) return simError(a.type, 'unknown-corridor', `no corridor ${String(a.corridor)}`);
      if (state.blockaded.includes(a.corridor)) return simError(a.type, 'already-blockaded', `${a.corridor} is already under blockade`);
      const onCorridor = (ctx.roadsAt.get(cell.town) ?? []).some((r) => r.corridor === a.corridor);
      if (!onCorridor) return simError(a.type, 'not-on-corridor', `${cell.town} is not on the ${String(a.corridor)} corridor`);
      declareBlockade(ctx, state, a.corridor);
      cell.readyAt = state.hour + CELL_COOLDOWN_HOURS;
      record(state, a, 'declareBlockade', a.corridor);
      return undefined;
    }
    case 'ai/raidBorder': {
      const entry = state.entries.find((e) => e.id === a.entry);
      const def = ctx.entries.get(a.entry);
      if (!entry || !def) return simError(a.type, 'unknown-entry', `no entry point ${String(a.entry)}`);
      const inCountry = ctx.towns.get(def.town)?.country === ctx.towns.get(ctx.depot)?.country;
      if (!inCountry) return simError(a.type, 'abroad', `${a.entry} is across the border, out of the group's reach`);
      const near = cell.town === def.town || (ctx.cellLinks.get(cell.town) ?? []).some((l) => l.to === def.town);
      if (!near) return simError(a.type, 'not-adjacent', `${a.entry} is out of reach of ${cell.id}`);
      if (state.hour < GRACE_HOURS) return tooEarly(a);
      if (entry.offered === 0) return simError(a.type, 'nothing-waiting', `no tankers wait at ${a.entry}`);
      // The trucks parked at a border crossing are an easy target: a cell burns a share of them.
      const burned = Math.min(entry.offered, Math.ceil((entry.offered * (20 + cell.strength * 5 + drawInt(state, 0, 10))) / 100));
      entry.offered -= burned;
      state.metrics.tankersLost += burned;
      state.metrics.livesLost += Math.ceil(burned / 4);
      cell.readyAt = state.hour + 2 * CELL_COOLDOWN_HOURS;
      frightenDrivers(ctx, state, def.corridor, burned, false);
      addTrust(state, 'attacks', -(1 + Math.floor(burned / 10)));
      pushNews(state, { kind: 'raid', facts: { entry: a.entry, lost: burned, left: entry.offered } });
      record(state, a, 'raidBorder', a.entry);
      return undefined;
    }
  }
}

export function declareBlockade(ctx: LevelContext, state: GameState, corridor: string): void {
  if (state.blockaded.includes(corridor as CorridorId)) return;
  state.blockaded.push(corridor as CorridorId);
  shiftMorale(ctx, state, corridor as CorridorId, -MORALE_PER_BLOCKADE);
  addTrust(state, 'blockade', -2);
  pushNews(state, { kind: 'blockade', facts: { corridor } });
}

/**
 * Cells recover from their losses over time: every CELL_REGEN_DAYS days each regains a
 * point of strength, up to the strength the group started with. Growing beyond it takes
 * recruits (see recruit).
 */
export function regenerateCells(ctx: LevelContext, state: GameState, day: number): void {
  if (day % CELL_REGEN_DAYS !== 0) return;
  const usual = ctx.level.blockade.strength;
  for (const cell of state.cells) if (cell.strength < usual) cell.strength += 1;
}

/**
 * Each morning the group gathers recruits where it holds towns and, while rural fuel sales
 * are banned, among angry rural people. Enough of them make a weak cell stronger (up to
 * GROWN_STRENGTH), then a new cell (at a town it holds, or where the group started), then
 * its cells stronger still.
 */
export function recruit(ctx: LevelContext, state: GameState): void {
  const held = state.towns.filter((t) => t.control === 'fallen');
  const ban = policy(state, 'banRuralSales').status === 'active';
  // Recruits beyond what the group can arm wait, up to a new cell's worth.
  state.group.recruits = Math.min(NEW_CELL_RECRUITS, state.group.recruits + held.length * RECRUITS_PER_FALLEN_TOWN + (ban ? RECRUITS_UNDER_BAN : 0));
  const maxCells = ctx.level.blockade.cells[state.difficulty] + EXTRA_CELLS;
  const weakest = state.cells.reduce<Cell | undefined>((w, c) => (c.strength < CELL_MAX_STRENGTH && (!w || c.strength < w.strength) ? c : w), undefined);
  // Recruits first make its cells strong, then new cells, then its cells stronger still.
  if (weakest && weakest.strength < GROWN_STRENGTH) {
    if (state.group.recruits >= CELL_RECRUITS) {
      state.group.recruits -= CELL_RECRUITS;
      weakest.strength += 1;
    }
    return;
  }
  if (state.cells.length < maxCells) {
    if (state.group.recruits >= NEW_CELL_RECRUITS) {
      state.group.recruits -= NEW_CELL_RECRUITS;
      state.group.cellsMade += 1;
      const starts = ctx.level.blockade.startTowns;
      const town = (held.length > 0 ? held[drawInt(state, 0, held.length - 1)]!.id : starts[drawInt(state, 0, starts.length - 1)]!) as TownId;
      state.cells.push({ id: `cell-${state.group.cellsMade}` as CellId, town, strength: NEW_CELL_STRENGTH, readyAt: state.hour + HOURS_PER_DAY });
      pushNews(state, { kind: 'recruits', facts: { town, cells: state.cells.length } });
    }
    return;
  }
  if (weakest && state.group.recruits >= CELL_RECRUITS) {
    state.group.recruits -= CELL_RECRUITS;
    weakest.strength += 1;
  }
}

export function expireThreats(state: GameState): void {
  if (state.threats.some((t) => t.until <= state.hour)) state.threats = state.threats.filter((t) => t.until > state.hour);
}
