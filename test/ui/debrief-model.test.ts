import { playerView } from '../../src/ai/coordinator';
import type { Immutable } from 'immer';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/app/i18n';
import { GameSession } from '../../src/app/session';
import { baseline } from '../../src/ai/players';
import { HOURS_PER_DAY } from '../../src/sim/balance';
import type { AiMoveRecord, CellId, PlayerAction } from '../../src/sim/state';
import { aiMoveText, dailySeries, dayRows, decisionText, discussionQuestions, playerDecisions, townAttackOutcome } from '../../src/ui/debrief/model';
import { shippedContext } from '../helpers';

const ctx = shippedContext('bamako-2025');

function playedToEnd(): GameSession {
  const session = GameSession.start(ctx, 5, 'normal');
  while (!session.over) {
    for (const a of baseline(playerView(session.state), ctx)) session.dispatch(a);
    session.advanceHours(1);
  }
  return session;
}
const session = playedToEnd();

afterEach(() => setLang('en'));

describe("the player's decisions", () => {
  it('carry the hour at which they were given: the ticks before them', () => {
    const decisions = playerDecisions(session.log);
    expect(decisions.length).toBeGreaterThan(0);
    let ticks = 0;
    let next = 0;
    for (const action of session.log) {
      if (action.type === 'tick') ticks += 1;
      else if (!action.type.startsWith('ai/')) {
        expect(decisions[next]).toEqual({ hour: ticks, action });
        next += 1;
      }
    }
    expect(next).toBe(decisions.length);
    // The baseline coordinator acts at 06:00.
    expect(decisions.every((d) => d.hour % HOURS_PER_DAY === 6)).toBe(true);
  });

  it.each(['en', 'fr'] as const)('every kind of command reads as a sentence (%s)', (lang) => {
    setLang(lang);
    const route = ctx.routes.get('zegoua')![0]!;
    const actions = [
      { type: 'plan/set', plan: session.state.plan },
      { type: 'convoy/form', entry: 'zegoua', tankers: 9, route, departAt: 30, escort: ['escort-1'] },
      { type: 'convoy/form', entry: 'zegoua', tankers: 9, route, departAt: 30, escort: [] },
      { type: 'convoy/halt', convoy: 4 },
      { type: 'convoy/resume', convoy: 4 },
      { type: 'convoy/turnBack', convoy: 4 },
      { type: 'convoy/reroute', convoy: 4, route },
      { type: 'unit/order', unit: 'patrol-1', task: { kind: 'idle' } },
      { type: 'unit/order', unit: 'patrol-1', task: { kind: 'patrol', road: 'kayes-kita' } },
      { type: 'unit/order', unit: 'patrol-1', task: { kind: 'garrison', town: 'kita' } },
      { type: 'policy/enact', policy: 'curfew' },
      { type: 'policy/revoke', policy: 'curfew' },
    ] as unknown as PlayerAction[];
    const texts = actions.map((action) => decisionText(ctx, { hour: 6, action }, session.state));
    for (const text of texts) expect(text).not.toMatch(/debrief\.|hud\.|\{/);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe("the blockade's moves and their reasons", () => {
  it.each(['en', 'fr'] as const)('every move of a whole game reads as a sentence with its factors (%s)', (lang) => {
    setLang(lang);
    expect(session.state.aiMoves.length).toBeGreaterThan(5);
    for (const move of session.state.aiMoves) expect(aiMoveText(ctx, move, session.state)).not.toMatch(/debrief\.|hud\.|\{/);
  });

  it('says which roads were watched, how often, and how strong the escorts were', () => {
    const move: Immutable<AiMoveRecord> = {
      hour: 100,
      kind: 'ambush',
      cell: 'cell-1' as CellId,
      target: 'kadiana-kolondieba',
      reason: {
        code: 'ambush-habit',
        factors: [
          { name: 'convoysSeen', value: 3 },
          { name: 'convoysNear', value: 4 },
          { name: 'escortStrength', value: 1 },
          { name: 'patrol', value: 0 },
          { name: 'tankersExpected', value: 12 },
        ],
      },
    };
    expect(aiMoveText(ctx, move)).toBe(
      'Set an ambush on Kadiana–Kolondiéba. It had seen 3 convoy(s) on this road (4 on the roads around), with an average escort strength of 1 and about 12 tankers each; patrol strength there: 0.',
    );
  });

  it('an unknown reason still lists its factors', () => {
    const move: Immutable<AiMoveRecord> = { hour: 1, kind: 'move', cell: 'cell-1' as CellId, target: 'kita', reason: { code: 'new-idea', factors: [{ name: 'x', value: 2 }] } };
    expect(aiMoveText(ctx, move)).toBe('Move (Kita): x 2.');
  });

  it('attacks on towns say whether the town fell', () => {
    const attacks = session.state.aiMoves.filter((m) => m.kind === 'attackTown');
    expect(attacks.length).toBeGreaterThan(0);
    for (const a of attacks) expect(townAttackOutcome(session.state, a)).not.toBeNull();
  });
});

describe('charts, timeline and questions', () => {
  it('daily tanker counts add up to the totals', () => {
    const series = dailySeries(session.state);
    const last = session.state.history.at(-1)!;
    expect(series.days.length).toBe(session.state.history.length);
    expect(series.delivered.reduce((a, b) => a + b, 0)).toBe(last.tankersDelivered);
    expect(series.lost.reduce((a, b) => a + b, 0)).toBe(last.tankersLost);
    expect(series.delivered.every((n) => n >= 0)).toBe(true);
  });

  it('the day-by-day story has every scripted event of the level on its day, and no unchanged plan twice', () => {
    const rows = dayRows(ctx, session.state, session.log);
    for (const event of ctx.level.events) expect(rows.find((r) => r.day === event.day)?.events).toContainEqual(event);
    const plans = rows.flatMap((r) => r.decisions).filter((d) => d.action.type === 'plan/set');
    for (let i = 1; i < plans.length; i++) expect(JSON.stringify(plans[i]!.action)).not.toBe(JSON.stringify(plans[i - 1]!.action));
    expect(rows.map((r) => r.day)).toEqual([...rows.map((r) => r.day)].sort((a, b) => a - b));
  });

  it.each(['en', 'fr'] as const)('four to six discussion questions, tied to the choices (%s)', (lang) => {
    setLang(lang);
    const questions = discussionQuestions(ctx, session.state, session.log);
    expect(questions.length).toBeGreaterThanOrEqual(4);
    expect(questions.length).toBeLessThanOrEqual(6);
    for (const q of questions) expect(q).not.toMatch(/debrief\.|\{/);
  });

  it('closing schools and banning rural sales bring their own questions', () => {
    const s = GameSession.start(ctx, 2, 'normal');
    s.dispatch({ type: 'policy/enact', policy: 'closeSchools' });
    s.dispatch({ type: 'policy/enact', policy: 'banRuralSales' });
    s.advanceHours(3 * HOURS_PER_DAY);
    const questions = discussionQuestions(ctx, s.state, s.log).join('\n');
    expect(questions).toMatch(/You closed the schools/);
    expect(questions).toMatch(/You banned fuel sales/);
  });
});
