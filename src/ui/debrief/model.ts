/**
 * What the debrief says, computed from the final state, the action log and the level: the
 * player's decisions with their hour, the blockade's moves as sentences, the daily series
 * for the charts, and discussion questions tied to the player's choices. Pure (no DOM).
 */
import type { Immutable } from 'immer';
import { formatDate, formatNumber, t, tn } from '../../app/i18n';
import { SECTORS, type Sector } from '../../levels/constants';
import { routePath, type LevelContext } from '../../sim/context';
import { lessonFacts } from '../../sim/lessons';
import { dayOf } from '../../sim/selectors';
import type { Action, AiMoveRecord, GameState, PlayerAction, TownId } from '../../sim/state';
import { convoyName, corridorName, entryName, policyName, roadName, sectorName, townName, unitName } from '../hud/names';
import { pathText } from '../hud/model';
import { townLosses, type TownLoss } from './why';

/* ---------------------------------------------------------------- decisions */

export interface Decision {
  hour: number;
  action: PlayerAction;
}

/** The player's commands with the game hour at which each was given (the ticks before it). */
export function playerDecisions(log: readonly Action[]): Decision[] {
  const out: Decision[] = [];
  let hour = 0;
  for (const action of log) {
    if (action.type === 'tick') hour += 1;
    else if (!action.type.startsWith('ai/')) out.push({ hour, action: action as PlayerAction });
  }
  return out;
}

export function decisionText(ctx: LevelContext, d: Decision, state: Immutable<GameState>): string {
  const a = d.action;
  switch (a.type) {
    case 'plan/set': {
      const share = (s: Sector): number => {
        const base = ctx.level.sectors[s].demandL;
        return base === 0 ? 100 : Math.round((100 * a.plan[s]) / base);
      };
      const planned = SECTORS.reduce((sum, s) => sum + Math.min(a.plan[s], ctx.level.sectors[s].demandL), 0);
      return t('debrief.do.plan', {
        pct: Math.round((100 * planned) / Math.max(1, ctx.totalDemandL)),
        hospitals: share('hospitals'),
        water: share('water'),
        power: share('power'),
        schools: share('schools'),
      });
    }
    case 'convoy/form': {
      const start = ctx.entries.get(a.entry)?.town ?? (a.entry as string as TownId);
      const path = routePath(ctx, start, a.route) ?? [start];
      const escort = a.escort.length === 0 ? t('debrief.do.noEscort') : t('debrief.do.escort', { units: a.escort.map((u) => unitName(ctx, u)).join(', ') });
      return t('debrief.do.convoy', {
        n: a.tankers,
        entry: entryName(ctx, a.entry),
        path: pathText(ctx, path),
        escort,
        time: formatDate(ctx.level.startDate, a.departAt, true),
      });
    }
    case 'convoy/halt':
      return t('debrief.do.halt', { convoy: convoyName(state, a.convoy) });
    case 'convoy/resume':
      return t('debrief.do.resume', { convoy: convoyName(state, a.convoy) });
    case 'convoy/turnBack':
      return t('debrief.do.turnBack', { convoy: convoyName(state, a.convoy) });
    case 'convoy/reroute':
      return t('debrief.do.reroute', { convoy: convoyName(state, a.convoy), roads: a.route.map((r) => roadName(ctx, r)).join(', ') });
    case 'unit/order':
      if (a.task.kind === 'idle') return t('debrief.do.idle', { unit: unitName(ctx, a.unit) });
      if (a.task.kind === 'patrol') return t('debrief.do.patrol', { unit: unitName(ctx, a.unit), road: roadName(ctx, a.task.road) });
      return t('debrief.do.garrison', { unit: unitName(ctx, a.unit), town: townName(ctx, a.task.town) });
    case 'policy/enact':
      return t('debrief.do.enact', { policy: policyName(a.policy) });
    case 'policy/revoke':
      return t('debrief.do.revoke', { policy: policyName(a.policy) });
  }
}

/* ---------------------------------------------------------------- the blockade */

const factor = (move: Immutable<AiMoveRecord>, name: string): number => move.reason.factors.find((f) => f.name === name)?.value ?? 0;
const fmt = (n: number): string => formatNumber(n, 1);

function targetName(ctx: LevelContext, move: Immutable<AiMoveRecord>): string {
  switch (move.kind) {
    case 'ambush':
    case 'checkpoint':
      return roadName(ctx, move.target);
    case 'intimidate':
    case 'declareBlockade':
      return corridorName(ctx, move.target);
    case 'move':
    case 'attackTown':
      return townName(ctx, move.target);
    case 'raidBorder':
      return townName(ctx, ctx.entries.get(move.target)?.town ?? move.target);
  }
}

/** What came of an attack on a town, from the public news of the same hour. */
export function townAttackOutcome(state: Immutable<GameState>, move: Immutable<AiMoveRecord>): 'fallen' | 'held' | null {
  if (move.kind !== 'attackTown') return null;
  const news = state.news.find((n) => n.kind === 'town' && n.hour === move.hour && n.facts.town === move.target);
  return news ? (news.facts.fallen ? 'fallen' : 'held') : null;
}

