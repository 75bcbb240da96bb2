/**
 * The convoy planner: a crossing, its waiting tankers, a route with what is known of its
 * risk, an hour to leave and an escort, then Dispatch. Redrawn only for the parts of the
 * state it shows.
 */
import type { Immutable } from 'immer';
import { formatDate, formatLitres, formatNumber, t, tCount } from '../../app/i18n';
import { MORALE_REFUSAL } from '../../sim/balance';
import type { EntryId, GameState, RoadId, UnitId } from '../../sim/state';
import { h, setText, syncList, syncOptions, toggleClass, uid } from '../dom';
import type { Hud, Part } from './hud';
import { ageText, freeForEscort, intelText, pathText, routeInfo, routeRiskText, taskText } from './model';
import { corridorName, entryName, policyName, townName, unitName } from './names';

const MAX_AHEAD = 72;

export interface ConvoyPlanner extends Part {
  /** Opens the planner on a crossing (from the map), with its first route. */
  chooseEntry(entry: EntryId): void;
}

/** The parts of the state the planner shows: it redraws a part only when one of these changed. */
type Shown = Pick<Immutable<GameState>, 'entries' | 'intel' | 'units' | 'hour' | 'blockaded' | 'status'>;

export function createConvoyPlanner(hud: Hud): ConvoyPlanner {
  const { ctx, session } = hud;
  let entry: EntryId | null = null;

  const entrySelectId = uid('entry');
  const entrySelect = h('select', { id: entrySelectId });
  entrySelect.addEventListener('change', () => {
    entry = (entrySelect.value || null) as EntryId | null;
    routeChooser.reset();
    tankersEdited = false;
    render(session.state, true);
  });
  const entryInfo = h('p', { class: 'card-line' });
  const closedInfo = h('ul', { class: 'closed-entries muted' });

  const tankersId = uid('tankers');
  const tankersInput = h('input', { id: tankersId, type: 'number', min: 1, step: 1, inputmode: 'numeric', class: 'num' });
  // The field follows the day's offer until the player types a number.
  let tankersEdited = false;
  tankersInput.addEventListener('input', () => {
    tankersEdited = true;
    renderSummary(session.state);
  });
  const tankersInfo = h('span', { class: 'muted' });

  const routeChooser = createRouteChooser(hud, () => renderSummary(session.state));
  const departId = uid('depart');
  const departInput = h('input', { id: departId, type: 'number', min: 0, max: MAX_AHEAD, step: 1, value: 0, inputmode: 'numeric', class: 'num' });
  departInput.addEventListener('input', () => renderSummary(session.state));
  const departInfo = h('span', { class: 'muted' });

  const escortChooser = createEscortChooser(hud, () => renderSummary(session.state));

  const summary = h('p', { class: 'convoy-summary' });
  const dispatch = h('button', { type: 'button', class: 'primary', 'data-tut': 'dispatch', onclick: () => send() }, t('hud.plan.dispatch'));
  const noEntry = h('p', { class: 'warning', hidden: true }, t('hud.plan.noEntry'));

  const el = h(
    'form',
    { class: 'planner', 'data-tut': 'planner', onsubmit: (e: Event) => (e.preventDefault(), send()) },
    h('div', { class: 'field' }, h('label', { for: entrySelectId }, t('hud.plan.entry')), entrySelect),
    entryInfo,
    closedInfo,
    noEntry,
    h('div', { class: 'field inline' }, h('label', { for: tankersId }, t('hud.plan.tankers')), tankersInput, tankersInfo),
    routeChooser.el,
    h('div', { class: 'field inline' }, h('label', { for: departId }, t('hud.plan.departIn')), departInput, departInfo),
    escortChooser.el,
    summary,
    h('div', { class: 'actions' }, dispatch),
  );

  const openEntries = (state: Immutable<GameState>) => state.entries.filter((e) => e.open);
  const entryState = (state: Immutable<GameState>) => state.entries.find((e) => e.id === entry);

  function send(): void {
    const state = session.state;
    const route = routeChooser.chosen();
    if (!entry || !route) return;
    const tankers = Math.floor(Number(tankersInput.value || 0));
    const offset = Math.max(0, Math.min(MAX_AHEAD, Math.floor(Number(departInput.value) || 0)));
    const escort = escortChooser.chosen(state);
    const ok = hud.act(
      { type: 'convoy/form', entry, tankers, route, departAt: state.hour + offset, escort },
      tCount('hud.plan.dispatched', tankers, 0, { convoy: t('hud.convoyName', { id: String(state.convoysFormed + 1) }), entry: entryName(ctx, entry) }),
    );
    if (ok) {
      escortChooser.clear();
      tankersEdited = false;
      departInput.value = '0';
      const formed = session.state.convoys.find((c) => c.number === state.convoysFormed + 1);
      if (formed) hud.selection.set({ kind: 'convoy', id: formed.id });
      render(session.state, true);
    }
  }

  function renderSummary(state: Immutable<GameState>): void {
    const e = entryState(state);
    const route = routeChooser.chosen();
    const offset = Math.max(0, Math.min(MAX_AHEAD, Math.floor(Number(departInput.value) || 0)));
    setText(departInfo, offset === 0 ? t('hud.plan.now') : formatDate(ctx.level.startDate, state.hour + offset, true));
    if (!e || !route) {
      setText(summary, '');
      dispatch.disabled = true;
      return;
    }
    const n = Math.floor(Number(tankersInput.value || 0));
    const info = routeInfo(ctx, state, ctx.entries.get(e.id)?.town ?? '', route);
    const strength = state.units.filter((u) => escortChooser.chosen(state).includes(u.id)).reduce((s, u) => s + u.strength, 0);
    setText(
      summary,
      tCount('hud.plan.summary', n, 0, {
        litres: formatLitres(n * ctx.level.tankerL),
        strength,
        arrive: formatDate(ctx.level.startDate, state.hour + offset + info.hours, true),
      }),
    );
    dispatch.disabled = e.offered === 0 || state.status !== 'playing';
  }

  function renderEntry(state: Immutable<GameState>): void {
    const open = openEntries(state);
    if (entry && !open.some((e) => e.id === entry)) entry = null;
    if (!entry) entry = open.slice().sort((a, b) => b.offered - a.offered)[0]?.id ?? null;
    syncOptions(
      entrySelect,
      open.map((e) => ({ value: e.id, label: tCount('hud.plan.entryOption', e.offered, 0, { entry: entryName(ctx, e.id) }) })),
    );
    if (entry) entrySelect.value = entry;
    noEntry.hidden = open.length > 0;
    const e = entryState(state);
    const def = entry ? ctx.entries.get(entry) : undefined;
    if (e && def) {
      const blockaded = state.blockaded.includes(def.corridor);
      setText(
        entryInfo,
        [
          tCount('hud.entry.offered', e.offered),
          t('hud.entry.morale', { n: e.morale }) + (e.morale < MORALE_REFUSAL ? ` — ${t('hud.entry.refusing')}` : ''),
          corridorName(ctx, def.corridor) + (blockaded ? ` — ${t('hud.entry.blockaded')}` : ''),
        ].join(' · '),
      );
      tankersInput.max = String(Math.max(1, e.offered));
      if (!tankersEdited) tankersInput.value = String(e.offered);
      setText(tankersInfo, t('hud.plan.ofOffered', { n: e.offered }));
      tankersInput.disabled = e.offered === 0;
    } else {
      setText(entryInfo, '');
      setText(tankersInfo, '');
      tankersInput.value = '';
    }
    syncList(
      closedInfo,
      state.entries.filter((x) => !x.open),
      (x) => x.id,
      () => h('li'),
      (li, x) => {
        const needs = ctx.entries.get(x.id)?.requiresPolicy;
        setText(li, needs ? t('hud.entry.closedNeeds', { entry: entryName(ctx, x.id), policy: policyName(needs) }) : t('hud.entry.closed', { entry: entryName(ctx, x.id) }));
      },
    );
  }

  let shown: Shown | undefined;
  function render(state: Immutable<GameState>, force = false): void {
    const was = force ? undefined : shown;
    const changed = (...keys: (keyof Shown)[]): boolean => !was || keys.some((k) => was[k] !== state[k]);
    if (!changed('entries', 'intel', 'units', 'hour', 'blockaded', 'status')) return;
    if (changed('entries', 'blockaded')) renderEntry(state);
    if (changed('entries', 'intel', 'hour')) routeChooser.render(state, entry);
    if (changed('units', 'hour')) escortChooser.render(state);
    renderSummary(state);
    shown = { entries: state.entries, intel: state.intel, units: state.units, hour: state.hour, blockaded: state.blockaded, status: state.status };
  }

  return {
    el,
    update: (state) => render(state),
    chooseEntry(id: EntryId) {
      if (!session.state.entries.some((e) => e.id === id && e.open)) return;
      entry = id;
      routeChooser.reset();
      tankersEdited = false;
      render(session.state, true);
      entrySelect.focus();
    },
  };
}

