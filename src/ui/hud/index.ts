/**
 * The HUD around the map: a top bar (clock, depot, trust, budget) and a panel with tabs
 * (city, convoys, forces, policies, news) plus the details of the map selection. It reads
 * the session's state, sends player commands through `session.dispatch`, and updates only
 * the parts whose slice of the state changed. On a phone the panel becomes a bottom sheet.
 */
import type { Immutable } from 'immer';
import '../hud.css';
import { t } from '../../app/i18n';
import type { SelectionBus } from '../../app/selection';
import type { GameSession, SessionSnapshot } from '../../app/session';
import type { GameState, PlayerAction } from '../../sim/state';
import { h, setAttr, setText, toggleClass } from '../dom';
import { createCityPanel } from './city';
import { createConvoyPanel } from './convoys';
import { createForcesPanel } from './units';
import { TAB_EVENT, TABS, type Hud, type Part, type TabId } from './hud';
import { errorText } from './model';
import { createNewsPanel } from './news';
import { createPoliciesPanel } from './policies';
import { createSelectionCard } from './selection';
import { createTopBar } from './topbar';

export { TAB_EVENT };

/**
 * Fired (bubbling) on the HUD root when the part of the screen it covers changes; `detail` is
 * `{ top, right, bottom }` in CSS pixels (also set as --hud-top, --hud-right, --hud-bottom).
 */
export const INSETS_EVENT = 'hud-insets';
export interface HudInsets {
  top: number;
  right: number;
  bottom: number;
}

export interface HudOptions {
  selection: SelectionBus;
  onMenu(): void;
  onExportSave(): void;
  onExportResult(): void;
  announce(text: string): void;
}

const FEEDBACK_MS = 8000;

