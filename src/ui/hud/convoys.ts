/** The Convoys tab: one convoy's card with its commands, and the panel around the planner (convoy-planner.ts). */
import type { Immutable } from 'immer';
import { formatDate, formatLitres, formatNumber, t } from '../../app/i18n';
import { escortStrength } from '../../sim/selectors';
import type { Convoy, ConvoyId, GameState, RoadId } from '../../sim/state';
import { h, setText, syncList, syncOptions, uid } from '../dom';
import { createConvoyPlanner, type ConvoyPlanner } from './convoy-planner';
import type { Hud, Part } from './hud';
import { convoyEta, convoyPosition, pathText, rerouteOptions, routeInfo } from './model';
import { convoyName, entryName, townName, unitName } from './names';

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

/* ---------------------------------------------------------------- the panel */

/** The Convoys tab: the planner, the convoys on the road and the last ones that ended. */
export function createConvoyPanel(hud: Hud): ConvoyPlanner {
  const { ctx } = hud;
  const planner = createConvoyPlanner(hud);
  const liveList = h('div', { class: 'card-list' });
  const liveEmpty = h('p', { class: 'muted' }, t('hud.convoy.none'));
  const pastList = h('ul', { class: 'past-list' });
  const cards = new Map<string, Part>();

  const el = h(
    'div',
    { class: 'panel-body convoys' },
    h('h2', { class: 'panel-title' }, t('hud.tab.convoys')),
    h('section', { 'aria-labelledby': 'convoy-plan-h' }, h('h3', { id: 'convoy-plan-h' }, t('hud.plan.convoyTitle')), planner.el),
    h('section', { 'aria-labelledby': 'convoy-live-h' }, h('h3', { id: 'convoy-live-h' }, t('hud.convoy.live')), liveEmpty, liveList),
    h('section', { 'aria-labelledby': 'convoy-past-h' }, h('h3', { id: 'convoy-past-h' }, t('hud.convoy.past')), pastList),
  );

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

  /** The parts of the state the lists show. */
  let shown: Pick<Immutable<GameState>, 'hour' | 'convoys' | 'pastConvoys' | 'units'> | undefined;

  return {
    el,
    update(state) {
      planner.update(state);
      if (shown && shown.hour === state.hour && shown.convoys === state.convoys && shown.pastConvoys === state.pastConvoys && shown.units === state.units) return;
      renderLive(state);
      shown = { hour: state.hour, convoys: state.convoys, pastConvoys: state.pastConvoys, units: state.units };
    },
    chooseEntry: (id) => planner.chooseEntry(id),
  };
}
