/**
 * Contrasting games played headless (idle, baseline, escort everything, and a coordinator who
 * strips the towns and escorts nothing), and the debrief read against each game's own
 * record: no sentence of it may contradict the game's metrics. Each check recomputes what a
 * sentence claims from the state or the log, not from the debrief's own code.
 */
import type { Immutable } from 'immer';
import { afterEach, describe, expect, it } from 'vitest';
import { styledBaseline } from '../../src/ai/baseline';
import type { Coordinator } from '../../src/ai/coordinator';
import { playMatch, type Match } from '../../src/ai/match';
import { formatLitres, setLang } from '../../src/app/i18n';
import { SECTORS } from '../../src/levels/constants';
import { createInitialState } from '../../src/sim/init';
import { lessonFacts } from '../../src/sim/lessons';
import type { Action, GameState } from '../../src/sim/state';
import { lessonTexts } from '../../src/ui/debrief/lessons';
import { discussionQuestions } from '../../src/ui/debrief/model';
import { collapseText, townLosses, townLossText, trustWaterfall } from '../../src/ui/debrief/why';
import { shippedContext } from '../helpers';

type LevelId = 'tutorial' | 'bamako-2025';
const stripTowns: Coordinator = styledBaseline({ escorts: 'none', garrisons: 'none' });
const GAMES: [LevelId, string, Coordinator | 'idle' | 'baseline' | 'escort-all', number][] = [
  ['tutorial', 'idle', 'idle', 1],
  ['tutorial', 'baseline', 'baseline', 1],
  ['tutorial', 'escort-all', 'escort-all', 1],
  ['bamako-2025', 'idle', 'idle', 1],
  ['bamako-2025', 'baseline', 'baseline', 1],
  ['bamako-2025', 'escort-all', 'escort-all', 1],
  ['bamako-2025', 'escort-all', 'escort-all', 2],
  ['bamako-2025', 'no escorts, no garrisons', stripTowns, 1],
];

interface Played {
  name: string;
  level: LevelId;
  match: Match;
  questions: string[];
  lessons: string[];
  towns: string[];
  collapse: string[] | null;
}

const played: Played[] = GAMES.map(([level, name, policy, seed]) => {
  setLang('en');
  const ctx = shippedContext(level);
  const match = playMatch(ctx, { seed, difficulty: 'normal', policy, dailyHashes: false });
  const losses = townLosses(ctx, match.state, match.log);
  return {
    name: `${level} · ${name} · seed ${seed}`,
    level,
    match,
    questions: discussionQuestions(ctx, match.state, match.log, losses),
    lessons: lessonTexts(ctx, lessonFacts(ctx, match.state)).map((l) => l.text),
    towns: losses.map((l) => townLossText(ctx, l)),
    collapse: collapseText(ctx, match.state),
  };
});

afterEach(() => setLang('en'));

const pct = (lost: number, sent: number): number => (sent === 0 ? 0 : Math.round((100 * lost) / sent));
/** Tankers sent and lost by convoys that ended their trip at the depot or on the road. */
function convoyLosses(state: Immutable<GameState>, escorted: boolean): { convoys: number; sent: number; lost: number } {
  const out = { convoys: 0, sent: 0, lost: 0 };
  for (const c of state.pastConvoys) {
    if (c.status === 'returned' || c.escorts > 0 !== escorted) continue;
    out.convoys += 1;
    out.sent += c.tankersAtStart;
    out.lost += c.tankersAtStart - c.tankers;
  }
  return out;
}
/** The hours at which the player had sent a unit onto the roads (an escort or a patrol), from the log. */
function firstUnitOut(log: readonly Action[]): number {
  let hour = 0;
  for (const a of log) {
    if (a.type === 'tick') hour += 1;
    if ((a.type === 'convoy/form' && a.escort.length > 0) || (a.type === 'unit/order' && a.task.kind === 'patrol')) return hour;
  }
  return Infinity;
}
const fallHours = (state: Immutable<GameState>): number[] => state.news.filter((n) => n.kind === 'town' && n.facts.fallen).map((n) => n.hour);