export function mountHud(session: GameSession, root: HTMLElement, options: HudOptions): { destroy(): void } {
  root.replaceChildren();
  root.classList.add('hud');

  const feedback = h('p', { class: 'hud-feedback', role: 'status', hidden: true });
  let feedbackTimer = 0;
  function showFeedback(text: string, error: boolean): void {
    feedback.hidden = false;
    feedback.dataset.kind = error ? 'error' : 'ok';
    // An error is an alert (read at once); a confirmation is a polite status.
    setAttr(feedback, 'role', error ? 'alert' : 'status');
    feedback.textContent = `${error ? '✕ ' : '✓ '}${text}`;
    window.clearTimeout(feedbackTimer);
    feedbackTimer = window.setTimeout(() => (feedback.hidden = true), FEEDBACK_MS);
  }

  const hud: Hud = {
    session,
    ctx: session.ctx,
    selection: options.selection,
    root,
    announce: options.announce,
    act(action: PlayerAction, done?: string): boolean {
      const error = session.dispatch(action);
      if (error) {
        showFeedback(errorText(error), true);
        return false;
      }
      if (done) showFeedback(done, false);
      return true;
    },
    showTab: (tab) => showTab(tab, true),
    planConvoyFrom(entry) {
      showTab('convoys', false);
      convoys.chooseEntry(entry);
    },
  };

  const topBar = createTopBar(hud, options);
  const city = createCityPanel(hud);
  const convoys = createConvoyPanel(hud);
  const forces = createForcesPanel(hud);
  const policies = createPoliciesPanel(hud);
  // Notifications of blockade activity and 2025 events, stacked in the panel (see hud.css): they
  // hide no road of the map and no control.
  const toasts = h('section', { class: 'hud-toasts', 'aria-label': t('hud.toasts.label') });
  const news = createNewsPanel(hud, toasts);
  const parts: Record<TabId, Part> = { city, convoys, forces, policies, news };
  const selectionCard = createSelectionCard(hud);

  const tabLabels = new Map<TabId, HTMLElement>();
  const tabs = new Map<TabId, HTMLButtonElement>();
  const panels = new Map<TabId, HTMLElement>();
  for (const id of TABS) {
    const label = h('span', { class: 'tab-label' }, t(`hud.tab.${id}`));
    tabLabels.set(id, label);
    const tab = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `hud-tab-${id}`,
        'aria-controls': `hud-panel-${id}`,
        'aria-selected': 'false',
        tabindex: -1,
        class: 'hud-tab',
        'data-tut': `tab-${id}`,
        onclick: () => onTabClick(id),
        onkeydown: (e: KeyboardEvent) => onTabKey(e, id),
      },
      label,
    );
    tabs.set(id, tab);
    panels.set(id, h('div', { role: 'tabpanel', id: `hud-panel-${id}`, 'aria-labelledby': `hud-tab-${id}`, class: 'hud-tabpanel', tabindex: 0, hidden: true }, parts[id].el));
  }

  const narrow = window.matchMedia('(max-width: 700px)');
  let collapsed = narrow.matches;
  const collapse = h('button', { type: 'button', class: 'hud-collapse', 'aria-controls': 'hud-panels', onclick: () => setCollapsed(!collapsed) });
  const panelArea = h('div', { class: 'hud-panels', id: 'hud-panels' }, ...panels.values());
  const panel = h(
    'aside',
    { class: 'hud-panel', 'aria-label': t('hud.panel.label') },
    selectionCard.el,
    h('div', { class: 'hud-tabbar' }, h('div', { role: 'tablist', class: 'hud-tabs', 'aria-label': t('hud.panel.tabs') }, ...tabs.values()), collapse),
    feedback,
    panelArea,
    toasts,
  );
  root.append(topBar.el, panel);
  // The panel sits under the top bar, whose height depends on wrapping and text zoom. The map
  // learns how much of it the HUD covers from the `hud-insets` event and the --hud-* properties.
  let insets: HudInsets = { top: 0, right: 0, bottom: 0 };
  const resize = new ResizeObserver(() => {
    const top = Math.ceil(topBar.el.getBoundingClientRect().height);
    const box = panel.getBoundingClientRect();
    const next: HudInsets = { top, right: narrow.matches ? 0 : Math.ceil(box.width), bottom: narrow.matches ? Math.ceil(box.height) : 0 };
    if (next.top === insets.top && next.right === insets.right && next.bottom === insets.bottom) return;
    insets = next;
    root.style.setProperty('--hud-top', `${next.top}px`);
    root.style.setProperty('--hud-right', `${next.right}px`);
    root.style.setProperty('--hud-bottom', `${next.bottom}px`);
    root.dispatchEvent(new CustomEvent(INSETS_EVENT, { detail: next, bubbles: true }));
  });
  resize.observe(topBar.el);
  resize.observe(panel);

  let active: TabId = 'city';
  function setCollapsed(on: boolean): void {
    collapsed = on;
    toggleClass(panel, 'is-collapsed', on);
    setAttr(collapse, 'aria-expanded', String(!on));
    setText(collapse, on ? t('hud.panel.showShort') : t('hud.panel.hideShort'));
    setAttr(collapse, 'aria-label', on ? t('hud.panel.show') : t('hud.panel.hide'));
  }
  function showTab(id: TabId, focus: boolean, expand = true): void {
    if (collapsed && expand) setCollapsed(false);
    active = id;
    for (const tab of TABS) {
      const on = tab === id;
      const button = tabs.get(tab)!;
      setAttr(button, 'aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
      panels.get(tab)!.hidden = !on;
    }
    news.setVisible(id === 'news');
    parts[id].update(session.state);
    updateBadges();
    if (focus) tabs.get(id)?.focus();
    root.dispatchEvent(new CustomEvent(TAB_EVENT, { detail: id }));
  }
  function onTabClick(id: TabId): void {
    // On a phone, tapping the open tab again folds the sheet away.
    if (id === active && !collapsed && narrow.matches) setCollapsed(true);
    else showTab(id, false);
  }
  function onTabKey(event: KeyboardEvent, id: TabId): void {
    const i = TABS.indexOf(id);
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? TABS[(i + 1) % TABS.length]
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? TABS[(i + TABS.length - 1) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    showTab(next, true);
  }

  let badge = -1;
  function updateBadges(): void {
    const unread = active === 'news' ? 0 : news.unread();
    if (unread === badge) return;
    badge = unread;
    setText(tabLabels.get('news')!, unread > 0 ? t('hud.tab.newsUnread', { n: unread }) : t('hud.tab.news'));
    toggleClass(tabs.get('news')!, 'has-unread', unread > 0);
  }

  let last: Immutable<GameState> | null = null;
  function update(state: Immutable<GameState>): void {
    topBar.update(state);
    if (state === last) return;
    last = state;
    news.update(state);
    if (active !== 'news') parts[active].update(state);
    selectionCard.update(state);
    updateBadges();
  }

  const unsubscribe = session.subscribe((snapshot: SessionSnapshot) => update(snapshot.state));
  const unselect = options.selection.subscribe((selection) => {
    selectionCard.show(selection);
    if (selection && collapsed && !narrow.matches) setCollapsed(false);
  });
  setCollapsed(collapsed);
  showTab('city', false, false);
  selectionCard.show(options.selection.value);
  update(session.state);

  return {
    destroy() {
      unsubscribe();
      unselect();
      resize.disconnect();
      window.clearTimeout(feedbackTimer);
      for (const part of [topBar, ...Object.values(parts)]) part.destroy?.();
      root.replaceChildren();
      root.classList.remove('hud');
    },
  };
}
