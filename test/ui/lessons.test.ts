/**
 * The debrief's six lessons never say what the game did not show: contrasting games (a
 * coordinator who does nothing, the baseline, escorting everything, the rural ban) each get
 * sentences whose numbers are their own.
 */
import { describe, expect, it } from 'vitest';
import { styledBaseline } from '../../src/ai/baseline';
import { playWith } from '../../src/ai/match';
import { PLAYERS } from '../../src/ai/players';
import { setLang } from '../../src/app/i18n';
import { lessonFacts } from '../../src/sim/lessons';
import { lessonTexts } from '../../src/ui/debrief/lessons';
import { shippedContext } from '../helpers';

const ctx = shippedContext('bamako-2025', 40);
const games = {
  idle: playWith(ctx, 2, 'normal', PLAYERS.idle, false).state,
  baseline: playWith(ctx, 2, 'normal', PLAYERS.baseline, false).state,
  escortAll: playWith(ctx, 2, 'normal', PLAYERS['escort-all'], false).state,
  ban: playWith(ctx, 2, 'normal', styledBaseline({ banRuralSales: true }), false).state,
};

describe.each(['en', 'fr'] as const)('the six lessons (%s)', (lang) => {
  it('are six, each with a title and a sentence with no placeholder left', () => {
    setLang(lang);
    for (const state of Object.values(games)) {
      const texts = lessonTexts(ctx, lessonFacts(ctx, state));
      expect(texts).toHaveLength(6);
      for (const l of texts) {
        expect(l.title.length).toBeGreaterThan(3);
        expect(l.text).not.toMatch(/[{}]/);
      }
    }
  });

  it('tell a city left alone that it ran dry, and no escort was tested', () => {
    setLang(lang);
    const facts = lessonFacts(ctx, games.idle);
    const [siege, escorts] = lessonTexts(ctx, facts);
    expect(facts.siege.collapsedByFuel).toBe(true);
    expect(siege!.text).toContain(String(facts.siege.dryDays));
    expect(escorts!.text).toBe(lang === 'en' ? 'You sent no convoy, so no escort was put to the test.' : 'Vous n’avez envoyé aucun convoi : aucune escorte n’a été mise à l’épreuve.');
  });

  it('give the escorted and unescorted losses that the game recorded', () => {
    setLang(lang);
    for (const state of [games.baseline, games.escortAll]) {
      const facts = lessonFacts(ctx, state);
      const escorts = lessonTexts(ctx, facts)[1]!.text;
      const share = (lost: number, sent: number) => String(Math.round((100 * lost) / sent));
      if (facts.escorts.escortedSent > 0) expect(escorts).toContain(`${share(facts.escorts.escortedLost, facts.escorts.escortedSent)} %`);
      if (facts.escorts.unescortedSent > 0) expect(escorts).toContain(`${share(facts.escorts.unescortedLost, facts.escorts.unescortedSent)} %`);
      // "Escorted convoys were still hit" only when one was.
      expect(escorts.includes(lang === 'en' ? 'still burned escorted convoys' : 'quand même incendié')).toBe(facts.escorts.escortedHit > 0);
    }
  });

  it('speak of the ban only as the player decided it', () => {
    setLang(lang);
    const banned = lessonTexts(ctx, lessonFacts(ctx, games.ban))[3]!.text;
    const not = lessonTexts(ctx, lessonFacts(ctx, games.baseline))[3]!.text;
    expect(banned).toMatch(lang === 'en' ? /^You banned rural fuel sales on day \d+/ : /^Vous avez interdit/);
    expect(not).toMatch(lang === 'en' ? /^You did not ban/ : /^Vous n’avez pas interdit/);
  });

  it('count towns lost only where towns fell', () => {
    setLang(lang);
    for (const state of Object.values(games)) {
      const facts = lessonFacts(ctx, state);
      const towns = lessonTexts(ctx, facts)[4]!.text;
      if (facts.towns.fallen === 0) expect(towns).toMatch(lang === 'en' ? /^No rural town fell/ : /^Aucune ville rurale/);
      else expect(towns).toContain(String(facts.towns.fallen));
    }
  });
});
