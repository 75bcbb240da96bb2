/**
 * Security forces: each unit's task and readiness with its orders, and the rural towns they
 * leave exposed or hold (the dilemma the game teaches).
 */
import type { Immutable } from 'immer';
import { lang, t } from '../../app/i18n';
import { garrisonStrength } from '../../sim/selectors';
import type { GameState, RoadId, TownId, Unit, UnitId } from '../../sim/state';
import { h, setText, syncList, syncOptions, uid } from '../dom';
import type { Hud, Part } from './hud';
import { readinessText, taskText } from './model';
import { townStatus, townStatusText } from './town-status';
import { roadName, townName, unitName } from './names';

type OrderKind = 'idle' | 'patrol' | 'garrison';

/** The options for a unit order's target: every road, or every rural town with its state. */
export function roadOptions(hud: Hud): { value: string; label: string }[] {
  return [...hud.ctx.roads.values()]
    .map((r) => ({ value: r.id, label: t('hud.order.roadOption', { road: roadName(hud.ctx, r.id), risk: r.risk }) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang()));
}

export function townOptions(hud: Hud, state: Immutable<GameState>): { value: string; label: string }[] {
  return state.towns
    .map((town) => ({
      value: town.id,
      label: t(town.control === 'fallen' ? 'hud.order.townFallen' : 'hud.order.townOption', {
        town: townName(hud.ctx, town.id),
        garrison: garrisonStrength(state, town.id),
        need: hud.ctx.towns.get(town.id)?.garrisonNeed ?? 0,
      }),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, lang()));
}

/** A unit with its orders. `preset` opens the card with a task chosen (from the map selection). */
export function createUnitCard(hud: Hud, id: UnitId, options: { heading?: 'h3' | 'h4' } = {}): Part & { preset(kind: OrderKind, target?: string): void } {
  const { ctx, session } = hud;
  const title = h(options.heading ?? 'h4', { class: 'card-title' }, unitName(ctx, id));
  const strength = h('span', { class: 'badge' });
  const task = h('p', { class: 'card-line' });
  const ready = h('p', { class: 'card-line muted' });
  const kindId = uid('task');
  const targetId = uid('target');
  const kind = h(
    'select',
    { id: kindId },
    h('option', { value: 'idle' }, t('hud.order.idle')),
    h('option', { value: 'patrol' }, t('hud.order.patrol')),
    h('option', { value: 'garrison' }, t('hud.order.garrison')),
  );
  const target = h('select', { id: targetId });
  const targetLabel = h('label', { for: targetId });
  const targetField = h('div', { class: 'field' }, targetLabel, target);
  const go = h('button', { type: 'button', class: 'primary', onclick: () => order() }, t('hud.order.go'));
  const busy = h('p', { class: 'muted', hidden: true });
  const orders = h('div', { class: 'orders' }, h('div', { class: 'field' }, h('label', { for: kindId }, t('hud.order.task')), kind), targetField, h('div', { class: 'actions' }, go));
  kind.addEventListener('change', () => renderTarget(session.state));
  const el = h('article', { class: 'card unit-card' }, h('div', { class: 'card-head' }, title, strength), task, ready, busy, orders);

  function renderTarget(state: Immutable<GameState>): void {
    const k = kind.value as OrderKind;
    targetField.hidden = k === 'idle';
    if (k === 'patrol') {
      setText(targetLabel, t('hud.order.road'));
      syncOptions(target, roadOptions(hud));
    } else if (k === 'garrison') {
      setText(targetLabel, t('hud.order.town'));
      syncOptions(target, townOptions(hud, state));
    }
  }

  function order(): void {
    const k = kind.value as OrderKind;
    const unit = unitName(ctx, id);
    if (k === 'idle') hud.act({ type: 'unit/order', unit: id, task: { kind: 'idle' } }, t('hud.order.doneIdle', { unit }));
    else if (k === 'patrol') {
      hud.act({ type: 'unit/order', unit: id, task: { kind: 'patrol', road: target.value as RoadId } }, t('hud.order.donePatrol', { unit, road: roadName(ctx, target.value) }));
    } else hud.act({ type: 'unit/order', unit: id, task: { kind: 'garrison', town: target.value as TownId } }, t('hud.order.doneGarrison', { unit, town: townName(ctx, target.value) }));
  }

  let shown: { unit: Immutable<Unit> | undefined; hour: number; towns: unknown } | null = null;
  function update(state: Immutable<GameState>): void {
    const unit = state.units.find((u) => u.id === id);
    if (shown && shown.unit === unit && shown.hour === state.hour && shown.towns === state.towns) return;
    if (unit) {
      setText(strength, t('hud.unit.strength', { n: unit.strength }));
      setText(task, taskText(ctx, unit, state));
      // A garrison says how its town stands: "in place" in a fallen town is not the whole story.
      const post = unit.task.kind === 'garrison' ? unit.task.town : null;
      const held = post === null ? null : townStatus(ctx, state, post);
      const readiness = readinessText(ctx, state, unit);
      setText(ready, post !== null && held ? `${readiness} ${townName(ctx, post)}: ${townStatusText(ctx, held).line}` : readiness);
      const escorting = unit.task.kind === 'escort';
      orders.hidden = escorting || state.status !== 'playing';
      busy.hidden = !escorting;
      setText(busy, escorting ? t('hud.unit.escortBusy') : '');
      if (!shown || shown.unit?.task !== unit.task) {
        // Show the current task as the default order.
        if (unit.task.kind !== 'escort' && document.activeElement !== kind && document.activeElement !== target) {
          kind.value = unit.task.kind;
          renderTarget(state);
          if (unit.task.kind === 'patrol') target.value = unit.task.road;
          if (unit.task.kind === 'garrison') target.value = unit.task.town;
        }
      } else if (shown.towns !== state.towns) renderTarget(state);
    }
    shown = { unit, hour: state.hour, towns: state.towns };
  }

  return {
    el,
    update,
    preset(k, value) {
      kind.value = k;
      renderTarget(session.state);
      if (value !== undefined) target.value = value;
    },
  };
}

export function createForcesPanel(hud: Hud): Part {
  const { ctx } = hud;
  const cards = new Map<string, Part>();
  const unitList = h('div', { class: 'card-list' });
  const townList = h('ul', { class: 'town-list' });
  const el = h(
    'div',
    { class: 'panel-body forces' },
    h('h2', { class: 'panel-title' }, t('hud.tab.forces')),
    h('p', { class: 'hint' }, t('hud.forces.hint')),
    h('section', { 'aria-labelledby': 'forces-units-h' }, h('h3', { id: 'forces-units-h' }, t('hud.forces.units')), unitList),
    h('section', { 'aria-labelledby': 'forces-towns-h' }, h('h3', { id: 'forces-towns-h' }, t('hud.forces.towns')), townList),
    // Every place on the map is named here too, so nothing is told by the canvas alone.
    h(
      'section',
      { 'aria-labelledby': 'forces-places-h' },
      h('h3', { id: 'forces-places-h' }, t('hud.forces.places')),
      h(
        'ul',
        { class: 'town-list' },
        ...ctx.level.towns
          .flatMap((town) => (town.kind === 'rural' ? [] : [{ ...town, kind: town.kind }]))
          .map((town) =>
            h(
              'li',
              { class: 'town' },
              h('button', { type: 'button', class: 'linklike', onclick: () => hud.selection.set({ kind: 'town', id: town.id }) }, town.name),
              h('span', { class: 'town-state' }, t(`hud.place.${town.kind}`)),
            ),
          ),
      ),
    ),
  );

  let shown: unknown[] = [];
  function update(state: Immutable<GameState>): void {
    const key = [state.units, state.towns, state.hour];
    if (shown.length > 0 && key.every((k, i) => k === shown[i])) return;
    if (cards.size === 0) {
      for (const u of state.units) {
        const card = createUnitCard(hud, u.id);
        cards.set(u.id, card);
        unitList.append(card.el);
      }
    }
    for (const card of cards.values()) card.update(state);
    // Hour by hour too: units reach their towns, intel comes and goes.
    if (shown[0] !== state.units || shown[1] !== state.towns || shown[2] !== state.hour) {
      syncList(
        townList,
        state.towns,
        (town) => town.id,
        (town) =>
          h(
            'li',
            { class: 'town' },
            h('button', { type: 'button', class: 'linklike', onclick: () => hud.selection.set({ kind: 'town', id: town.id }) }, townName(ctx, town.id)),
            h('span', { class: 'town-state' }),
          ),
        (li, town) => {
          const status = townStatus(ctx, state, town.id);
          if (!status) return;
          li.dataset.status = status.kind;
          setText(li.querySelector('.town-state')!, townStatusText(ctx, status).line);
        },
      );
    }
    shown = key;
  }

  return { el, update };
}
