/**
 * Level events: scripted ones on their day (the real 2025 timeline), random ones by chance.
 * Their text and sources stay in the level; the news item points at the event.
 */
import type { Effects, Level } from '../../levels/schema';
import { CELL_MAX_STRENGTH } from '../balance';
import type { LevelContext } from '../context';
import { chance } from '../rng';
import type { CorridorId, GameState } from '../state';
import { declareBlockade } from './blockade';
import { addTrust, clamp, pushNews } from './common';
import { adjustStock } from './fuel';
import { shiftMorale } from './hauliers';

export function applyEffects(ctx: LevelContext, state: GameState, effects: Effects): void {
  if (effects.trust) addTrust(state, 'events', effects.trust);
  if (effects.stockL) adjustStock(state, effects.stockL);
  if (effects.morale) shiftMorale(ctx, state, effects.morale.corridor as CorridorId, effects.morale.delta);
  if (effects.blockade) declareBlockade(ctx, state, effects.blockade);
  if (effects.foodPrice) state.city.foodIndex = clamp(state.city.foodIndex + effects.foodPrice, 100, 400);
  if (effects.budgetM) state.city.budgetM = Math.max(0, state.city.budgetM + effects.budgetM);
  if (effects.cellStrength) for (const cell of state.cells) cell.strength = clamp(cell.strength + effects.cellStrength, 1, CELL_MAX_STRENGTH);
}

function fire(ctx: LevelContext, state: GameState, event: Level['events'][number] | Level['randomEvents'][number]): void {
  pushNews(state, { kind: 'event', event: event.id, title: event.title, body: event.body, sources: event.sources, facts: {} });
  applyEffects(ctx, state, event.effects);
}

export function runEvents(ctx: LevelContext, state: GameState, day: number): void {
  for (const event of ctx.level.events) if (event.day === day) fire(ctx, state, event);
  for (const event of ctx.level.randomEvents) {
    if (day >= event.fromDay && chance(state, event.chance)) fire(ctx, state, event);
  }
}
