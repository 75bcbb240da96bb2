/**
 * Details of what is selected on the map (or in the HUD), with the actions that make sense
 * for it: patrol a road, garrison a rural town, plan a convoy from an entry point, command a
 * convoy or a unit.
 */
import type { Immutable } from 'immer';
import { formatLitres, formatNumber, t, tCount } from '../../app/i18n';
import type { MapSelection } from '../../app/selection';
import { patrolStrength } from '../../sim/selectors';
import type { ConvoyId, EntryId, GameState, RoadId, TownId, UnitId } from '../../sim/state';
import { h, setText, syncList, syncOptions, uid } from '../dom';
import { createConvoyCard } from './convoys';
import type { Hud, Part } from './hud';
import { ageText, intelText, taskText } from './model';
import { corridorName, entryName, roadName, townName, unitName } from './names';
import { townStatus, townStatusText } from './town-status';
import { createUnitCard } from './units';

/** Units that can take a new task now (not escorting): name, strength and current task. */
function unitChoices(hud: Hud, state: Immutable<GameState>): { value: string; label: string }[] {
  return state.units
    .filter((u) => u.task.kind !== 'escort')
    .map((u) => ({ value: u.id, label: t('hud.select.unitOption', { unit: unitName(hud.ctx, u.id), n: u.strength, task: taskText(hud.ctx, u, state) }) }));
}

/** "Send [unit ▾] [Patrol this road]": one select and one button. */
function orderRow(hud: Hud, buttonText: string, send: (unit: UnitId) => void): { el: HTMLElement; update(state: Immutable<GameState>): void } {
  const id = uid('sel-unit');
  const select = h('select', { id });
  const button = h('button', { type: 'button', class: 'primary', onclick: () => select.value && send(select.value as UnitId) }, buttonText);
  const el = h('div', { class: 'orders' }, h('div', { class: 'field' }, h('label', { for: id }, t('hud.select.unit')), select), h('div', { class: 'actions' }, button));
  return {
    el,
    update(state) {
      const choices = unitChoices(hud, state);
      syncOptions(select, choices);
      button.disabled = choices.length === 0 || state.status !== 'playing';
    },
  };
}

function intelList(hud: Hud, match: (report: Immutable<GameState>['intel'][number]) => boolean): { el: HTMLElement; update(state: Immutable<GameState>): void } {
  const el = h('ul', { class: 'route-intel' });
  return {
    el,
    update(state) {
      const reports = state.intel.filter(match);
      syncList(
        el,
        reports.length === 0 ? [null] : reports,
        (r) => (r ? String(r.id) : 'none'),
        (r) => h('li', { class: r ? 'intel-hit' : 'muted' }),
        (li, r) => setText(li, r ? `⚠ ${intelText(hud.ctx, r)} (${t('hud.intel.confidence', { n: r.confidence })}, ${ageText(state.hour - r.hour)})` : t('hud.select.noIntel')),
      );
    },
  };
}

function roadDetails(hud: Hud, id: RoadId): Part {
  const { ctx } = hud;
  const road = ctx.roads.get(id);
  const patrol = h('p', { class: 'card-line' });
  const intel = intelList(hud, (r) => r.road === id);
  const order = orderRow(hud, t('hud.select.patrolIt'), (unit) =>
    hud.act({ type: 'unit/order', unit, task: { kind: 'patrol', road: id } }, t('hud.order.donePatrol', { unit: unitName(ctx, unit), road: roadName(ctx, id) })),
  );
  const el = h(
    'div',
    null,
    h('h3', { class: 'card-title' }, t('hud.select.road', { road: roadName(ctx, id) })),
    road
      ? h(
          'p',
          { class: 'card-line' },
          t('hud.select.roadFacts', { km: formatNumber(road.km), terrain: t(`hud.terrain.${road.terrain}`), risk: road.risk }),
          ' · ',
          corridorName(ctx, road.corridor),
        )
      : null,
    patrol,
    h('h4', null, t('hud.select.intel')),
    intel.el,
    order.el,
  );
  return {
    el,
    update(state) {
      const p = patrolStrength(state, id);
      const units = state.units.filter((u) => u.task.kind === 'patrol' && u.task.road === id).map((u) => unitName(ctx, u.id));
      setText(patrol, units.length === 0 ? t('hud.select.noPatrol') : t('hud.select.patrol', { units: units.join(', '), n: p }));
      intel.update(state);
      order.update(state);
    },
  };
}