/** The routes from a crossing, each with its length, driving hours and what is known of its risk; one is chosen. */
function createRouteChooser(hud: Hud, onChoose: () => void) {
  const { ctx } = hud;
  const listEl = h('div', { class: 'route-list' });
  const group = uid('routes');
  const el = h('fieldset', { class: 'routes' }, h('legend', null, t('hud.plan.route')), listEl);
  let entry: EntryId | null = null;
  let index = 0;
  const routes = (): RoadId[][] => (entry ? (ctx.routes.get(entry) ?? []) : []);

function render(state: Immutable<GameState>, from: EntryId | null): void {
  entry = from;
  const start = entry ? (ctx.entries.get(entry)?.town ?? '') : '';
  const list = routes();
  if (index >= list.length) index = 0;
  syncList(
    listEl,
    list.map((r, i) => ({ r, i })),
    ({ r }) => `${entry}:${r.join('>')}`,
    ({ i }) => {
      const id = uid('route');
      const radio = h('input', { type: 'radio', name: group, id, value: String(i), 'aria-describedby': `${id}-d` });
      radio.addEventListener('change', () => {
        index = i;
        onChoose();
      });
      return h(
        'div',
        { class: 'route' },
        radio,
        h('label', { for: id }, h('span', { class: 'route-title' }), h('span', { class: 'route-path' })),
        h('div', { id: `${id}-d`, class: 'route-detail' }, h('span', { class: 'route-risk' }), h('ul', { class: 'route-intel' })),
      );
    },
    (child, { r, i }) => {
      const info = routeInfo(ctx, state, start, r);
      child.querySelector('input')!.checked = i === index;
      setText(child.querySelector('.route-title')!, t('hud.route.title', { n: i + 1, km: formatNumber(info.km), hours: info.hours }));
      setText(child.querySelector('.route-path')!, pathText(ctx, info.path));
      setText(child.querySelector('.route-risk')!, routeRiskText(info));
      toggleClass(child, 'has-intel', info.intel.length > 0);
      syncList(
        child.querySelector('.route-intel')!,
        info.intel.length === 0 ? [null] : info.intel,
        (x) => (x ? String(x.id) : 'none'),
        (x) => h('li', { class: x ? 'intel-hit' : 'muted' }),
        (li, x) => setText(li, x ? `⚠ ${intelText(ctx, x)} (${t('hud.intel.confidence', { n: x.confidence })}, ${ageText(state.hour - x.hour)})` : t('hud.route.noIntel')),
      );
    },
  );
}

  return {
    el,
    render,
    chosen: (): RoadId[] | undefined => routes()[index],
    /** Back to the first route (another crossing, or a convoy sent). */
    reset: (): void => {
      index = 0;
    },
  };
}