/** The blockade's move and its reason, as a sentence: "Ambushed the road X: 3 convoys seen there…". */
export function aiMoveText(ctx: LevelContext, move: Immutable<AiMoveRecord>, state?: Immutable<GameState>): string {
  const outcome = state ? townAttackOutcome(state, move) : null;
  const reason = aiReasonText(ctx, move);
  return outcome ? `${reason} ${t(`debrief.ai.town.${outcome}`)}` : reason;
}

function aiReasonText(ctx: LevelContext, move: Immutable<AiMoveRecord>): string {
  const target = targetName(ctx, move);
  switch (move.reason.code) {
    case 'ambush-habit':
      return factor(move, 'convoysSeen') > 0
        ? t('debrief.ai.ambushHabit', {
            road: target,
            seen: fmt(factor(move, 'convoysSeen')),
            near: fmt(factor(move, 'convoysNear')),
            escort: fmt(factor(move, 'escortStrength')),
            tankers: fmt(factor(move, 'tankersExpected')),
            patrol: fmt(factor(move, 'patrol')),
          })
        : t('debrief.ai.ambushRisk', { road: target, near: fmt(factor(move, 'convoysNear')), patrol: fmt(factor(move, 'patrol')) });
    case 'checkpoint-traffic':
      return t(factor(move, 'laterite') > 0 ? 'debrief.ai.checkpointLaterite' : 'debrief.ai.checkpoint', {
        road: target,
        seen: fmt(factor(move, 'convoysSeen')),
        patrol: fmt(factor(move, 'patrol')),
      });
    case 'town-exposed':
      return t('debrief.ai.town', { town: target, garrison: fmt(factor(move, 'garrison')), strength: fmt(factor(move, 'strength')), need: fmt(factor(move, 'need')) });
    case 'drivers':
      return t('debrief.ai.drivers', { corridor: target, seen: fmt(factor(move, 'convoysSeen')) });
    case 'declare':
      return t('debrief.ai.declare', { corridor: target, seen: fmt(factor(move, 'convoysSeen')) });
    case 'follow-traffic':
      return t(factor(move, 'exposedTown') > 0 ? 'debrief.ai.moveExposed' : 'debrief.ai.move', { town: target, traffic: fmt(factor(move, 'traffic')) });
    default:
      return t('debrief.ai.other', {
        kind: t(`debrief.aiKind.${move.kind}`),
        target,
        factors: move.reason.factors.map((f) => `${f.name} ${fmt(f.value)}`).join(', '),
      });
  }
}

/* ---------------------------------------------------------------- charts */

export interface DailySeries {
  days: number[];
  stockML: number[];
  trust: number[];
  services: Record<Sector, number[]>;
  powerHours: number[];
  delivered: number[];
  lost: number[];
}

/** One value per day; history keeps running totals of tankers, the chart wants each day's count. */
export function dailySeries(state: Immutable<GameState>): DailySeries {
  const h = state.history;
  const services = Object.fromEntries(SECTORS.map((s) => [s, h.map((d) => d.services[s])])) as Record<Sector, number[]>;
  return {
    days: h.map((d) => d.day),
    stockML: h.map((d) => Math.round(d.stockL / 10_000) / 100),
    trust: h.map((d) => d.trust),
    services,
    powerHours: h.map((d) => d.powerHours),
    delivered: h.map((d, i) => d.tankersDelivered - (i > 0 ? h[i - 1]!.tankersDelivered : 0)),
    lost: h.map((d, i) => d.tankersLost - (i > 0 ? h[i - 1]!.tankersLost : 0)),
  };
}

/* ---------------------------------------------------------------- timeline */

/** The calendar hour at which a level day begins. */
export const dayStartHour = (day: number): number => (day - 1) * 24;

/** News kinds worth a line in the day-by-day story of the player's game. */
const STORY_KINDS = new Set(['attack', 'arrival', 'town', 'blockade', 'checkpoint', 'refusal']);

export interface DayRow {
  day: number;
  decisions: Decision[];
  news: Immutable<GameState>['news'][number][];
  events: LevelContext['level']['events'];
}

/** Days with something to tell, side by side: the player's decisions, what happened in the game, what happened in 2025. */
export function dayRows(ctx: LevelContext, state: Immutable<GameState>, log: readonly Action[]): DayRow[] {
  const rows = new Map<number, DayRow>();
  const row = (day: number): DayRow => {
    let r = rows.get(day);
    if (!r) rows.set(day, (r = { day, decisions: [], news: [], events: [] }));
    return r;
  };
  // A plan re-committed unchanged is not a new decision.
  let lastPlan = '';
  for (const d of playerDecisions(log)) {
    if (d.action.type === 'plan/set') {
      const plan = JSON.stringify(d.action.plan);
      if (plan === lastPlan) continue;
      lastPlan = plan;
    }
    row(dayOf(d.hour)).decisions.push(d);
  }
  for (const n of state.news) if (STORY_KINDS.has(n.kind) && !(n.kind === 'town' && n.facts.held)) row(dayOf(n.hour)).news.push(n);
  for (const e of ctx.level.events) if (e.day <= ctx.level.days) row(e.day).events.push(e);
  return [...rows.values()].sort((a, b) => a.day - b.day);
}

