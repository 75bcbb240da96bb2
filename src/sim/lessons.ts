/**
 * The six lessons of 2025, in one game's own numbers: what the debrief says about siege,
 * escorts, fear, the rural ban, towns and the city's cost, each only from what happened in
 * this game (the debrief chooses its sentence by these facts, never the other way round).
 */
import type { Immutable } from 'immer';
import { HOURS_PER_DAY } from './balance';
import type { LevelContext } from './context';
import { dayOf } from './selectors';
import type { GameState } from './state';

export interface LessonFacts {
  siege: {
    /** Attacks on convoys and raids on trucks waiting at a border. */
    attacks: number;
    tankersLost: number;
    /** Days that ended with the depot empty. */
    dryDays: number;
    collapsedByFuel: boolean;
  };
  escorts: {
    escortedSent: number;
    escortedLost: number;
    unescortedSent: number;
    unescortedLost: number;
    /** Attacks on escorted convoys that still burned tankers. */
    escortedHit: number;
  };
  fear: {
    /** The crossing whose drivers' morale fell furthest below where it started, if any did. */
    worst: { entry: string; from: number; low: number } | null;
    refusals: number;
    hazardPay: boolean;
  };
  ban: {
    /** Day the ban came into force, or null if it never did. */
    since: number | null;
    /** The group's cells and their summed strength on the day it came into force and at the end. */
    before: { cells: number; strength: number } | null;
    after: { cells: number; strength: number };
    townsFallenAfter: number;
  };
  towns: { fallen: number; retaken: number; lostNow: number; cellsFormed: number };
  city: {
    /** Fewest power hours in a day, and on the last day. */
    powerLow: number;
    powerLast: number;
    blackPriceHigh: number;
    pumpPrice: number;
    schoolDaysLost: number;
    livesLost: number;
    driversTaken: number;
  };
}

export function lessonFacts(ctx: LevelContext, state: Immutable<GameState>): LessonFacts {
  const escorts = { escortedSent: 0, escortedLost: 0, unescortedSent: 0, unescortedLost: 0, escortedHit: 0 };
  for (const c of state.pastConvoys) {
    if (c.status === 'returned') continue;
    if (c.escorts > 0) {
      escorts.escortedSent += c.tankersAtStart;
      escorts.escortedLost += c.tankersAtStart - c.tankers;
    } else {
      escorts.unescortedSent += c.tankersAtStart;
      escorts.unescortedLost += c.tankersAtStart - c.tankers;
    }
  }
  let attacks = 0;
  let refusals = 0;
  let fallen = 0;
  let retaken = 0;
  for (const n of state.news) {
    if (n.kind === 'attack' || n.kind === 'raid') attacks += 1;
    if (n.kind === 'attack' && n.facts.escorted === 1) escorts.escortedHit += 1;
    if (n.kind === 'refusal') refusals += 1;
    if (n.kind === 'town' && n.facts.fallen) fallen += 1;
    if (n.kind === 'town' && n.facts.retaken) retaken += 1;
  }
  let worst: LessonFacts['fear']['worst'] = null;
  ctx.level.entryPoints.forEach((entry, i) => {
    const low = Math.min(...state.history.map((h) => h.morale[i] ?? entry.morale));
    if (low < entry.morale && (worst === null || entry.morale - low > worst.from - worst.low)) worst = { entry: entry.id, from: entry.morale, low };
  });
  const ban = state.policies.find((p) => p.id === 'banRuralSales');
  const banSince = ban && ban.status === 'active' ? dayOf(ban.since) : null;
  const history = state.history;
  return {
    siege: {
      attacks,
      tankersLost: state.metrics.tankersLost,
      dryDays: history.filter((h) => h.stockL === 0).length,
      collapsedByFuel: state.collapseReason === 'fuel',
    },
    escorts,
    fear: { worst, refusals, hazardPay: state.news.some((n) => n.kind === 'policy' && n.facts.policy === 'hazardPay' && n.facts.status === 'active') },
    ban: {
      since: banSince,
      before: state.group.atBan,
      after: { cells: state.cells.length, strength: state.cells.reduce((s, c) => s + c.strength, 0) },
      townsFallenAfter:
        banSince === null ? 0 : state.news.filter((n) => n.kind === 'town' && n.facts.fallen && n.hour >= (banSince - 1) * HOURS_PER_DAY).length,
    },
    towns: { fallen, retaken, lostNow: state.towns.filter((t) => t.control === 'fallen').length, cellsFormed: state.group.cellsMade - ctx.level.blockade.cells[state.difficulty] },
    city: {
      powerLow: history.length === 0 ? state.city.powerHours : Math.min(...history.map((h) => h.powerHours)),
      powerLast: state.city.powerHours,
      blackPriceHigh: history.length === 0 ? state.city.blackPrice : Math.max(...history.map((h) => h.blackPrice)),
      pumpPrice: ctx.level.economy.pumpPriceCfa,
      schoolDaysLost: state.metrics.educationDaysLost,
      livesLost: state.metrics.livesLost,
      driversTaken: state.metrics.driversTaken,
    },
  };
}
