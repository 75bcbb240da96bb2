/** Derived views of the state. State never stores what these compute. */
import { SECTORS } from '../levels/constants';
import { HOURS_PER_DAY } from './balance';
import type { LevelContext } from './context';
import type { Immutable } from 'immer';
import type { Convoy, GameState, Unit } from './state';
import type { PolicyId } from '../levels/schema';

export const dayOf = (hour: number): number => Math.floor(hour / HOURS_PER_DAY) + 1;
export const hourOfDay = (hour: number): number => hour % HOURS_PER_DAY;
export const currentDay = (state: { readonly hour: number }): number => dayOf(state.hour);

export const isLive = (convoy: Immutable<Convoy>): boolean =>
  convoy.status !== 'arrived' && convoy.status !== 'destroyed' && convoy.status !== 'returned';

export function inTransitL(ctx: LevelContext, state: Immutable<Pick<GameState, 'convoys'>>): number {
  let litres = 0;
  for (const convoy of state.convoys) if (isLive(convoy)) litres += convoy.tankers * ctx.level.tankerL;
  return litres;
}

/** Days the depot lasts at full demand. */
export function daysOfCover(ctx: LevelContext, state: Immutable<Pick<GameState, 'fuel'>>): number {
  return ctx.totalDemandL === 0 ? Infinity : state.fuel.stockL / ctx.totalDemandL;
}

/** A policy's state: the rules get one they may change, readers a read-only one. */
export function policy<S extends Immutable<Pick<GameState, 'policies'>>>(state: S, id: PolicyId): S['policies'][number] {
  const found = state.policies.find((p) => p.id === id);
  if (!found) throw new RangeError(`unknown policy ${id}`);
  return found;
}

export const policyActive = (state: Immutable<Pick<GameState, 'policies'>>, id: PolicyId): boolean => policy(state, id).status === 'active';

/** A unit counts for its task only once it has arrived. */
export const unitReady = (state: { readonly hour: number }, unit: Immutable<Unit>): boolean => state.hour >= unit.readyAt;

export function garrisonStrength(state: Immutable<Pick<GameState, 'units' | 'hour'>>, town: string): number {
  let strength = 0;
  for (const u of state.units) if (u.task.kind === 'garrison' && u.task.town === town && unitReady(state, u)) strength += u.strength;
  return strength;
}

export function patrolStrength(state: Immutable<Pick<GameState, 'units' | 'hour'>>, road: string): number {
  let strength = 0;
  for (const u of state.units) if (u.task.kind === 'patrol' && u.task.road === road && unitReady(state, u)) strength += u.strength;
  return strength;
}

export function escortStrength(state: Immutable<Pick<GameState, 'units'>>, convoy: Immutable<Convoy>): number {
  let strength = 0;
  for (const id of convoy.escort) strength += state.units.find((u) => u.id === id)?.strength ?? 0;
  return strength;
}

export function meanService(state: Immutable<Pick<GameState, 'services'>>): number {
  let sum = 0;
  for (const s of SECTORS) sum += state.services[s];
  return Math.round(sum / SECTORS.length);
}

export interface Outcome {
  outcome: 'held' | 'collapsed' | 'playing';
  daysSurvived: number;
  score: number;
  metrics: {
    fuelDeliveredL: number;
    tankersDelivered: number;
    tankersLost: number;
    servicesKept: number;
    trust: number;
    ruralSecurity: number;
    livesLost: number;
    driversTaken: number;
    educationDaysLost: number;
    budgetLeftM: number;
    stockL: number;
  };
}

/** Score points lost per life lost (drivers, patients), and the most lives can cost. */
const POINTS_PER_LIFE = 2;

/**
 * The result in several dimensions, and one score (0–100) for comparing runs headless.
 * Weights: services and survival matter most, then trust and rural security, then lives,
 * delivery and school days; holding the city to the end is worth a bonus, not everything.
 */
export function outcomeOf(ctx: LevelContext, state: Immutable<GameState>): Outcome {
  const m = state.metrics;
  const servicesKept = m.serviceDays === 0 ? 100 : Math.round(m.serviceSum / m.serviceDays);
  const rural = state.towns.length === 0 ? 100 : Math.round((100 * state.towns.filter((t) => t.control === 'held').length) / state.towns.length);
  const daysSurvived = Math.min(ctx.level.days, Math.floor(state.hour / HOURS_PER_DAY));
  const delivered = m.tankersDelivered + m.tankersLost === 0 ? 0 : Math.round((100 * m.tankersDelivered) / (m.tankersDelivered + m.tankersLost));
  const survival = Math.round((100 * daysSurvived) / ctx.level.days);
  const lives = Math.max(0, 100 - POINTS_PER_LIFE * (m.livesLost + m.driversTaken));
  const schooling = m.serviceDays === 0 ? 100 : Math.round((100 * (m.serviceDays - Math.min(m.serviceDays, m.educationDaysLost))) / m.serviceDays);
  const score = Math.round(
    0.25 * servicesKept + 0.15 * state.city.trust + 0.15 * rural + 0.1 * delivered + 0.2 * survival + 0.1 * lives + 0.05 * schooling,
  );
  return {
    outcome: state.status,
    daysSurvived,
    score,
    metrics: {
      fuelDeliveredL: m.litresDelivered,
      tankersDelivered: m.tankersDelivered,
      tankersLost: m.tankersLost,
      servicesKept,
      trust: state.city.trust,
      ruralSecurity: rural,
      livesLost: m.livesLost,
      driversTaken: m.driversTaken,
      educationDaysLost: m.educationDaysLost,
      budgetLeftM: state.city.budgetM,
      stockL: state.fuel.stockL,
    },
  };
}