function townDetails(hud: Hud, id: TownId): Part {
  const { ctx } = hud;
  const def = ctx.towns.get(id);
  const status = h('p', { class: 'card-line town-status' });
  const reasons = h('ul', { class: 'town-reasons' });
  const intel = intelList(hud, (r) => r.town === id);
  const rural = def?.kind === 'rural';
  const order = orderRow(hud, t('hud.select.garrisonIt'), (unit) =>
    hud.act({ type: 'unit/order', unit, task: { kind: 'garrison', town: id } }, t('hud.order.doneGarrison', { unit: unitName(ctx, unit), town: townName(ctx, id) })),
  );
  const entries = [...ctx.entries.values()].filter((e) => e.town === id);
  const el = h(
    'div',
    null,
    h('h3', { class: 'card-title' }, townName(ctx, id)),
    h('p', { class: 'card-line muted' }, t(`hud.townKind.${def?.kind ?? 'city'}`), def?.population ? ` · ${t('hud.select.population', { n: formatNumber(def.population) })}` : ''),
    status,
    reasons,
    h('h4', null, t('hud.select.intel')),
    intel.el,
    rural ? order.el : null,
    ...entries.map((e) => h('button', { type: 'button', onclick: () => hud.planConvoyFrom(e.id) }, t('hud.select.planFrom', { entry: entryName(ctx, e.id) }))),
  );
  return {
    el,
    update(state) {
      const s = townStatus(ctx, state, id);
      if (s) {
        const text = townStatusText(ctx, s);
        setText(status, text.line);
        status.dataset.status = s.kind;
        syncList(
          reasons,
          text.reasons,
          (r) => r,
          () => h('li'),
          (li, r) => setText(li, r),
        );
      } else if (id === ctx.depot) setText(status, t('hud.select.depot', { litres: formatLitres(state.fuel.stockL) }));
      else setText(status, '');
      intel.update(state);
      if (rural) order.update(state);
    },
  };
}

function entryDetails(hud: Hud, id: EntryId): Part {
  const { ctx } = hud;
  const def = ctx.entries.get(id);
  const facts = h('p', { class: 'card-line' });
  const plan = h('button', { type: 'button', class: 'primary', onclick: () => hud.planConvoyFrom(id) }, t('hud.select.planConvoy'));
  const el = h('div', null, h('h3', { class: 'card-title' }, entryName(ctx, id)), h('p', { class: 'card-line muted' }, def ? corridorName(ctx, def.corridor) : ''), facts, h('div', { class: 'actions' }, plan));
  return {
    el,
    update(state) {
      const e = state.entries.find((x) => x.id === id);
      if (!e) return;
      setText(facts, e.open ? `${tCount('hud.entry.offered', e.offered)} · ${t('hud.entry.morale', { n: e.morale })}` : t('hud.entry.closed', { entry: entryName(ctx, id) }));
      plan.disabled = !e.open || state.status !== 'playing';
    },
  };
}

export function createSelectionCard(hud: Hud): Part & { show(selection: MapSelection | null): void } {
  const body = h('div', { class: 'selection-body' });
  const close = h('button', { type: 'button', class: 'close', 'aria-label': t('hud.select.close'), onclick: () => hud.selection.set(null) }, '✕');
  const el = h('section', { class: 'hud-selection', 'aria-label': t('hud.select.label'), hidden: true }, close, body);
  let part: Part | null = null;
  let shownState: Immutable<GameState> | null = null;

  function show(selection: MapSelection | null): void {
    part = null;
    body.replaceChildren();
    el.hidden = selection === null;
    if (!selection) return;
    switch (selection.kind) {
      case 'road':
        part = roadDetails(hud, selection.id as RoadId);
        break;
      case 'town':
        part = townDetails(hud, selection.id as TownId);
        break;
      case 'entry':
        part = entryDetails(hud, selection.id as EntryId);
        break;
      case 'convoy':
        part = createConvoyCard(hud, selection.id as ConvoyId, { heading: 'h3', selected: true });
        break;
      case 'unit':
        part = createUnitCard(hud, selection.id as UnitId, { heading: 'h3' });
        break;
    }
    body.append(part.el);
    shownState = hud.session.state;
    part.update(shownState);
  }

  return {
    el,
    show,
    update(state) {
      if (state === shownState) return;
      shownState = state;
      part?.update(state);
    },
  };
}
