/**
 * The facts the debrief's six lessons are told from come from the game itself: contrasting
 * games give contrasting facts, and each agrees with the game's own records.
 */
import { describe, expect, it } from 'vitest';
import { styledBaseline } from '../../src/ai/baseline';
import { playWith } from '../../src/ai/match';
import { PLAYERS } from '../../src/ai/players';
import { lessonFacts } from '../../src/sim/lessons';
import { shippedContext } from '../helpers';

const ctx = shippedContext('bamako-2025', 30);
const play = (coordinator: Parameters<typeof playWith>[3], seed = 3) => playWith(ctx, seed, 'normal', coordinator, false).state;

describe('lesson facts', () => {
  it('a city left alone runs dry: the siege lesson says so, with no convoy to speak of', () => {
    const state = play(PLAYERS.idle);
    const facts = lessonFacts(ctx, state);
    expect(facts.siege.collapsedByFuel).toBe(true);
    expect(facts.siege.dryDays).toBeGreaterThanOrEqual(3);
    expect(facts.escorts.escortedSent + facts.escorts.unescortedSent).toBe(0);
    expect(facts.ban.since).toBeNull();
  });

  it('escorted and unescorted tankers add up to the convoys that ended, and the losses to the tankers lost on the road', () => {
    for (const seed of [1, 2, 3, 4]) {
      const state = play(PLAYERS.baseline, seed);
      const { escorts, siege } = lessonFacts(ctx, state);
      const ended = state.pastConvoys.filter((c) => c.status !== 'returned');
      expect(escorts.escortedSent + escorts.unescortedSent).toBe(ended.reduce((s, c) => s + c.tankersAtStart, 0));
      expect(escorts.escortedLost + escorts.unescortedLost).toBeLessThanOrEqual(siege.tankersLost);
    }
  });

  it('the ban lesson compares the group on the day the ban came into force with the end, only when it did', () => {
    const state = play(styledBaseline({ banRuralSales: true }));
    const { ban } = lessonFacts(ctx, state);
    expect(ban.since).toBeGreaterThan(1);
    expect(ban.before).not.toBeNull();
    expect(ban.after.cells).toBe(state.cells.length);
    expect(lessonFacts(ctx, play(PLAYERS.baseline)).ban).toMatchObject({ since: null, before: null, townsFallenAfter: 0 });
  });

  it('the city lesson reads its extremes from the days played', () => {
    const state = play(PLAYERS.baseline);
    const { city } = lessonFacts(ctx, state);
    expect(city.powerLow).toBe(Math.min(...state.history.map((h) => h.powerHours)));
    expect(city.blackPriceHigh).toBe(Math.max(...state.history.map((h) => h.blackPrice)));
    expect(city.livesLost).toBe(state.metrics.livesLost);
  });

  it('the fear lesson names the crossing whose drivers lost most heart, when any did', () => {
    const { fear } = lessonFacts(ctx, play(PLAYERS['fixed-route']));
    expect(fear.worst).not.toBeNull();
    expect(fear.worst!.low).toBeLessThan(fear.worst!.from);
  });
});