describe.each(played)('$name: the debrief never contradicts the game', ({ level, match, questions, towns, collapse, lessons }) => {
  const ctx = shippedContext(level);
  const { state, log } = match;
  const all = [...questions, ...towns, ...(collapse ?? []), ...lessons].join('\n');

  it('trust from start to end is the sum of its nightly causes', () => {
    const w = trustWaterfall(ctx, state);
    expect(w.start).toBe(createInitialState(ctx, state.seed, state.difficulty).city.trust);
    expect(w.end).toBe(state.city.trust);
    expect(w.start + w.causes.reduce((s, c) => s + c.total, 0) + w.bounded).toBe(w.end);
    const everyNight = state.history.flatMap((d) => d.trustWhy).reduce((s, c) => s + c.delta, 0);
    expect(w.causes.reduce((s, c) => s + c.total, 0)).toBe(everyNight);
    // Only a scale's limit cuts anything off.
    if (w.bounded !== 0) expect(state.history.some((d) => d.trust === 0 || d.trust === 100)).toBe(true);
  });

  it('towns lost: one line per fall, with the garrison the rules saw', () => {
    const falls = state.news.filter((n) => n.kind === 'town' && n.facts.fallen);
    expect(towns).toHaveLength(state.metrics.townsFallen);
    expect(falls).toHaveLength(state.metrics.townsFallen);
    falls.forEach((n, i) => expect(towns[i]).toContain(`a garrison of ${String(n.facts.garrison)} of the ${String(n.facts.need)} it needed`));
    // A unit on the roads is named only after the player sent one there.
    const out = firstUnitOut(log);
    falls.forEach((n, i) => {
      if (n.hour < out) expect(towns[i]).not.toMatch(/At that hour .* (?:was|were) on the roads/);
    });
  });

  it('the collapse is named with its own numbers', () => {
    expect(collapse !== null).toBe(state.status === 'collapsed');
    if (!collapse) return;
    const text = collapse.join(' ');
    if (state.collapseReason === 'fuel') {
      expect(text).toContain(`for ${state.city.noFuelDays} days in a row`);
      expect(state.city.noFuelDays).toBeGreaterThanOrEqual(ctx.level.collapse.noFuelDays);
      expect(text).toContain(`${state.metrics.tankersDelivered} tankers were delivered and ${state.metrics.tankersLost} lost`);
      expect(text).toContain(`The depot held ${formatLitres(state.fuel.stockL)} at the end`);
    } else {
      expect(state.city.trust).toBe(0);
      const w = trustWaterfall(ctx, state);
      const worst = w.causes.filter((c) => c.total < 0)[0]!;
      expect(text).toContain(`−${Math.abs(worst.total)}`);
      expect(text.includes('It was not for want of fuel')).toBe(state.fuel.stockL >= ctx.totalDemandL);
    }
  });

  it('questions about escorts use this game’s losses, and doubt escorts only when escorted convoys lost tankers', () => {
    const escorted = convoyLosses(state, true);
    const alone = convoyLosses(state, false);
    expect(/why might escorts not be enough/i.test(all)).toBe(escorted.lost > 0);
    const hit = /Escorted convoys lost (\d+) % of their tankers; those without lost (\d+|—) %/.exec(all);
    if (hit) {
      expect(Number(hit[1])).toBe(pct(escorted.lost, escorted.sent));
      expect(hit[2]).toBe(alone.convoys === 0 ? '—' : String(pct(alone.lost, alone.sent)));
    }
    if (/the escorted ones lost no tanker/.test(all)) expect(escorted.lost).toBe(0);
    const none = /None of your (\d+) convoys had an escort, and they lost (\d+) %/.exec(all);
    if (none) {
      expect(escorted.convoys).toBe(0);
      expect(Number(none[1])).toBe(alone.convoys);
      expect(Number(none[2])).toBe(pct(alone.lost, alone.sent));
    }
    expect(/You sent no convoy that reached the end of its trip/.test(all)).toBe(escorted.convoys + alone.convoys === 0);
  });

  it('questions about towns count this game’s falls, and blame the roads only when units were on them', () => {
    const fallen = state.metrics.townsFallen;
    const counted = /(\d+) (?:rural towns? fell|times a rural town fell)/.exec(all);
    expect(counted ? Number(counted[1]) : 0).toBe(fallen);
    expect(/No rural town fell/.test(questions.join('\n'))).toBe(fallen === 0 && state.aiMoves.some((m) => m.kind === 'attackTown'));
    if (/fell while your units were on the roads/.test(all)) expect(fallHours(state).some((h) => h >= firstUnitOut(log))).toBe(true);
    if (/none of your units (?:was on|left for) the roads/.test(all)) expect(fallHours(state).every((h) => h < firstUnitOut(log))).toBe(true);
  });

  it('questions about schools, rationing and lives say what happened', () => {
    const closed = log.some((a) => a.type === 'policy/enact' && a.policy === 'closeSchools');
    expect(/You closed the schools/.test(all)).toBe(closed);
    const lost = /Students lost (\d+) school days/.exec(all);
    if (lost) expect(Number(lost[1])).toBe(state.metrics.educationDaysLost);
    if (/You kept the schools open/.test(all)) expect(closed || state.metrics.educationDaysLost > 0).toBe(false);
    const died = /(\d+) people died in your game/.exec(all);
    // Six questions at most: the last ones may be left out, never stated wrong.
    if (died) expect(Number(died[1])).toBe(state.metrics.livesLost);
    const means = SECTORS.filter((s) => s !== 'schools').map((s) => state.history.reduce((sum, d) => sum + d.services[s], 0) / Math.max(1, state.history.length));
    const every = /Every service got at least (\d+) %/.exec(all);
    if (every) for (const m of means) expect(m).toBeGreaterThanOrEqual(Number(every[1]));
    const lowest = /The service you kept lowest on average was .* \((\d+) %\)/.exec(all);
    if (lowest) expect(Math.round(Math.min(...means))).toBe(Number(lowest[1]));
  });
});

describe('the games contrast: each kind of sentence is put to the test', () => {
  const text = (p: Played): string => [...p.questions, ...p.towns, ...(p.collapse ?? [])].join('\n');
  it.each([
    ['escorts doubted after escorted losses', /why might escorts not be enough/i],
    ['no convoy sent', /You sent no convoy/],
    ['towns lost while units were on the roads', /fell while your units were on the roads/],
    ['towns lost with no unit on the roads', /none of your units was on the roads/],
    ['a town lost naming the units away', /At that hour .* (?:was|were) on the roads\./],
    ['a collapse for want of fuel', /got less than a third of the fuel/],
    ['a collapse of trust with fuel left', /It was not for want of fuel/],
    ['a city that held', /^(?![\s\S]*collapsed)/],
  ])('%s', (_name, pattern) => {
    expect(played.some((p) => pattern.test(text(p)))).toBe(true);
  });

  it('questions in French fill every placeholder too', () => {
    setLang('fr');
    for (const p of played) {
      const ctx = shippedContext(p.level);
      for (const q of discussionQuestions(ctx, p.match.state, p.match.log)) expect(q).not.toMatch(/\{\w+\}|debrief\./);
      for (const line of collapseText(ctx, p.match.state) ?? []) expect(line).not.toMatch(/\{\w+\}/);
    }
  });
});
