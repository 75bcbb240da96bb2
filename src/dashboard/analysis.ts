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
import type { ScenarioSettings } from '../sim/scenario';
import { outcomeOf, type Outcome } from '../sim/selectors';
import type { Difficulty, GameState } from '../sim/state';

export interface ReasonCount {
  /** Catalog key of the reason (`ai.ambush.habit`…), as `reasonText` gives it. */
  key: AiReasonKey;
  count: number;
  /** The parameters of the first move with this reason, for an example sentence. */
  example: Record<string, string | number>;
}

/** What a game was played on: the level as written (id and hash), seed, difficulty and the instructor's settings. */
export interface PlayedScenario {
  level: { id: string; hash: string };
  seed: number;
  difficulty: Difficulty;
  settings: ScenarioSettings;
}

export interface StudentStats {
  alias: string;
  levelId: string;
  levelTitle: Text;
  difficulty: Difficulty;
  seed: number;
  /** Days the scenario lasts. */
  days: number;
  /** The game's result in several dimensions, as the rules' selector (`outcomeOf`) gives it for the replayed state. */
  result: Outcome;
  scenario: PlayedScenario;
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
    result: outcomeOf(ctx, state),
    scenario: { level: result.level, seed: result.seed, difficulty: result.difficulty, settings: result.settings },
    convoys: convoys.length,
    escortedConvoys: convoys.filter((escorts) => escorts > 0).length,
    policies,
    stockByDay: state.history.map((d) => d.stockL),
    reasons: [...byKey.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    injects: result.settings.injects.length,
    finalStateHash: result.summary.finalStateHash,
  };
}

/** The outcome of a game, e.g. to filter the class by it. */
const outcomeIs = (outcome: Outcome['outcome']) => (row: StudentStats): boolean => row.result.outcome === outcome;
const metric = (name: keyof Outcome['metrics']) => (row: StudentStats): number => row.result.metrics[name];

/** Games of one scenario, as a key: level (and its version), seed, difficulty and the instructor's settings. */
function scenarioKey(s: PlayedScenario): string {
  const { injects, policies, timeLimitMin, speedLock } = s.settings;
  return JSON.stringify([s.level.id, s.level.hash, s.seed, s.difficulty, injects, policies ? [...policies].sort() : null, timeLimitMin ?? null, speedLock ?? null]);
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
  /** Distinct scenarios (level and version, seed, difficulty, settings) in the class. */
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
    held: rows.filter(outcomeIs('held')).length,
    collapsed: rows.filter(outcomeIs('collapsed')).length,
    unfinished: rows.filter(outcomeIs('playing')).length,
    meanScore: mean(rows.map((r) => r.result.score)),
    meanTrust: mean(rows.map(metric('trust'))),
    meanRural: mean(rows.map(metric('ruralSecurity'))),
    meanServices: mean(rows.map(metric('servicesKept'))),
    policyUse,
    reasons: [...reasons.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    scenarios: new Set(rows.map((r) => scenarioKey(r.scenario))).size,
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
  // Held or collapsed is said of finished games only: a game stopped by the time limit (or handed in early) is neither.
  const held = rows.filter(outcomeIs('held'));
  const collapsed = rows.filter(outcomeIs('collapsed'));
  const finished = held.length + collapsed.length;

  if (held.length > 0 && collapsed.length > 0) {
    prompts.push({
      key: 'dash.q.split',
      params: { held: held.length, collapsed: collapsed.length, n: finished, convoysHeld: mean(held.map((r) => r.convoys)), convoysCollapsed: mean(collapsed.map((r) => r.convoys)) },
    });
  } else if (held.length > 0) {
    const finishedSummary = classSummary(held);
    prompts.push({ key: 'dash.q.allHeld', params: { n: finished, rural: finishedSummary.meanRural, trust: finishedSummary.meanTrust } });
  } else if (collapsed.length > 0) prompts.push({ key: 'dash.q.allCollapsed', params: { n: finished, days: mean(collapsed.map((r) => r.result.daysSurvived)) } });
  if (summary.unfinished > 0) prompts.push({ key: 'dash.q.unfinished', params: { count: summary.unfinished, n } });

  const users = (policy: PolicyId) => rows.filter((r) => r.policies.includes(policy));
  const schools = users('closeSchools');
  if (schools.length > 0) {
    const others = rows.filter((r) => !r.policies.includes('closeSchools'));
    prompts.push({
      key: schools.length * 2 >= n ? 'dash.q.schoolsMany' : 'dash.q.schoolsSome',
      params: { count: schools.length, n, lost: mean(schools.map(metric('educationDaysLost'))), services: mean(schools.map(metric('servicesKept'))), servicesOthers: others.length > 0 ? mean(others.map(metric('servicesKept'))) : '—' },
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
      params: { escorted: escorted.length, lostEscorted: mean(escorted.map(metric('tankersLost'))), unescorted: unescorted.length, lostUnescorted: mean(unescorted.map(metric('tankersLost'))) },
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
