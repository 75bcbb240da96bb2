/**
 * News and intel. The feed shows only what the coordinator could know: public news (attacks
 * that happened, towns that fell, arrivals, policies, the level's events with their sources)
 * and intel reports with their confidence. The blockade's own moves and reasons stay hidden
 * until the debrief. New items are announced politely, at most once per game hour.
 */
import type { Immutable } from 'immer';
import { formatDate, t } from '../../app/i18n';
import type { LevelContext } from '../../sim/context';
import type { GameState, Intel, NewsItem } from '../../sim/state';
import { h, setText, syncList } from '../dom';
import type { Hud, Part } from './hud';
import { ageText, arrivalsText, feedEntries, intelText, newsText, type FeedEntry, type NewsTag, type NewsText } from './model';

/** How many news items the feed keeps on screen; the debrief has the whole story. */
const SHOWN = 60;
/** Shapes from common fonts (no emoji: school machines may lack an emoji font). */
const TAG_ICON: Record<NewsTag, string> = { event: '■', instructor: '✎', situation: '◇', blockade: '▲', convoy: '●', city: '◆' };

/** Links to a level's sources, as "Publisher, date" (never HTML: text and an href only). */
export function sourceLinks(ctx: LevelContext, ids: readonly string[]): HTMLElement | null {
  const sources = ids.map((id) => ctx.level.sources.find((s) => s.id === id)).filter((s) => s !== undefined);
  if (sources.length === 0) return null;
  return h(
    'p',
    { class: 'sources-line' },
    t('hud.news.sources'),
    ' ',
    ...sources.flatMap((s, i) => [
      i > 0 ? ' · ' : null,
      h('a', { href: s.url, rel: 'noopener', target: '_blank', title: s.title }, t('hud.news.source', { publisher: s.publisher, date: s.date })),
    ]),
  );
}

export function renderNewsItem(ctx: LevelContext, item: Immutable<NewsItem>): HTMLElement {
  return newsArticle(ctx, item, newsText(ctx, item));
}

/** A feed line: one item, or a day's arrivals gathered into one (dated by the last of them). */
function renderEntry(ctx: LevelContext, entry: FeedEntry, state: Immutable<GameState>): HTMLElement {
  return entry.kind === 'item' ? renderNewsItem(ctx, entry.item) : newsArticle(ctx, entry.items[entry.items.length - 1]!, arrivalsText(state, entry.items));
}

function newsArticle(ctx: LevelContext, item: Immutable<NewsItem>, text: NewsText): HTMLElement {
  return h(
    'article',
    { class: `news-item tag-${text.tag}` },
    h(
      'p',
      { class: 'news-meta' },
      h('span', { class: 'news-tag' }, h('span', { 'aria-hidden': 'true' }, TAG_ICON[text.tag]), ' ', t(`hud.news.tag.${text.tag}`)),
      ' · ',
      h('time', null, formatDate(ctx.level.startDate, item.hour, true)),
    ),
    h('h4', { class: 'news-title' }, text.title),
    text.body ? h('p', { class: 'news-body' }, text.body) : null,
    item.kind === 'event' && item.sources ? sourceLinks(ctx, item.sources) : null,
  );
}

/** How long a notification stays in the panel (real time), and how many at once (the News tab keeps them all). */
const TOAST_MS = 12_000;
const TOASTS = 2;

export interface NewsPanel extends Part {
  /** News items that arrived while the panel was hidden. */
  unread(): number;
  /** Hidden panels skip their rendering; a panel being shown marks the news read. */
  setVisible(on: boolean): void;
}

/**
 * The News panel. `toasts` receives short notifications of blockade activity and of 2025
 * events as they happen, shown over the map's corner whatever panel is open.
 */
