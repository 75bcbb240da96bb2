/**
 * The six lessons of 2025 (docs/teaching-guide.md), each a measured effect of the rules over
 * at least 50 seeded games of bamako-2025 on normal, not only a sentence in the debrief:
 * (a) an economic siege, (b) escorts help but do not guarantee passage, (c) fear stops the
 * supply, (d) the rural fuel ban backfires, (e) roads or rural towns, (f) the city pays;
 * and an opponent that reaches every corridor and learns.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { styledBaseline } from '../../src/ai/baseline';
import { lossShare, meanOf, playSeeds, type GameStats } from '../../src/ai/lab';
import { PLAYERS } from '../../src/ai/players';
import { buildContext } from '../../src/sim/context';
import { loadLevelFile, shippedContext } from '../helpers';

const RUNS = 60;
const ctx = shippedContext('bamako-2025');
/** 20–31 October 2025: days 48–59 of a game that starts on 3 September. */
const LATE_OCTOBER = [48, 59] as const;

let baseline: GameStats[];
beforeAll(() => {
  baseline = playSeeds(ctx, PLAYERS.baseline, 'normal', RUNS, LATE_OCTOBER);
}, 300_000);

describe('(a) an economic siege', () => {
  it('a coordinator who does nothing collapses because the services run dry, in every game', () => {
    const idle = playSeeds(ctx, PLAYERS.idle, 'normal', RUNS);
    for (const game of idle) expect([game.outcome, game.collapseReason]).toEqual(['collapsed', 'fuel']);
  });

  it('the group never moves into the capital nor attacks it: it strangles its supply', () => {
    for (const game of baseline) {
      for (const move of game.state.aiMoves) expect(move.target).not.toBe(ctx.depot);
      for (const cell of game.state.cells) expect(cell.town).not.toBe(ctx.depot);
    }
    expect(meanOf(baseline, (g) => g.state.metrics.tankersLost)).toBeGreaterThan(0);
  });
});

describe('(b) escorts help, but do not guarantee passage', () => {
  it('escorted convoys lose 2–15 % of their tankers; unescorted ones at least twice that share', () => {
    const escorted = lossShare(baseline, 'escorted');
    expect(escorted).toBeGreaterThanOrEqual(0.02);
    expect(escorted).toBeLessThanOrEqual(0.15);
    expect(lossShare(baseline, 'unescorted')).toBeGreaterThanOrEqual(2 * escorted);
  });

  it('strong cells do attack escorted convoys', () => {
    const onEscorted = baseline.flatMap((g) => g.state.news.filter((n) => n.kind === 'attack' && n.facts.escorted === 1));
    expect(onEscorted.length).toBeGreaterThanOrEqual(RUNS / 2);
  });
});

