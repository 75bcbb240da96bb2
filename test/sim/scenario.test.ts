import { describe, expect, it } from 'vitest';
import { playMatch } from '../../src/ai/match';
import { buildResult, parseResult, resultContext, verifyResult } from '../../src/sim/result';
import { applySettings, scenarioContext, settingsSchema } from '../../src/sim/scenario';
import { buildContext } from '../../src/sim/context';
import { loadLevelFile } from '../helpers';
import { english, french } from '../reason-helpers';

const level = loadLevelFile('levels/bamako-2025.json');
const custom = { en: 'Fuel traders strike', fr: 'Grève des négociants en carburant' };

describe('scenario settings from the instructor', () => {
  it('add injects as events on their day, from the level or written for the class', () => {
    const settings = settingsSchema.parse({
      injects: [
        { day: 3, event: 'blockade-declared' },
        { day: 5, title: custom, body: custom, effects: { trust: -4 } },
      ],
    });
    const applied = applySettings(level, settings);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect(applied.level.events.filter((e) => e.id.startsWith('inject-')).map((e) => e.day)).toEqual([3, 5]);
    const ctx = buildContext(applied.level, 6);
    const { state } = playMatch(ctx, { seed: 1, difficulty: 'normal', policy: 'idle' });
    const news = state.news.filter((n) => n.event?.startsWith('inject-'));
    expect(news.map((n) => Math.floor(n.hour / 24) + 1)).toEqual([3, 5]);
  });

  it.each([
    [{ injects: [{ day: 99, event: 'blockade-declared' }] }, 'scenario.injectAfterEnd', 'inject 1 is on day 99, but the scenario lasts 60 days', 'l’injection 1 tombe le jour 99, mais le scénario dure 60 jours'],
    [{ injects: [{ day: 2, event: 'no-such-event' }] }, 'scenario.injectUnknownEvent', 'inject 1 names an event “no-such-event” that the scenario does not have', 'l’injection 1 nomme un événement « no-such-event »'],
  ])('refuse injects the level cannot play (%#)', (raw, code, en, fr) => {
    const applied = applySettings(level, settingsSchema.parse(raw));
    expect(applied.ok).toBe(false);
    if (applied.ok) return;
    expect(applied.reason.code).toBe(code);
    expect(english(applied.reason)).toBe(en);
    expect(french(applied.reason)).toContain(fr);
  });

  it('reject an inject that is both a level event and a custom text', () => {
    const both = settingsSchema.safeParse({ injects: [{ day: 2, event: 'blockade-declared', title: custom, body: custom }] });
    expect(both.success).toBe(false);
    // The check's issue names its reason, for the pages to say.
    expect(both.error?.issues[0]).toMatchObject({ code: 'custom', path: ['injects', 0], params: { reason: 'issue.injectEventOrText' } });
  });

  it('limit the policies on offer', () => {
    const scenario = scenarioContext(level, { injects: [], policies: ['hazardPay', 'curfew'] });
    expect(scenario.ok && scenario.ctx.level.policies).toEqual(['curfew', 'hazardPay']);
  });

  it('travel in the result file, so a replay plays the same scenario', () => {
    const settings = settingsSchema.parse({ injects: [{ day: 2, title: custom, body: custom, effects: { trust: -5 } }] });
    const scenario = scenarioContext(level, settings, 5);
    if (!scenario.ok) throw new Error(english(scenario.reason));
    expect(scenario.ctx.levelHash).toBe(buildContext(level).levelHash);
    const match = playMatch(scenario.ctx, { seed: 8, difficulty: 'normal', policy: 'baseline' });
    const result = buildResult({ ctx: scenario.ctx, state: match.state, log: match.log, dailyHashes: match.dailyHashes, player: {}, settings });
    const parsed = parseResult(JSON.stringify(result));
    if (!parsed.ok) throw new Error(english(parsed.reason));
    const again = resultContext(level, parsed.value);
    if (!again.ok) throw new Error(english(again.reason));
    expect(verifyResult(again.ctx, parsed.value).ok).toBe(true);
    // The same log on the level without the inject is not the same game.
    expect(verifyResult(buildContext(level, 5), parsed.value).ok).toBe(false);
  });
});
