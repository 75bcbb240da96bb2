/** The convoy planner and the convoys on the road, with their commands. */
import type { Immutable } from 'immer';
import { formatDate, formatLitres, formatNumber, t, tCount } from '../../app/i18n';
import { MORALE_REFUSAL } from '../../sim/balance';
import { escortStrength } from '../../sim/selectors';
import type { Convoy, ConvoyId, EntryId, GameState, RoadId, UnitId } from '../../sim/state';
import { h, setText, syncList, syncOptions, toggleClass, uid } from '../dom';
import type { Hud, Part } from './hud';
import { ageText, convoyEta, convoyPosition, freeForEscort, intelText, pathText, rerouteOptions, routeInfo, routeRiskText, taskText } from './model';
import { convoyName, corridorName, entryName, policyName, townName, unitName } from './names';

const MAX_AHEAD = 72;

/* ---------------------------------------------------------------- one convoy */

export function createConvoyCard(hud: Hud, id: ConvoyId, options: { heading?: 'h3' | 'h4'; selected?: boolean } = {}): Part {
  const { ctx, session } = hud;
  const title = h(options.heading ?? 'h4', { class: 'card-title' });
  const status = h('span', { class: 'badge' });
  const tankers = h('p', { class: 'card-line' });
  const where = h('p', { class: 'card-line' });
  const escort = h('p', { class: 'card-line' });
  const eta = h('p', { class: 'card-line muted' });
  const show = options.selected ? null : h('button', { type: 'button', onclick: () => hud.selection.set({ kind: 'convoy', id }) }, t('hud.convoy.show'));
  const halt = h('button', { type: 'button', onclick: () => toggleHalt() });
  const back = h('button', { type: 'button', onclick: () => hud.act({ type: 'convoy/turnBack', convoy: id }, t('hud.convoy.turnedBack', { convoy: convoyName(session.state, id) })) }, t('hud.convoy.turnBack'));
  const rerouteButton = h('button', { type: 'button', 'aria-expanded': 'false', onclick: () => toggleReroute() }, t('hud.convoy.reroute'));
  const rerouteSelectId = uid('reroute');
  const rerouteSelect = h('select', { id: rerouteSelectId });
  const rerouteGo = h('button', { type: 'button', class: 'primary', onclick: () => reroute() }, t('hud.convoy.rerouteGo'));
  const rerouteBox = h('div', { class: 'reroute', hidden: true }, h('label', { for: rerouteSelectId }, t('hud.convoy.rerouteLabel')), rerouteSelect, rerouteGo);
  const buttons = h('div', { class: 'actions' }, show, halt, back, rerouteButton);
  const el = h('article', { class: 'card convoy-card' }, h('div', { class: 'card-head' }, title, status), tankers, where, escort, eta, buttons, rerouteBox);
  let options_: RoadId[][] = [];

  const live = (state: Immutable<GameState>): Immutable<Convoy> | undefined => state.convoys.find((c) => c.id === id);

  function toggleHalt(): void {
    const convoy = live(session.state);
    if (!convoy) return;
    if (convoy.status === 'halted') hud.act({ type: 'convoy/resume', convoy: id }, t('hud.convoy.resumed', { convoy: convoyName(session.state, id) }));
    else hud.act({ type: 'convoy/halt', convoy: id }, t('hud.convoy.halted', { convoy: convoyName(session.state, id) }));
  }
  function toggleReroute(): void {
    rerouteBox.hidden = !rerouteBox.hidden;
    rerouteButton.setAttribute('aria-expanded', String(!rerouteBox.hidden));
    if (!rerouteBox.hidden) rerouteSelect.focus();
  }
  function reroute(): void {
    const route = options_[Number(rerouteSelect.value)];
    if (!route) return;
    if (hud.act({ type: 'convoy/reroute', convoy: id, route }, t('hud.convoy.rerouted', { convoy: convoyName(session.state, id) }))) {
      rerouteBox.hidden = true;
      rerouteButton.setAttribute('aria-expanded', 'false');
    }
  }

  let shown: unknown[] = [];
  function update(state: Immutable<GameState>): void {
    const convoy = live(state);
    const key = [convoy, state.hour, state.units];
    if (shown.length > 0 && key.every((k, i) => k === shown[i])) return;
    shown = key;
    setText(title, convoyName(state, id));
    if (!convoy) {
      const record = state.pastConvoys.find((c) => c.id === id);
      setText(status, record ? t(`hud.convoy.status.${record.status}`) : '');
      status.dataset.status = record?.status ?? '';
      setText(tankers, record ? t('hud.convoy.ended', { left: record.tankers, start: record.tankersAtStart }) : '');
      for (const e of [where, escort, eta]) setText(e, '');
      buttons.hidden = true;
      rerouteBox.hidden = true;
      return;
    }
    setText(status, t(`hud.convoy.status.${convoy.status}`));
    status.dataset.status = convoy.status;
    setText(
      tankers,
      t('hud.convoy.tankers', { n: convoy.tankers, start: convoy.tankersAtStart, litres: formatLitres(convoy.tankers * ctx.level.tankerL) }),
    );
    if (convoy.status === 'waiting') {
      setText(where, t('hud.convoy.waiting', { town: townName(ctx, convoy.path[0] ?? ''), time: formatDate(ctx.level.startDate, convoy.departAt, true) }));
    } else {
      const pos = convoyPosition(ctx, convoy);
      setText(where, t('hud.convoy.position', { from: pos.from, to: pos.to, km: formatNumber(pos.km), total: formatNumber(pos.legKm) }));
    }
    const names = convoy.escort.map((u) => unitName(ctx, u));
    setText(escort, names.length === 0 ? t('hud.convoy.noEscort') : t('hud.convoy.escort', { units: names.join(', '), n: escortStrength(state, convoy) }));
    setText(
      eta,
      convoy.status === 'returning'
        ? t('hud.convoy.returning')
        : t('hud.convoy.eta', { time: formatDate(ctx.level.startDate, state.hour + convoyEta(ctx, state, convoy), true) }),
    );
    buttons.hidden = false;
    halt.textContent = convoy.status === 'halted' ? t('hud.convoy.resume') : t('hud.convoy.halt');
    halt.disabled = convoy.status === 'returning';
    back.disabled = convoy.status === 'returning';
    options_ = convoy.status === 'returning' ? [] : rerouteOptions(ctx, convoy);
    rerouteButton.hidden = options_.length === 0;
    if (options_.length === 0) rerouteBox.hidden = true;
    syncOptions(
      rerouteSelect,
      options_.map((route, i) => {
        const info = routeInfo(ctx, state, convoy.path[convoy.leg === 0 && convoy.km === 0 ? 0 : convoy.leg + 1] ?? '', route);
        return { value: String(i), label: t('hud.route.option', { path: pathText(ctx, info.path), km: formatNumber(info.km), risk: t(`map.legend.${info.riskLevel}`) }) };
      }),
    );
  }

  return { el, update };
}