/** The units that may escort, each with its strength and what leaving its post would cost. */
function createEscortChooser(hud: Hud, onChange: () => void) {
  const { ctx } = hud;
  const picked = new Set<UnitId>();
  const listEl = h('div', { class: 'escort-list' });
  const el = h('fieldset', { class: 'escorts', 'data-tut': 'escort' }, h('legend', null, t('hud.plan.escort')), listEl);

function render(state: Immutable<GameState>): void {
  syncList(
    listEl,
    state.units,
    (u) => u.id,
    (u) => {
      const id = uid('esc');
      const box = h('input', { type: 'checkbox', id, value: u.id });
      box.addEventListener('change', () => {
        if (box.checked) picked.add(u.id);
        else picked.delete(u.id);
        onChange();
      });
      return h('div', { class: 'escort' }, box, h('label', { for: id }, h('span', { class: 'escort-name' }, unitName(ctx, u.id)), h('span', { class: 'escort-note' })));
    },
    (row, u) => {
      const box = row.querySelector('input')!;
      const usable = u.task.kind !== 'escort' && state.hour >= u.readyAt;
      box.disabled = !usable;
      if (!usable) picked.delete(u.id);
      box.checked = picked.has(u.id);
      let note = `${t('hud.unit.strength', { n: u.strength })} · ${taskText(ctx, u, state)}`;
      if (u.task.kind !== 'escort' && state.hour < u.readyAt) note += ` · ${t('hud.unit.movingShort', { hours: u.readyAt - state.hour })}`;
      else if (u.task.kind === 'garrison') note += ` · ${t('hud.plan.leavesTown', { town: townName(ctx, u.task.town) })}`;
      setText(row.querySelector('.escort-note')!, note);
      toggleClass(row, 'is-warning', usable && !freeForEscort(state, u));
    },
  );
}

  return {
    el,
    render,
    /** The picked units that can leave now. */
    chosen: (state: Immutable<GameState>): UnitId[] =>
      state.units.filter((u) => picked.has(u.id) && u.task.kind !== 'escort' && state.hour >= u.readyAt).map((u) => u.id),
    clear: (): void => picked.clear(),
  };
}