describe('(c) fear stops the supply', () => {
  it('drivers lose morale on the days their corridor is attacked, and recover on quiet days', () => {
    const violent: number[] = [];
    const quiet: number[] = [];
    for (const game of baseline) {
      const { history, news } = game.state;
      for (let d = 1; d < history.length; d++) {
        const day = history[d]!.day;
        ctx.level.entryPoints.forEach((entry, i) => {
          const change = history[d]!.morale[i]! - history[d - 1]!.morale[i]!;
          const struck = news.some(
            (n) =>
              Math.floor(n.hour / 24) + 1 === day &&
              ((n.kind === 'attack' && ctx.roads.get(String(n.facts.road))?.corridor === entry.corridor) || (n.kind === 'raid' && n.facts.entry === entry.id)),
          );
          (struck ? violent : quiet).push(change);
        });
      }
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(violent.length).toBeGreaterThan(RUNS);
    expect(mean(violent)).toBeLessThan(-3);
    expect(mean(quiet)).toBeGreaterThan(mean(violent) + 3);
  });

  it('hazard pay keeps drivers on the road: higher morale over the game, more tankers delivered', () => {
    const paid = playSeeds(ctx, styledBaseline({ hazardPay: 'always' }), 'normal', RUNS);
    const unpaid = playSeeds(ctx, styledBaseline({ hazardPay: 'never' }), 'normal', RUNS);
    const meanMorale = (games: GameStats[]) => meanOf(games, (g) => meanOf([g], () => g.state.history.reduce((s, h) => s + h.morale.reduce((a, b) => a + b, 0) / h.morale.length, 0) / g.state.history.length));
    expect(meanMorale(paid)).toBeGreaterThan(meanMorale(unpaid) + 5);
    expect(meanOf(paid, (g) => g.state.metrics.tankersDelivered / Math.max(1, g.daysSurvived))).toBeGreaterThan(
      meanOf(unpaid, (g) => g.state.metrics.tankersDelivered / Math.max(1, g.daysSurvived)),
    );
  });

  it('tankers left waiting at a border are burned there', () => {
    const raids = baseline.flatMap((g) => g.state.news.filter((n) => n.kind === 'raid'));
    expect(raids.length).toBeGreaterThan(0);
    for (const raid of raids) expect(Number(raid.facts.lost)).toBeGreaterThan(0);
  });
});

describe('(d) the rural fuel ban backfires', () => {
  const twenty = buildContext(loadLevelFile('levels/bamako-2025.json'), 20);
  let banned: GameStats[];
  let without: GameStats[];
  beforeAll(() => {
    banned = playSeeds(twenty, styledBaseline({ banRuralSales: true }), 'normal', RUNS);
    without = playSeeds(twenty, styledBaseline({}), 'normal', RUNS);
  }, 300_000);

  it('by day 20 the cells are stronger or more numerous than without the ban', () => {
    expect(meanOf(banned, (g) => g.cellStrength)).toBeGreaterThan(meanOf(without, (g) => g.cellStrength) + 2);
  });

  it('and rural towns fall sooner', () => {
    expect(meanOf(banned, (g) => g.townsFallen)).toBeGreaterThan(meanOf(without, (g) => g.townsFallen));
    expect(meanOf(banned, (g) => g.firstFallDay ?? 21)).toBeLessThan(meanOf(without, (g) => g.firstFallDay ?? 21));
  });
});

describe('(e) roads or rural towns', () => {
  it('a group that holds more towns has stronger cells', () => {
    const sorted = [...baseline].sort((a, b) => a.townsFallen - b.townsFallen);
    const few = sorted.slice(0, RUNS / 3);
    const many = sorted.slice(-RUNS / 3);
    expect(meanOf(many, (g) => g.cellStrength)).toBeGreaterThan(meanOf(few, (g) => g.cellStrength));
  });

  it('pulling every unit onto the roads loses the towns; garrisoning every town keeps them', () => {
    const escortAll = playSeeds(ctx, PLAYERS['escort-all'], 'normal', RUNS);
    const garrisonAll = playSeeds(ctx, PLAYERS['garrison-all'], 'normal', RUNS);
    expect(meanOf(escortAll, (g) => g.townsFallen)).toBeGreaterThan(meanOf(garrisonAll, (g) => g.townsFallen) + 3);
    // …and garrisoning everything leaves the convoys to burn.
    expect(lossShare(garrisonAll, 'all')).toBeGreaterThan(lossShare(escortAll, 'all'));
  });
});

describe('(f) the city pays', () => {
  it('under the historical supply, late October has power 4–8 h a day, queues and a black market near 2,000 CFA/L', () => {
    const played = baseline.filter((g) => g.city !== null);
    expect(played.length).toBeGreaterThanOrEqual(RUNS / 2);
    const power = meanOf(played, (g) => g.city!.powerHours);
    expect(power).toBeGreaterThanOrEqual(4);
    expect(power).toBeLessThanOrEqual(8);
    expect(meanOf(played, (g) => g.city!.queueHours)).toBeGreaterThanOrEqual(1);
    const black = meanOf(played, (g) => g.city!.blackPrice);
    expect(black).toBeGreaterThanOrEqual(1600);
    expect(black).toBeLessThanOrEqual(2400);
  });

  it('schools close when transport fails, and those school days count', () => {
    const shut = baseline.filter((g) => g.state.news.some((n) => n.kind === 'schools' && n.facts.shut === 1));
    expect(shut.length).toBeGreaterThan(RUNS / 2);
    for (const game of shut) expect(game.educationDaysLost).toBeGreaterThan(0);
  });

  it('talking is no substitute: the information campaign alone never holds', () => {
    expect(playSeeds(ctx, PLAYERS['info-campaign-only'], 'normal', RUNS).every((g) => g.outcome === 'collapsed')).toBe(true);
  });
});

describe('an opponent that reaches everywhere and learns', () => {
  it('strikes on every corridor, Guinea included', () => {
    const struck = new Set<string>();
    for (const game of baseline) {
      for (const move of game.state.aiMoves) {
        if (move.kind === 'ambush' || move.kind === 'checkpoint') struck.add(ctx.roads.get(move.target)!.corridor);
        if (move.kind === 'raidBorder') struck.add(ctx.entries.get(move.target)!.corridor);
      }
    }
    expect([...struck].sort()).toEqual(ctx.level.corridors.map((c) => c.id).sort());
  });

  it('a fixed route at a fixed hour loses at least 1.5 times the share of tankers a varied one loses', () => {
    const fixed = playSeeds(ctx, PLAYERS['fixed-route'], 'normal', RUNS);
    expect(lossShare(fixed, 'all')).toBeGreaterThanOrEqual(1.5 * lossShare(baseline, 'all'));
  });
});
