/**
 * The tutorial: a non-modal callout at the top of the HUD panel that teaches by doing. Each step waits
 * for the player to do the thing (checked in the game state), points at the part of the HUD
 * to use, and is announced to screen readers. When a step is done by playing, the clock stops
 * and the next step waits for Continue: at ×4 a convoy's arrival would otherwise run days on
 * while the player reads. It can be skipped at any time.
 */
import { formatLitres, t } from '../../app/i18n';
import type { GameSession } from '../../app/session';
import { daysOfCover } from '../../sim/selectors';
import { h, setText, usesSpace } from '../dom';
import { TAB_EVENT, type TabId } from '../hud/hud';
import { daysText } from '../hud/model';
import { currentStep, STEPS, unescortedConvoySent, type StepId } from './steps';

export interface TutorialOptions {
  announce(text: string): void;
}

export function startTutorial(session: GameSession, hudRoot: HTMLElement, options: TutorialOptions): { destroy(): void } {
  const { ctx } = session;
  const tabsSeen = new Set<TabId>();
  const acknowledged = new Set<StepId>();
  const progress = { tabsSeen, acknowledged };

  const counter = h('p', { class: 'tutorial-step' });
  const title = h('h2', { id: 'tutorial-title' });
  const text = h('p');
  const extra = h('p', { class: 'muted' });
  const check = h('p', { class: 'tutorial-check' });
  // "Done, the clock is paused": shown from a step done by playing until Continue.
  const done = h('p', { class: 'tutorial-done', hidden: true });
  const open = h('button', { type: 'button', onclick: () => openTab() });
  const next = h('button', { type: 'button', class: 'primary', onclick: () => acknowledge() }, t('hud.tutorial.next'));
  const proceed = h('button', { type: 'button', class: 'primary', hidden: true, onclick: () => carryOn() }, t('hud.tutorial.continue'));
  const minimize = h('button', { type: 'button', 'aria-expanded': 'true', onclick: () => toggleMin() }, t('hud.tutorial.minimize'));
  const skip = h('button', { type: 'button', onclick: () => (destroy(), options.announce(t('hud.tutorial.skipped'))) }, t('hud.tutorial.skip'));
  const el = h(
    'aside',
    { class: 'tutorial', 'aria-labelledby': 'tutorial-title', tabindex: -1 },
    counter,
    done,
    title,
    text,
    extra,
    check,
    h('div', { class: 'tutorial-bar' }, proceed, open, next, minimize, skip),
  );
  // In the HUD's panel, above its tabs: beside the controls it talks about, never over the map.
  const panel = hudRoot.querySelector('.hud-panel');
  if (panel) panel.prepend(el);
  else hudRoot.append(el);

  let index = -1;
  let highlighted: Element[] = [];
  /** Waiting for Continue after a step done by playing. */
  let gated = false;

  function step() {
    return STEPS[index];
  }

  function openTab(): void {
    const tab = step()?.tab;
    if (tab) (hudRoot.querySelector(`#hud-tab-${tab}`) as HTMLButtonElement | null)?.click();
    highlight();
  }

  function acknowledge(): void {
    const s = step();
    if (s) acknowledged.add(s.id);
    refresh(true, true);
  }

  function carryOn(): void {
    gated = false;
    render();
    el.focus();
  }

  function toggleMin(): void {
    const min = el.classList.toggle('is-min');
    minimize.setAttribute('aria-expanded', String(!min));
    setText(minimize, min ? t('hud.tutorial.expand') : t('hud.tutorial.minimize'));
  }

  function highlight(): void {
    for (const e of highlighted) e.classList.remove('tut-target');
    const target = step()?.target;
    highlighted = target ? Array.from(hudRoot.querySelectorAll(`[data-tut="${target}"]`)) : [];
    for (const e of highlighted) e.classList.add('tut-target');
  }

  function render(): void {
    const s = step();
    const state = session.state;
    done.hidden = !gated;
    proceed.hidden = !gated || !s;
    if (!s) {
      setText(counter, t('hud.tutorial.counter', { n: STEPS.length, total: STEPS.length }));
      setText(title, t('hud.tutorial.doneTitle'));
      setText(text, t('hud.tutorial.doneText'));
      setText(extra, '');
      setText(check, '');
      open.hidden = true;
      next.hidden = true;
      return;
    }
    const params = { stock: formatLitres(state.fuel.stockL), days: daysText(daysOfCover(ctx, state)), total: ctx.level.days };
    setText(counter, t('hud.tutorial.counter', { n: index + 1, total: STEPS.length }));
    setText(title, t(`hud.tutorial.${s.id}.title`));
    setText(text, t(`hud.tutorial.${s.id}.text`, params));
    const hint = s.id === 'convoy' && unescortedConvoySent(session.log) ? t('hud.tutorial.convoy.noEscort') : s.id === 'arrive' && state.convoys.length === 0 ? t('hud.tutorial.arrive.none') : '';
    setText(extra, hint);
    setText(check, s.reading || gated ? '' : t('hud.tutorial.waiting'));
    open.hidden = !s.tab;
    if (s.tab) setText(open, t('hud.tutorial.open', { panel: t(`hud.tab.${s.tab}`) }));
    next.hidden = gated || (!s.reading && s.id !== 'news');
    next.disabled = s.id === 'news' && !tabsSeen.has('news');
  }

  function refresh(focus = false, byNext = false): void {
    const now = currentStep(ctx, session.state, session.log, progress);
    if (now !== index) {
      const finished = index >= 0 ? STEPS[index] : undefined;
      index = now;
      // A step done by playing (not by Next) stops the clock until the player has read on.
      if (finished && !byNext && step()) {
        gated = true;
        session.setSpeed(0);
        setText(done, t('hud.tutorial.stepDone', { title: t(`hud.tutorial.${finished.id}.title`) }));
      }
      render();
      highlight();
      const s = step();
      const said = s ? `${t('hud.tutorial.counter', { n: index + 1, total: STEPS.length })}. ${title.textContent ?? ''}. ${text.textContent ?? ''}` : t('hud.tutorial.doneTitle');
      options.announce(gated ? `${done.textContent ?? ''} ${said}` : said);
      if (gated && !usesSpace(document.activeElement)) proceed.focus();
      else if (focus) el.focus();
    } else if (session.state !== shownState) render();
    shownState = session.state;
  }
  let shownState = session.state;

  const onTab = (event: Event): void => {
    tabsSeen.add((event as CustomEvent<TabId>).detail);
    render();
    refresh();
    // Panels are rebuilt when opened: point at the target again.
    highlight();
  };
  hudRoot.addEventListener(TAB_EVENT, onTab);
  const unsubscribe = session.subscribe(() => refresh());
  refresh();

  let destroyed = false;
  function destroy(): void {
    if (destroyed) return;
    destroyed = true;
    unsubscribe();
    hudRoot.removeEventListener(TAB_EVENT, onTab);
    for (const e of highlighted) e.classList.remove('tut-target');
    el.remove();
  }
  return { destroy };
}