/* ---------------------------------------------------------------- the planner */

export interface ConvoyPanel extends Part {
  chooseEntry(entry: EntryId): void;
}

export function createConvoyPanel(hud: Hud): ConvoyPanel {
  const { ctx, session } = hud;
  let entry: EntryId | null = null;
  let routeIndex = 0;
  const escorts = new Set<UnitId>();

  const entrySelectId = uid('entry');
  const entrySelect = h('select', { id: entrySelectId });
  entrySelect.addEventListener('change', () => {
    entry = (entrySelect.value || null) as EntryId | null;
    routeIndex = 0;
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

  const routeList = h('div', { class: 'route-list' });
  const routeGroup = uid('routes');
  const routeFieldset = h('fieldset', { class: 'routes' }, h('legend', null, t('hud.plan.route')), routeList);

  const departId = uid('depart');
  const departInput = h('input', { id: departId, type: 'number', min: 0, max: MAX_AHEAD, step: 1, value: 0, inputmode: 'numeric', class: 'num' });
  departInput.addEventListener('input', () => renderSummary(session.state));
  const departInfo = h('span', { class: 'muted' });

  const escortList = h('div', { class: 'escort-list' });
  const escortFieldset = h('fieldset', { class: 'escorts', 'data-tut': 'escort' }, h('legend', null, t('hud.plan.escort')), escortList);

  const summary = h('p', { class: 'convoy-summary' });
  const dispatch = h('button', { type: 'button', class: 'primary', 'data-tut': 'dispatch', onclick: () => send() }, t('hud.plan.dispatch'));
  const noEntry = h('p', { class: 'warning', hidden: true }, t('hud.plan.noEntry'));

  const liveList = h('div', { class: 'card-list' });
  const liveEmpty = h('p', { class: 'muted' }, t('hud.convoy.none'));
  const pastList = h('ul', { class: 'past-list' });
  const cards = new Map<string, Part>();

  const form = h(
    'form',
    { class: 'planner', 'data-tut': 'planner', onsubmit: (e: Event) => (e.preventDefault(), send()) },
    h('div', { class: 'field' }, h('label', { for: entrySelectId }, t('hud.plan.entry')), entrySelect),
    entryInfo,
    closedInfo,
    noEntry,
    h('div', { class: 'field inline' }, h('label', { for: tankersId }, t('hud.plan.tankers')), tankersInput, tankersInfo),
    routeFieldset,
    h('div', { class: 'field inline' }, h('label', { for: departId }, t('hud.plan.departIn')), departInput, departInfo),
    escortFieldset,
    summary,
    h('div', { class: 'actions' }, dispatch),
  );

  const el = h(
    'div',
    { class: 'panel-body convoys' },
    h('h2', { class: 'panel-title' }, t('hud.tab.convoys')),
    h('section', { 'aria-labelledby': 'convoy-plan-h' }, h('h3', { id: 'convoy-plan-h' }, t('hud.plan.convoyTitle')), form),
    h('section', { 'aria-labelledby': 'convoy-live-h' }, h('h3', { id: 'convoy-live-h' }, t('hud.convoy.live')), liveEmpty, liveList),
    h('section', { 'aria-labelledby': 'convoy-past-h' }, h('h3', { id: 'convoy-past-h' }, t('hud.convoy.past')), pastList),
  );

  const openEntries = (state: Immutable<GameState>) => state.entries.filter((e) => e.open);
  const routes = (): RoadId[][] => (entry ? (ctx.routes.get(entry) ?? []) : []);
  const entryState = (state: Immutable<GameState>) => state.entries.find((e) => e.id === entry);

  function chosenEscort(state: Immutable<GameState>): UnitId[] {
    return state.units.filter((u) => escorts.has(u.id) && u.task.kind !== 'escort' && state.hour >= u.readyAt).map((u) => u.id);
  }

  function send(): void {
    const state = session.state;
    const route = routes()[routeIndex];
    if (!entry || !route) return;
    const tankers = Math.floor(Number(tankersInput.value || 0));
    const offset = Math.max(0, Math.min(MAX_AHEAD, Math.floor(Number(departInput.value) || 0)));
    const escort = chosenEscort(state);
    const ok = hud.act(
      { type: 'convoy/form', entry, tankers, route, departAt: state.hour + offset, escort },
      tCount('hud.plan.dispatched', tankers, 0, { convoy: t('hud.convoyName', { id: String(state.convoysFormed + 1) }), entry: entryName(ctx, entry) }),
    );
    if (ok) {
      escorts.clear();
      tankersEdited = false;
      departInput.value = '0';
      const formed = session.state.convoys.find((c) => c.number === state.convoysFormed + 1);
      if (formed) hud.selection.set({ kind: 'convoy', id: formed.id });
      render(session.state, true);
    }
  }

  function renderSummary(state: Immutable<GameState>): void {
    const e = entryState(state);
    const route = routes()[routeIndex];
    const offset = Math.max(0, Math.min(MAX_AHEAD, Math.floor(Number(departInput.value) || 0)));
    setText(departInfo, offset === 0 ? t('hud.plan.now') : formatDate(ctx.level.startDate, state.hour + offset, true));
    if (!e || !route) {
      setText(summary, '');
      dispatch.disabled = true;
      return;
    }
    const n = Math.floor(Number(tankersInput.value || 0));
    const info = routeInfo(ctx, state, ctx.entries.get(e.id)?.town ?? '', route);
    const strength = state.units.filter((u) => chosenEscort(state).includes(u.id)).reduce((s, u) => s + u.strength, 0);
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

  function renderRoutes(state: Immutable<GameState>): void {
    const start = entry ? (ctx.entries.get(entry)?.town ?? '') : '';
    const list = routes();
    if (routeIndex >= list.length) routeIndex = 0;
    syncList(
      routeList,
      list.map((r, i) => ({ r, i })),
      ({ r }) => `${entry}:${r.join('>')}`,
      ({ i }) => {
        const id = uid('route');
        const radio = h('input', { type: 'radio', name: routeGroup, id, value: String(i), 'aria-describedby': `${id}-d` });
        radio.addEventListener('change', () => {
          routeIndex = i;
          renderSummary(session.state);
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
        child.querySelector('input')!.checked = i === routeIndex;
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

  function renderEscorts(state: Immutable<GameState>): void {
    syncList(
      escortList,
      state.units,
      (u) => u.id,
      (u) => {
        const id = uid('esc');
        const box = h('input', { type: 'checkbox', id, value: u.id });
        box.addEventListener('change', () => {
          if (box.checked) escorts.add(u.id);
          else escorts.delete(u.id);
          renderSummary(session.state);
        });
        return h('div', { class: 'escort' }, box, h('label', { for: id }, h('span', { class: 'escort-name' }, unitName(ctx, u.id)), h('span', { class: 'escort-note' })));
      },
      (row, u) => {
        const box = row.querySelector('input')!;
        const usable = u.task.kind !== 'escort' && state.hour >= u.readyAt;
        box.disabled = !usable;
        if (!usable) escorts.delete(u.id);
        box.checked = escorts.has(u.id);
        let note = `${t('hud.unit.strength', { n: u.strength })} · ${taskText(ctx, u, state)}`;
        if (u.task.kind !== 'escort' && state.hour < u.readyAt) note += ` · ${t('hud.unit.movingShort', { hours: u.readyAt - state.hour })}`;
        else if (u.task.kind === 'garrison') note += ` · ${t('hud.plan.leavesTown', { town: townName(ctx, u.task.town) })}`;
        setText(row.querySelector('.escort-note')!, note);
        toggleClass(row, 'is-warning', usable && !freeForEscort(state, u));
      },
    );
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

  function renderLive(state: Immutable<GameState>): void {
    syncList(
      liveList,
      state.convoys,
      (c) => String(c.id),
      (c) => {
        const card = createConvoyCard(hud, c.id);
        cards.set(String(c.id), card);
        return card.el;
      },
    );
    for (const key of Array.from(cards.keys())) if (!state.convoys.some((c) => String(c.id) === key)) cards.delete(key);
    for (const card of cards.values()) card.update(state);
    liveEmpty.hidden = state.convoys.length > 0;
    const past = state.pastConvoys.slice(-6).reverse();
    syncList(
      pastList,
      past,
      (c) => String(c.id),
      (c) =>
        h(
          'li',
          { 'data-status': c.status },
          t('hud.convoy.pastItem', {
            convoy: convoyName(state, c.id),
            status: t(`hud.convoy.status.${c.status}`),
            left: c.tankers,
            start: c.tankersAtStart,
            entry: entryName(ctx, c.entry),
            time: formatDate(ctx.level.startDate, c.endedAt, true),
          }),
        ),
    );
    if (past.length === 0 && pastList.childElementCount === 0) pastList.append(h('li', { class: 'muted', 'data-key': 'none' }, t('hud.convoy.noPast')));
  }

  let shown: unknown[] = [];
  function render(state: Immutable<GameState>, force = false): void {
    const key = [state.entries, state.intel, state.units, state.hour, state.convoys, state.pastConvoys, state.blockaded];
    if (!force && shown.length > 0 && key.every((k, i) => k === shown[i])) return;
    const changed = (i: number): boolean => force || shown.length === 0 || shown[i] !== key[i];
    if (changed(0) || changed(6)) renderEntry(state);
    if (changed(0) || changed(1) || changed(3)) renderRoutes(state);
    if (changed(2) || changed(3)) renderEscorts(state);
    renderSummary(state);
    if (changed(3) || changed(4) || changed(5) || changed(2)) renderLive(state);
    shown = key;
  }

  return {
    el,
    update: (state) => render(state),
    chooseEntry(id: EntryId) {
      if (!session.state.entries.some((e) => e.id === id && e.open)) return;
      entry = id;
      routeIndex = 0;
      tankersEdited = false;
      render(session.state, true);
      entrySelect.focus();
    },
  };
}