export function createNewsPanel(hud: Hud, toasts: HTMLElement): NewsPanel {
  const { ctx, session } = hud;
  const intelList = h('ul', { class: 'intel-list' });
  const intelEmpty = h('p', { class: 'muted' }, t('hud.intel.none'));
  const feed = h('div', { class: 'news-feed' });
  const feedEmpty = h('p', { class: 'muted' }, t('hud.news.none'));
  const el = h(
    'div',
    { class: 'panel-body news', 'data-tut': 'news' },
    h('h2', { class: 'panel-title' }, t('hud.tab.news')),
    h(
      'section',
      { 'aria-labelledby': 'news-intel-h' },
      h('h3', { id: 'news-intel-h' }, t('hud.intel.title')),
      h('p', { class: 'hint' }, t('hud.intel.hint')),
      intelEmpty,
      intelList,
    ),
    h('section', { 'aria-labelledby': 'news-feed-h' }, h('h3', { id: 'news-feed-h' }, t('hud.news.title')), feedEmpty, feed),
  );

  // Today's news counts as unread when the game opens (a new game starts with its first event).
  const today = session.state.hour - (session.state.hour % 24);
  const firstToday = session.state.news.findIndex((n) => n.hour >= today);
  let read = firstToday < 0 ? session.state.news.length : firstToday;
  let announced = session.state.news.length;
  let lastAnnouncedHour = -1;
  let visible = false;
  let toasted = read;
  const timers = new Set<number>();

  function toast(state: Immutable<GameState>): void {
    if (state.news.length <= toasted) return;
    const fresh = state.news.slice(toasted).map((item) => newsText(ctx, item)).filter((n) => n.tag === 'blockade' || n.tag === 'event' || n.tag === 'instructor');
    toasted = state.news.length;
    for (const text of fresh) {
      const close = (): void => {
        el.remove();
        window.clearTimeout(timer);
        timers.delete(timer);
      };
      const el = h(
        'div',
        { class: `hud-toast tag-${text.tag}` },
        h(
          'div',
          { class: 'hud-toast-text' },
          h('p', { class: 'news-meta' }, h('span', { class: 'news-tag' }, h('span', { 'aria-hidden': 'true' }, TAG_ICON[text.tag]), ' ', t(`hud.news.tag.${text.tag}`))),
          ' ',
          h('p', { class: 'hud-toast-title' }, text.title),
        ),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', class: 'small', onclick: () => (close(), hud.showTab('news')) }, t('hud.news.read')),
          h('button', { type: 'button', class: 'small', 'aria-label': t('hud.news.dismiss'), onclick: close }, '✕'),
        ),
      );
      const timer = window.setTimeout(close, TOAST_MS);
      timers.add(timer);
      toasts.prepend(el);
      while (toasts.childElementCount > TOASTS) toasts.lastElementChild?.remove();
    }
  }

  function announceNew(state: Immutable<GameState>): void {
    if (state.news.length <= announced || state.hour === lastAnnouncedHour) return;
    // The player's own policy decisions are confirmed where they were made, not announced again.
    const fresh = state.news.slice(announced).filter((n) => !(n.kind === 'policy' && (n.facts.status === 'pending' || n.facts.status === 'off')));
    announced = state.news.length;
    if (fresh.length === 0) return;
    lastAnnouncedHour = state.hour;
    // The most serious item first: blockade activity, then events, then the rest.
    const order: NewsTag[] = ['blockade', 'instructor', 'event', 'situation', 'convoy', 'city'];
    const texts = fresh.map((item) => newsText(ctx, item)).sort((a, b) => order.indexOf(a.tag) - order.indexOf(b.tag));
    const first = texts[0];
    if (!first) return;
    hud.announce(texts.length === 1 ? first.title : t('hud.news.announceMany', { first: first.title, n: texts.length - 1 }));
  }

  function intelItem(report: Immutable<Intel>): HTMLElement {
    const target = report.road !== undefined ? ({ kind: 'road', id: report.road } as const) : report.town !== undefined ? ({ kind: 'town', id: report.town } as const) : null;
    return h(
      'li',
      { class: `intel intel-${report.kind}` },
      h('p', { class: 'intel-text' }, h('span', { 'aria-hidden': 'true' }, '◎ '), intelText(ctx, report)),
      h('p', { class: 'intel-meta muted' }),
      target ? h('button', { type: 'button', class: 'small', 'aria-label': `${t('hud.intel.show')}: ${intelText(ctx, report)}`, title: t('hud.intel.showHint'), onclick: () => hud.selection.set(target) }, t('hud.intel.show')) : null,
    );
  }

  let shown: unknown[] = [];
  function update(state: Immutable<GameState>): void {
    announceNew(state);
    toast(state);
    if (visible) read = state.news.length;
    if (!visible) return;
    const key = [state.news.length, state.intel, state.hour];
    if (shown.length > 0 && key.every((k, i) => k === shown[i])) return;
    const intel = [...state.intel].reverse();
    intelEmpty.hidden = intel.length > 0;
    syncList(intelList, intel, (r) => String(r.id), intelItem, (li, r) =>
      setText(
        li.querySelector('.intel-meta')!,
        t('hud.intel.meta', { confidence: t('hud.intel.confidence', { n: r.confidence }), source: t(`hud.intel.source.${r.source}`), age: ageText(state.hour - r.hour) }),
      ),
    );
    if (shown[0] !== state.news.length) {
      const start = Math.max(0, state.news.length - SHOWN);
      const entries = feedEntries(state.news.slice(start), start);
      feedEmpty.hidden = entries.length > 0;
      syncList(feed, entries, (x) => x.key, (x) => renderEntry(ctx, x, state));
    }
    shown = key;
  }

  return {
    el,
    update,
    unread: () => session.state.news.length - read,
    destroy() {
      for (const timer of timers) window.clearTimeout(timer);
    },
    setVisible(on: boolean) {
      visible = on;
      if (!on) return;
      read = session.state.news.length;
      shown = [];
      update(session.state);
    },
  };
}
