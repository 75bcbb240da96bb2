/**
 * What the dashboard knows about each student's game, computed from the *replayed* state and
 * the verified log (never from the file's own summary, which a student could edit), and what
 * it says about the class. Pure: no DOM, no catalog lookups (only catalog keys).
 */
import type { Immutable } from 'immer';
import { reasonText, type AiReasonKey } from '../ai/reasons';
import type { StringKey } from '../app/i18n';
import { POLICIES, type PolicyId } from '../levels/constants';
import type { Text } from '../levels/schema';
import type { LevelContext } from '../sim/context';
import type { ResultFile } from '../sim/result';
import { outcomeOf } from '../sim/selectors';
import type { Difficulty, GameState } from '../sim/state';

export interface ReasonCount {
  /** Catalog key of the reason (`ai.ambush.habit`…), as `reasonText` gives it. */
  key: AiReasonKey;
  count: number;
  /** The parameters of the first move with this reason, for an example sentence. */
  example: Record<string, string | number>;
}

export interface StudentStats {
  alias: string;
  levelId: string;
  levelTitle: Text;
  difficulty: Difficulty;
  seed: number;
  /** Days the scenario lasts. */
  days: number;
  outcome: 'held' | 'collapsed' | 'playing';
  score: number;
  daysSurvived: number;
  fuelDeliveredL: number;
  tankersDelivered: number;
  tankersLost: number;
  servicesKept: number;
  trust: number;
  ruralSecurity: number;
  livesLost: number;
  educationDaysLost: number;
  convoys: number;
  escortedConvoys: number;
  /** Policies the student enacted, each once, in the order first enacted. */
  policies: PolicyId[];
  /** Depot stock at the end of each day, litres (day 1 first). */
  stockByDay: number[];
  /** The blockade's moves in this game, grouped by reason. */
  reasons: ReasonCount[];
  injects: number;
  finalStateHash: string;
}

