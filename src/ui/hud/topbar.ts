/** The top bar: date and day, the clock controls, the depot, trust, budget and the menu. */
import type { Immutable } from 'immer';
import { formatDate, formatLitres, formatNumber, t } from '../../app/i18n';
import { SPEEDS, type Speed } from '../../app/session';
import { inTransitL } from '../../sim/selectors';
import type { GameState } from '../../sim/state';
import { h, setAttr, setText, usesSpace } from '../dom';
import type { Hud, Part } from './hud';
import { coverBand, dayText, daysAtPlan, daysText, trustBand } from './model';

const BAND_ICON = { good: '✓', strained: '!', failing: '✕' } as const;

export interface TopBarOptions {
  onMenu(): void;
  onExportSave(): void;
  onExportResult(): void;
}

export function createTopBar(hud: Hud, options: TopBarOptions): Part {
  const { session, ctx } = hud;
  let lastSpeed: Speed = session.speedLock ?? 1;
  // An instructor's locked speed: the speeds and "Next morning" are off, and a note says why.
  const locked = session.speedLock !== null;
  const lockNote = locked ? h('span', { id: 'hud-speed-lock', class: 'hud-lock' }, t('lesson.locked', { n: session.speedLock ?? 1 })) : null;
  // The lesson's time left, when the instructor set a limit.
  const lessonLeft = session.lessonMinutesLeft !== null ? h('span', { class: 'hud-lesson-left' }) : null;
  const lockedBy = locked ? { 'aria-describedby': 'hud-speed-lock', title: t('lesson.locked', { n: session.speedLock ?? 1 }) } : {};

  const date = h('span', { class: 'hud-date' });
  const day = h('span', { class: 'hud-day' });
  const running = h('span', { class: 'hud-running' });

  const playLabel = h('span');
  const play = h('button', { type: 'button', class: 'hud-play', 'aria-keyshortcuts': 'Space', title: t('hud.time.spaceHint'), onclick: () => togglePause() }, playLabel);
  const speedButtons = SPEEDS.filter((s) => s > 0).map((s) =>
    h(
      'button',
      { type: 'button', class: 'hud-speed', 'aria-label': t('hud.time.speedLabel', { n: s }), 'aria-pressed': 'false', ...lockedBy, onclick: () => setSpeed(s) },
      `×${s}`,
    ),
  );
  const morning = h('button', { type: 'button', class: 'hud-morning', 'data-tut': 'morning', ...lockedBy, onclick: () => session.advanceToMorning() }, t('hud.time.morning'));

  const stock = h('strong', { class: 'hud-stock' });
  const cover = h('span', { class: 'hud-cover', title: t('hud.top.coverHint') });
  const road = h('span', { class: 'hud-onroad' });
  const trust = h('strong', { class: 'hud-trust' });
  const trustChange = h('span', { class: 'hud-trust-change' });
  const budget = h('strong', { class: 'hud-budget' });

  const el = h(
    'header',
    { class: 'hud-top', 'aria-label': t('hud.top.label') },
    h('div', { class: 'hud-clock' }, date, day, running, lessonLeft),
    h('div', { class: 'hud-time', role: 'group', 'aria-label': t('hud.time.label'), 'data-tut': 'time' }, play, ...speedButtons, morning, lockNote),
    h('div', { class: 'hud-stat hud-fuel', 'data-tut': 'fuel' }, h('span', { class: 'hud-stat-label' }, t('hud.top.fuel')), stock, cover, road),
    h('div', { class: 'hud-stat hud-trustbox' }, h('span', { class: 'hud-stat-label' }, t('hud.top.trust')), trust, trustChange),
    h('div', { class: 'hud-stat hud-budgetbox' }, h('span', { class: 'hud-stat-label' }, t('hud.top.budget')), budget),
    h(
      'div',
      { class: 'hud-game' },
      h(
        'details',
        { class: 'hud-more' },
        h('summary', null, t('hud.top.more')),
        h(
          'div',
          { class: 'hud-more-menu' },
          h('button', { type: 'button', onclick: () => options.onExportSave() }, t('hud.top.exportSave')),
          h('button', { type: 'button', onclick: () => options.onExportResult() }, t('hud.top.exportResult')),
        ),
      ),
      h('button', { type: 'button', class: 'hud-menu', onclick: () => options.onMenu() }, t('hud.top.menu')),
    ),
  );

  function setSpeed(speed: Speed): void {
    if (speed > 0) lastSpeed = speed;
    session.setSpeed(speed);
  }
  function togglePause(): void {
    setSpeed(session.speed === 0 ? lastSpeed : 0);
  }
  // Space pauses and resumes whatever has the focus, except a field that uses the key itself
  // (typing, ticking a box, choosing a radio or an option). Caught before anything else, and
  // both its press and release are cancelled: a focused button (×2, a tab) would otherwise be
  // pressed too when the key comes up, and set the clock running again.
  function onKey(event: KeyboardEvent): void {
    if (event.key !== ' ' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (document.body.dataset.screen !== undefined && document.body.dataset.screen !== 'playing') return;
    if (!el.isConnected || usesSpace(event.target)) return;
    event.preventDefault();
    if (event.type === 'keydown' && !event.repeat) togglePause();
  }
  document.addEventListener('keydown', onKey, true);
  document.addEventListener('keyup', onKey, true);

  let shown: { hour: number; speed: number; over: boolean; fuel: unknown; convoys: unknown; plan: unknown; policies: unknown; trust: number; why: unknown; budget: number; lessonLeft: number | null } | null = null;

  function update(state: Immutable<GameState>): void {
    const speed = session.speed;
    const over = session.finished;
    if (!shown || shown.hour !== state.hour) {
      setText(date, formatDate(ctx.level.startDate, state.hour, true));
      setText(day, dayText(ctx, Math.min(state.hour, ctx.level.days * 24 - 1)));
    }
    if (!shown || shown.speed !== speed || shown.over !== over) {
      setText(playLabel, speed === 0 ? t('hud.time.play') : t('hud.time.pause'));
      setText(running, over ? t('hud.time.over') : speed === 0 ? t('hud.time.paused') : t('hud.time.running', { n: speed }));
      play.classList.toggle('is-paused', speed === 0);
      speedButtons.forEach((b, i) => setAttr(b, 'aria-pressed', SPEEDS[i + 1] === speed ? 'true' : 'false'));
      play.disabled = over;
      for (const b of [morning, ...speedButtons]) b.disabled = over || locked;
    }
    if (!shown || shown.fuel !== state.fuel || shown.convoys !== state.convoys || shown.plan !== state.plan || shown.policies !== state.policies) {
      // At the plan in force, as the City panel counts it: rationing buys days.
      const days = daysAtPlan(ctx, state);
      const band = coverBand(days);
      setText(stock, formatLitres(state.fuel.stockL));
      setText(cover, `${BAND_ICON[band]} ${t('hud.top.cover', { days: daysText(days) })}`);
      cover.dataset.band = band;
      const transit = inTransitL(ctx, state);
      setText(road, transit > 0 ? t('hud.top.onRoad', { litres: formatLitres(transit) }) : t('hud.top.noneOnRoad'));
    }
    if (!shown || shown.trust !== state.city.trust || shown.why !== state.trustWhy) {
      const band = trustBand(state.city.trust);
      setText(trust, `${BAND_ICON[band]} ${t('hud.top.trustValue', { n: state.city.trust })}`);
      trust.dataset.band = band;
      const delta = state.trustWhy.reduce((sum, c) => sum + c.delta, 0);
      setText(trustChange, state.history.length === 0 ? '' : t(delta > 0 ? 'hud.top.trustUp' : delta < 0 ? 'hud.top.trustDown' : 'hud.top.trustSame', { n: Math.abs(delta) }));
    }
    if (!shown || shown.budget !== state.city.budgetM) setText(budget, t('hud.millionCfa', { n: formatNumber(state.city.budgetM) }));
    const minutes = session.lessonMinutesLeft;
    if (lessonLeft && (!shown || shown.lessonLeft !== minutes)) setText(lessonLeft, t('lesson.left', { n: minutes ?? 0 }));
    shown = { hour: state.hour, speed, over, fuel: state.fuel, convoys: state.convoys, plan: state.plan, policies: state.policies, trust: state.city.trust, why: state.trustWhy, budget: state.city.budgetM, lessonLeft: minutes };
  }

  return {
    el,
    update,
    destroy: () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('keyup', onKey, true);
    },
  };
}
