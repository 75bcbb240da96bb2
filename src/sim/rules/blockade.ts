/**
 * The armed group's moves, as the rules see them. The blockade AI (src/ai) chooses them;
 * here they are checked and applied like any player command. Every move records its
 * reason so the debrief can explain it.
 */
import {
  AMBUSH_HOURS,
  CELL_COOLDOWN_HOURS,
  CELL_MAX_STRENGTH,
  CELL_REGEN_DAYS,
  CELL_SPEED_KMH,
  CHECKPOINT_HOURS,
  MORALE_PER_BLOCKADE,
  MORALE_PER_INTIMIDATION,
  MORALE_THREAT_FLOOR,
  THREAT_MAX_EXTRA_DELAY,
  THREAT_SETUP_HOURS,
} from '../balance';
import { otherEnd, type LevelContext } from '../context';
import { drawInt } from '../rng';
import { garrisonStrength } from '../selectors';
import type { AiAction, AiMoveKind, Cell, GameState, SimError } from '../state';
import { addTrust, clamp, pushNews, simError } from './common';
import { shiftMorale } from './hauliers';
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

export function applyBlockadeMove(ctx: LevelContext, state: GameState, a: AiAction): SimError | undefined {
  const cell = readyCell(state, a);
  if ('code' in cell) return cell;
  switch (a.type) {
    case 'ai/move': {
      const road = ctx.roadsAt.get(cell.town)?.find((r) => otherEnd(r, cell.town) === a.to);
      if (!road) return simError(a.type, 'not-adjacent', `${String(a.to)} is not next to ${cell.town}`);
      cell.town = a.to;
      cell.readyAt = state.hour + Math.ceil(road.km / CELL_SPEED_KMH);
      record(state, a, 'move', a.to);
      return undefined;
    }
    case 'ai/ambush':
    case 'ai/checkpoint': {
      const road = ctx.roads.get(a.road);
      if (!road || (road.from !== cell.town && road.to !== cell.town)) return simError(a.type, 'not-adjacent', `${String(a.road)} does not touch ${cell.town}`);
      if (state.threats.some((t) => t.road === a.road)) return simError(a.type, 'road-taken', `${a.road} already has a threat`);
      const kind = a.type === 'ai/ambush' ? 'ambush' : 'checkpoint';
      const delay = a.delay ?? THREAT_SETUP_HOURS;
      if (!Number.isInteger(delay) || delay < THREAT_SETUP_HOURS || delay > THREAT_SETUP_HOURS + THREAT_MAX_EXTRA_DELAY) {
        return simError(a.type, 'bad-delay', `a threat takes ${THREAT_SETUP_HOURS} to ${THREAT_SETUP_HOURS + THREAT_MAX_EXTRA_DELAY} hours to set up`);
      }
      const from = state.hour + delay;
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
      const near = cell.town === a.town || (ctx.roadsAt.get(cell.town) ?? []).some((r) => otherEnd(r, cell.town) === a.town);
      if (!near) return simError(a.type, 'not-adjacent', `${a.town} is out of reach of ${cell.id}`);
      const need = ctx.towns.get(a.town)?.garrisonNeed ?? 0;
      const attack = cell.strength * 10 + drawInt(state, 0, 20);
      // The town's own defenders (need) count too: a rural town is not empty without soldiers.
      const defence = (garrisonStrength(state, a.town) + need) * 10 + drawInt(state, 0, 20);
      cell.readyAt = state.hour + 2 * CELL_COOLDOWN_HOURS;
      if (attack > defence) {
        // The cell holds the town it took; a repelled cell stays where it attacked from.
        cell.town = a.town;
        town.control = 'fallen';
        town.retake = 0;
        state.metrics.townsFallen += 1;
        cell.strength = clamp(cell.strength + 1, 1, CELL_MAX_STRENGTH);
        addTrust(state, 'towns', -2);
        pushNews(state, { kind: 'town', facts: { town: a.town, fallen: 1 } });
      } else {
        cell.strength = clamp(cell.strength - 1, 1, CELL_MAX_STRENGTH);
        pushNews(state, { kind: 'town', facts: { town: a.town, held: 1 } });
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
  }
}

export function declareBlockade(ctx: LevelContext, state: GameState, corridor: string): void {
  if (state.blockaded.includes(corridor as GameState['blockaded'][number])) return;
  state.blockaded.push(corridor as GameState['blockaded'][number]);
  shiftMorale(ctx, state, corridor as GameState['blockaded'][number], -MORALE_PER_BLOCKADE);
  addTrust(state, 'blockade', -2);
  pushNews(state, { kind: 'blockade', facts: { corridor } });
}

/** Cells recover and recruit over time; faster while rural fuel sales are banned (the 2025 backfire). */
export function regenerateCells(state: GameState, day: number, fast: boolean): void {
  // Whole days: with an odd CELL_REGEN_DAYS a half-period would make `day % every` skip the fast days.
  const every = fast ? Math.max(1, Math.floor(CELL_REGEN_DAYS / 2)) : CELL_REGEN_DAYS;
  if (day % every !== 0) return;
  for (const cell of state.cells) cell.strength = clamp(cell.strength + 1, 1, CELL_MAX_STRENGTH);
}

export function expireThreats(state: GameState): void {
  if (state.threats.some((t) => t.until <= state.hour)) state.threats = state.threats.filter((t) => t.until > state.hour);
}
