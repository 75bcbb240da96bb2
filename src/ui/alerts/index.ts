/**
 * Alerts that stop the clock. The big moments of a game (a town lost, a convoy attacked,
 * trust failing, the depot down to a day of fuel) go by in seconds at ×4: each one stops the
 * clock (a setting, on by default), is announced at once to screen readers, and says what
 * to do and where. A card at the top of the HUD panel holds it until the clock runs again or
 * the player closes it.
 */
import { t, tn } from '../../app/i18n';
import type { GameSession, SessionSnapshot, Speed } from '../../app/session';
import { h, setText } from '../dom';
import { detectAlerts, type Alert } from './detect';
import { alertText } from './text';

export interface AlertOptions {
  /** Whether alerts stop the clock (the player's setting, read at each alert). */
  pauseOnAlerts(): boolean;
  /** Change that setting from the card itself, without leaving the game. */
  setPauseOnAlerts(on: boolean): void;
}

export function watchAlerts(session: GameSession, hudRoot: HTMLElement, options: AlertOptions): { destroy(): void } {
  const { ctx } = session;
  const title = h('h2', { id: 'hud-alert-title' });
  const why = h('p');
  const todo = h('p', { class: 'hud-alert-todo' });
  const stopped = h('p', { class: 'hud-alert-stopped' }, t('hud.alert.stopped'));
  const more = h('p', { class: 'muted' });
  const open = h('button', { type: 'button', onclick: () => openPanel() });
  const resume = h('button', { type: 'button', class: 'primary', onclick: () => carryOn() }, t('hud.alert.resume'));
  const close = h('button', { type: 'button', 'aria-label': t('hud.alert.close'), onclick: () => hide() }, '✕');
  const stops = h('input', { type: 'checkbox', onchange: () => options.setPauseOnAlerts(stops.checked) });
  const stopsLabel = h('label', { class: 'hud-alert-setting' }, stops, ` ${t('hud.alert.stopsClock')}`);
  const card = h(
    'section',
    { class: 'hud-alert', 'aria-labelledby': 'hud-alert-title', hidden: true },
    h('p', { class: 'hud-alert-kicker' }, `⚠ ${t('hud.alert.label')}`),
    title,
    why,
    todo,
    stopped,
    more,
    h('div', { class: 'hud-alert-bar' }, stopsLabel, resume, open, close),
  );
  // Screen readers hear the alert's words at once (not its buttons): an assertive live region
  // that stays on the page, filled when an alert comes.
  const live = h('p', { class: 'visually-hidden hud-alert-live', 'aria-live': 'assertive', 'aria-atomic': 'true' });
  const region = h('div', { class: 'hud-alert-region' }, live, card);
  const panel = hudRoot.querySelector('.hud-panel');
  if (panel) panel.prepend(region);
  else hudRoot.append(region);

  let shown: Alert | null = null;
  /** The speed the alert stopped, to resume at; null when the clock was not running. */
  let stoppedAt: Exclude<Speed, 0> | null = null;
  /** The card came while the clock stood still: it goes when the clock runs again. */
  let untilRunning = false;

  function show(alerts: readonly Alert[]): void {
    const alert = alerts[0]!;
    shown = alert;
    if (session.speed !== 0 && options.pauseOnAlerts()) {
      stoppedAt = session.speed;
      session.setSpeed(0);
    }
    const text = alertText(ctx, alert);
    setText(title, text.title);
    setText(why, text.why);
    setText(todo, text.todo);
    setText(open, t('hud.alert.open', { panel: t(`hud.tab.${text.tab}`) }));
    setText(more, alerts.length > 1 ? tn('hud.alert.more', alerts.length - 1) : '');
    more.hidden = alerts.length < 2;
    stopped.hidden = stoppedAt === null;
    resume.hidden = stoppedAt === null;
    stops.checked = options.pauseOnAlerts();
    card.dataset.kind = alert.kind;
    card.hidden = false;
    untilRunning = session.speed === 0;
    live.textContent = [`${t('hud.alert.label')}: ${text.title}.`, text.why, text.todo, stoppedAt === null ? '' : t('hud.alert.stopped')].filter((x) => x !== '').join(' ');
  }

  function hide(): void {
    card.hidden = true;
    shown = null;
    stoppedAt = null;
    untilRunning = false;
  }

  function openPanel(): void {
    if (!shown) return;
    (hudRoot.querySelector(`#hud-tab-${alertText(ctx, shown).tab}`) as HTMLButtonElement | null)?.click();
  }

  function carryOn(): void {
    const speed = stoppedAt;
    hide();
    if (speed !== null) session.setSpeed(speed);
  }

  const unsubscribe = session.subscribe((snapshot: SessionSnapshot) => {
    const alerts = detectAlerts(ctx, snapshot.previous, snapshot.state);
    if (alerts.length > 0 && !session.over) show(alerts);
    // Once the clock runs again, a card shown while it stood still has done its work (the News
    // panel keeps the story); one shown while it ran (alerts that do not stop it) stays until closed.
    else if (shown && untilRunning && snapshot.speed !== 0) hide();
  });

  return {
    destroy() {
      unsubscribe();
      region.remove();
    },
  };
}