/* ---------------------------------------------------------------- questions */

const pct = (lost: number, sent: number): number => (sent === 0 ? 0 : Math.round((100 * lost) / sent));

/**
 * Four to six questions for the class, each tied to what this player did and chosen by what
 * happened: a question that presumes a loss, a move or a policy is asked only when the game
 * had it (escorts "not enough" only when escorted convoys lost tankers, towns lost "while your
 * units were on the roads" only when they were).
 */
export function discussionQuestions(ctx: LevelContext, state: Immutable<GameState>, log: readonly Action[], losses: readonly TownLoss[] = townLosses(ctx, state, log)): string[] {
  const decisions = playerDecisions(log).map((d) => d.action);
  const enacted = (id: string): boolean => decisions.some((a) => a.type === 'policy/enact' && a.policy === id);
  const facts = lessonFacts(ctx, state);
  const out: string[] = [];

  if (enacted('closeSchools')) out.push(t('debrief.q.schoolsClosed', { n: state.metrics.educationDaysLost }));
  else if (state.metrics.educationDaysLost > 0) out.push(t('debrief.q.schoolsStarved', { n: state.metrics.educationDaysLost }));
  else out.push(t('debrief.q.schoolsOpen'));

  const fallen = losses.length;
  if (fallen > 0) out.push(tn(losses.some((l) => l.away.length > 0) ? 'debrief.q.townsFellAway' : 'debrief.q.townsFellWeak', fallen));
  else if (state.aiMoves.some((m) => m.kind === 'attackTown')) out.push(t(unitsSentOut(log) ? 'debrief.q.townsHeld' : 'debrief.q.townsHeldIdle'));
  else out.push(t('debrief.q.townsUntested'));

  // Convoys that ended their trip at the depot or on the road (those turned back carried nothing in).
  const convoys = state.pastConvoys.filter((c) => c.status !== 'returned');
  const e = facts.escorts;
  if (convoys.length === 0) out.push(t('debrief.q.noConvoys'));
  else {
    const escorted = convoys.filter((c) => c.escorts > 0).length;
    const lossEscorted = pct(e.escortedLost, e.escortedSent);
    const lossAlone = pct(e.unescortedLost, e.unescortedSent);
    if (escorted === 0) out.push(t('debrief.q.escortsNone', { total: convoys.length, lossAlone }));
    else if (e.escortedLost > 0) {
      out.push(t('debrief.q.escortsHit', { escorted, total: convoys.length, lossEscorted, lossAlone: escorted === convoys.length ? '—' : String(lossAlone) }));
    } else {
      const alone = escorted === convoys.length ? '' : t('debrief.q.escortsHeldAlone', { lossAlone });
      out.push(t('debrief.q.escortsHeld', { escorted, total: convoys.length, alone }));
    }
  }

  const habitAmbushes = state.aiMoves.filter((m) => m.kind === 'ambush' && factor(m, 'convoysSeen') >= 2).length;
  if (habitAmbushes > 0) out.push(tn('debrief.q.habits', habitAmbushes));

  const ban = facts.ban;
  if (ban.since !== null && ban.before && ban.after.cells <= ban.before.cells && ban.after.strength <= ban.before.strength) {
    out.push(
      t('debrief.q.banNoGrowth', { cellsBefore: ban.before.cells, strengthBefore: ban.before.strength, cellsAfter: ban.after.cells, strengthAfter: ban.after.strength }),
    );
  } else out.push(enacted('banRuralSales') && ban.since !== null ? t('debrief.q.banBackfire') : t('debrief.q.banConsidered'));

  if (enacted('priceControls')) out.push(t('debrief.q.priceControls'));

  const history = state.history;
  if (history.length > 0) {
    let worst: Sector = 'power';
    let worstMean = Infinity;
    for (const s of SECTORS) {
      if (s === 'schools') continue;
      const mean = history.reduce((sum, d) => sum + d.services[s], 0) / history.length;
      if (mean < worstMean) [worst, worstMean] = [s, mean];
    }
    // Rounded down, so that "at least" stays true.
    if (worstMean >= RATIONING_FELT) out.push(t('debrief.q.rationingNone', { level: Math.floor(worstMean) }));
    else out.push(t('debrief.q.rationing', { sector: sectorName(worst).toLowerCase(), level: Math.round(worstMean) }));
  }
  if (state.metrics.livesLost > 0) out.push(t('debrief.q.lives', { n: state.metrics.livesLost }));
  return out.slice(0, 6);
}

/** Whether the player ever sent a unit onto the roads: an escort or a patrol. */
export const unitsSentOut = (log: readonly Action[]): boolean =>
  log.some((a) => (a.type === 'convoy/form' && a.escort.length > 0) || (a.type === 'unit/order' && a.task.kind === 'patrol'));

/** A service kept at this level or more on average was not really rationed (percent). */
const RATIONING_FELT = 95;