/** A student's game from the replayed final state. `result` gives only what the replay checked (seed, log) and the alias. */
export function studentStats(ctx: LevelContext, result: ResultFile, state: Immutable<GameState>): StudentStats {
  const outcome = outcomeOf(ctx, state);
  const policies: PolicyId[] = [];
  for (const action of result.log) {
    if (action.type === 'policy/enact' && !policies.includes(action.policy)) policies.push(action.policy);
  }
  const byKey = new Map<string, ReasonCount>();
  for (const move of state.aiMoves) {
    const { key, params } = reasonText(ctx, move);
    const found = byKey.get(key);
    if (found) found.count += 1;
    else byKey.set(key, { key, count: 1, example: params });
  }
  const convoys = [...state.pastConvoys.map((c) => c.escorts), ...state.convoys.map((c) => c.escort.length)];
  return {
    alias: result.player.alias?.trim() || '',
    levelId: ctx.level.id,
    levelTitle: ctx.level.title,
    difficulty: state.difficulty,
    seed: state.seed,
    days: ctx.level.days,
    outcome: outcome.outcome,
    score: outcome.score,
    daysSurvived: outcome.daysSurvived,
    fuelDeliveredL: outcome.metrics.fuelDeliveredL,
    tankersDelivered: outcome.metrics.tankersDelivered,
    tankersLost: outcome.metrics.tankersLost,
    servicesKept: outcome.metrics.servicesKept,
    trust: outcome.metrics.trust,
    ruralSecurity: outcome.metrics.ruralSecurity,
    livesLost: outcome.metrics.livesLost,
    educationDaysLost: outcome.metrics.educationDaysLost,
    convoys: convoys.length,
    escortedConvoys: convoys.filter((escorts) => escorts > 0).length,
    policies,
    stockByDay: state.history.map((d) => d.stockL),
    reasons: [...byKey.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    injects: result.settings.injects.length,
    finalStateHash: result.summary.finalStateHash,
  };
}

/* ------------------------------------------------------------------ the class */

export interface ClassSummary {
  students: number;
  held: number;
  collapsed: number;
  unfinished: number;
  meanScore: number;
  meanTrust: number;
  meanRural: number;
  meanServices: number;
  /** Students who enacted each policy, most used first; unused policies left out. */
  policyUse: { policy: PolicyId; students: number }[];
  /** Blockade moves by reason over the whole class, most frequent first; `students` faced it at least once. */
  reasons: { key: AiReasonKey; count: number; students: number; example: Record<string, string | number> }[];
  /** Distinct scenarios (level, seed, difficulty) in the class. */
  scenarios: number;
}

const mean = (values: number[]): number => (values.length === 0 ? 0 : Math.round(values.reduce((a, b) => a + b, 0) / values.length));

export function classSummary(rows: readonly StudentStats[]): ClassSummary {
  const policyUse = POLICIES.map((policy) => ({ policy, students: rows.filter((r) => r.policies.includes(policy)).length }))
    .filter((p) => p.students > 0)
    .sort((a, b) => b.students - a.students || POLICIES.indexOf(a.policy) - POLICIES.indexOf(b.policy));
  const reasons = new Map<AiReasonKey, ClassSummary['reasons'][number]>();
  for (const row of rows) {
    for (const r of row.reasons) {
      const found = reasons.get(r.key);
      if (found) {
        found.count += r.count;
        found.students += 1;
      } else reasons.set(r.key, { key: r.key, count: r.count, students: 1, example: r.example });
    }
  }
  return {
    students: rows.length,
    held: rows.filter((r) => r.outcome === 'held').length,
    collapsed: rows.filter((r) => r.outcome === 'collapsed').length,
    unfinished: rows.filter((r) => r.outcome === 'playing').length,
    meanScore: mean(rows.map((r) => r.score)),
    meanTrust: mean(rows.map((r) => r.trust)),
    meanRural: mean(rows.map((r) => r.ruralSecurity)),
    meanServices: mean(rows.map((r) => r.servicesKept)),
    policyUse,
    reasons: [...reasons.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    scenarios: new Set(rows.map((r) => `${r.levelId}/${r.seed}/${r.difficulty}`)).size,
  };
}

/* ------------------------------------------------------------------ discussion */

export interface Prompt {
  key: StringKey;
  params: Record<string, string | number>;
}

/** Blockade reasons that are attacks on the class (moving between towns is not). */
export const isAttackReason = (key: string): boolean => key !== 'ai.move';

/**
 * Questions for the debrief, from what this class actually did: the split between games
 * that held and collapsed, the policies many (or none) chose, escorts against losses, the
 * blockade's most frequent move, rural security. Each ties back to a 2025 fact where one fits.
 */
export function discussionPrompts(rows: readonly StudentStats[], levelPolicies: readonly PolicyId[] = POLICIES): Prompt[] {
  if (rows.length === 0) return [];
  const summary = classSummary(rows);
  const n = rows.length;
  const prompts: Prompt[] = [];
  const finished = summary.held + summary.collapsed;

  if (summary.held > 0 && summary.collapsed > 0) {
    const held = rows.filter((r) => r.outcome === 'held');
    const collapsed = rows.filter((r) => r.outcome === 'collapsed');
    prompts.push({
      key: 'dash.q.split',
      params: { held: summary.held, collapsed: summary.collapsed, n, convoysHeld: mean(held.map((r) => r.convoys)), convoysCollapsed: mean(collapsed.map((r) => r.convoys)) },
    });
  } else if (finished > 0 && summary.collapsed === 0) prompts.push({ key: 'dash.q.allHeld', params: { n, rural: summary.meanRural, trust: summary.meanTrust } });
  else if (finished > 0) prompts.push({ key: 'dash.q.allCollapsed', params: { n, days: mean(rows.map((r) => r.daysSurvived)) } });

  const users = (policy: PolicyId) => rows.filter((r) => r.policies.includes(policy));
  const schools = users('closeSchools');
  if (schools.length > 0) {
    const others = rows.filter((r) => !r.policies.includes('closeSchools'));
    prompts.push({
      key: schools.length * 2 >= n ? 'dash.q.schoolsMany' : 'dash.q.schoolsSome',
      params: { count: schools.length, n, lost: mean(schools.map((r) => r.educationDaysLost)), services: mean(schools.map((r) => r.servicesKept)), servicesOthers: others.length > 0 ? mean(others.map((r) => r.servicesKept)) : '—' },
    });
  } else if (levelPolicies.includes('closeSchools') && n >= 3) prompts.push({ key: 'dash.q.schoolsNone', params: { n } });

  const ban = users('banRuralSales');
  if (ban.length > 0) prompts.push({ key: 'dash.q.ruralBan', params: { count: ban.length, n } });

  const escortShare = (r: StudentStats): number => (r.convoys === 0 ? 0 : r.escortedConvoys / r.convoys);
  const escorted = rows.filter((r) => r.convoys > 0 && escortShare(r) >= 0.5);
  const unescorted = rows.filter((r) => r.convoys > 0 && escortShare(r) < 0.5);
  if (escorted.length > 0 && unescorted.length > 0) {
    prompts.push({
      key: 'dash.q.escorts',
      params: { escorted: escorted.length, lostEscorted: mean(escorted.map((r) => r.tankersLost)), unescorted: unescorted.length, lostUnescorted: mean(unescorted.map((r) => r.tankersLost)) },
    });
  }

  const top = summary.reasons.find((r) => isAttackReason(r.key));
  if (top) prompts.push({ key: 'dash.q.reason', params: { reason: `dash.reason.${top.key}`, count: top.count, students: top.students, n } });

  if (summary.meanRural < 70) prompts.push({ key: 'dash.q.rural', params: { rural: summary.meanRural } });

  const airlift = users('emergencyAirlift');
  if (airlift.length > 0) prompts.push({ key: 'dash.q.airlift', params: { count: airlift.length, n } });

  prompts.push({ key: 'dash.q.real', params: {} });
  return prompts;
}
