/**
 * Policies: decided now, in force after a delay, paid for every day. Each is grounded in a
 * 2025 measure; some backfire (the ban on rural fuel sales triggered the blockade).
 */
import { POLICIES, type PolicyId } from '../../levels/constants';
import { CELL_MAX_STRENGTH, HOURS_PER_DAY, POLICY_RULES } from '../balance';
import type { LevelContext } from '../context';
import { policy } from '../selectors';
import type { CorridorId, GameState, SimError } from '../state';
import { declareBlockade } from './blockade';
import { shiftMorale } from './hauliers';
import { addTrust, clamp, pushNews, simError } from './common';

function isPolicy(id: unknown): id is PolicyId {
  return typeof id === 'string' && (POLICIES as readonly string[]).includes(id);
}

export function enactPolicy(ctx: LevelContext, state: GameState, id: unknown): SimError | undefined {
  if (!isPolicy(id) || !ctx.level.policies.includes(id)) return simError('policy/enact', 'unknown-policy', `${String(id)} is not available in this level`);
  const p = policy(state, id);
  if (p.status !== 'off') return simError('policy/enact', 'already-enacted', `${id} is already ${p.status}`);
  if (state.city.budgetM < POLICY_RULES[id].costPerDayM) return simError('policy/enact', 'no-budget', `the budget cannot pay for ${id}`);
  p.status = 'pending';
  p.since = state.hour;
  pushNews(state, { kind: 'policy', facts: { policy: id, status: 'pending' } });
  return undefined;
}

export function revokePolicy(ctx: LevelContext, state: GameState, id: unknown): SimError | undefined {
  if (!isPolicy(id)) return simError('policy/revoke', 'unknown-policy', `${String(id)} is not a policy`);
  const p = policy(state, id);
  if (p.status === 'off') return simError('policy/revoke', 'not-enacted', `${id} is not in force`);
  endPolicy(ctx, state, id, 'off');
  return undefined;
}

function takeEffect(ctx: LevelContext, state: GameState, id: PolicyId): void {
  switch (id) {
    case 'alternateCorridor':
      for (const entry of state.entries) if (ctx.entries.get(entry.id)?.requiresPolicy === id) entry.open = true;
      break;
    case 'banRuralSales':
      // Meant to starve the armed groups of fuel: it weakens them at first (and slows them,
      // see travelHours)... In 2025 the group answered the ban with its blockade.
      state.group.atBan = { cells: state.cells.length, strength: state.cells.reduce((sum, c) => sum + c.strength, 0) };
      for (const cell of state.cells) cell.strength = clamp(cell.strength - 1, 1, CELL_MAX_STRENGTH);
      addTrust(state, 'policies', -3);
      retaliate(ctx, state);
      break;
    case 'priceControls':
      addTrust(state, 'policies', 3);
      break;
    case 'purchaseCap':
    case 'closeSchools':
    case 'curfew':
      addTrust(state, 'policies', -1);
      break;
    case 'alliedHelp':
      // Partners send trainers and air support: every unit is a little stronger, at a political cost.
      for (const unit of state.units) unit.strength = clamp(unit.strength + 1, 1, 10);
      addTrust(state, 'policies', -2);
      break;
    case 'hazardPay':
    case 'emergencyAirlift':
    case 'commsCampaign':
      break;
  }
}

/**
 * The group's answer to the ban (JNIM, 3 Sept 2025): a blockade declared on a corridor not
 * yet under one, and drivers on every corridor warned.
 */
function retaliate(ctx: LevelContext, state: GameState): void {
  const corridor = ctx.level.corridors.find((c) => !state.blockaded.includes(c.id as CorridorId));
  if (corridor) declareBlockade(ctx, state, corridor.id);
  for (const c of ctx.level.corridors) shiftMorale(ctx, state, c.id as CorridorId, -5);
}

/** The hour from which a policy decided at `since` may come into force (on the first morning at or after it). */
export const policyDueHour = (id: PolicyId, since: number): number => since + POLICY_RULES[id].delayDays * HOURS_PER_DAY;

/** Each morning: pending policies come into force, costs are paid, lasting effects apply. */
export function runPolicies(ctx: LevelContext, state: GameState): void {
  for (const p of state.policies) {
    const rule = POLICY_RULES[p.id];
    if (p.status === 'pending' && state.hour >= policyDueHour(p.id, p.since)) {
      p.status = 'active';
      p.since = state.hour;
      takeEffect(ctx, state, p.id);
      pushNews(state, { kind: 'policy', facts: { policy: p.id, status: 'active' } });
    }
    if (p.status !== 'active') continue;
    if (state.city.budgetM < rule.costPerDayM) {
      endPolicy(ctx, state, p.id, 'unfunded');
      continue;
    }
    state.city.budgetM -= rule.costPerDayM;
    // ...and then breeds rural anger, and recruits for them (see recruit), day after day.
    if (p.id === 'banRuralSales') addTrust(state, 'policies', -1);
    if (p.id === 'curfew') addTrust(state, 'policies', -1);
    // Schools closed by decree while pupils could still get there: parents hold it against the government.
    if (p.id === 'closeSchools' && !state.city.schoolsShut) addTrust(state, 'policies', -1);
  }
}

/** Ending a policy undoes what it opened or lent. */
function endPolicy(ctx: LevelContext, state: GameState, id: PolicyId, why: 'off' | 'unfunded'): void {
  const p = policy(state, id);
  const wasActive = p.status === 'active';
  p.status = 'off';
  p.since = state.hour;
  if (wasActive && id === 'alliedHelp') for (const unit of state.units) unit.strength = clamp(unit.strength - 1, 1, 10);
  pushNews(state, { kind: 'policy', facts: { policy: id, status: why } });
  for (const entry of state.entries) {
    if (ctx.entries.get(entry.id)?.requiresPolicy === id) {
      entry.open = false;
      entry.offered = 0;
    }
  }
}
