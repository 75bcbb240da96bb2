/**
 * The city: services now, the daily allocation plan with a preview of what it does tonight,
 * prices and queues, and public trust with the reasons it moved.
 */
import type { Immutable } from 'immer';
import { formatCfa, formatLitres, formatNumber, t } from '../../app/i18n';
import { SECTORS, type Sector } from '../../levels/constants';
import { demandToday } from '../../sim/rules/fuel';
import { daysOfCover, policyActive } from '../../sim/selectors';
import type { GameState, SectorMap, TrustChange } from '../../sim/state';
import { h, setAttr, setText, syncList, uid } from '../dom';
import type { Hud, Part } from './hud';
import { daysText, planShares, presetShares, previewPlan, PRESETS, serviceBand, sharesToPlan, type PresetId } from './model';
import { sectorName } from './names';

const BAND_ICON = { good: '✓', strained: '!', failing: '✕' } as const;
const STEP = 1;

interface ServiceRow {
  value: HTMLElement;
  fill: HTMLElement;
  band: HTMLElement;
}

interface PlanRow {
  slider: HTMLInputElement;
  share: HTMLElement;
  demand: HTMLElement;
  effect: HTMLElement;
  note: HTMLElement;
}

function serviceMeter(sector: Sector | 'power-hours'): { row: HTMLElement; parts: ServiceRow } {
  const value = h('span', { class: 'svc-value' });
  const band = h('span', { class: 'svc-band' });
  const fill = h('span', { class: 'svc-fill' });
  const row = h(
    'li',
    { class: 'svc' },
    h('span', { class: 'svc-name' }, sector === 'power-hours' ? '' : sectorName(sector)),
    h('span', { class: 'svc-bar', 'aria-hidden': 'true' }, fill),
    value,
    band,
  );
  return { row, parts: { value, fill, band } };
}

export function createCityPanel(hud: Hud): Part {
  const { ctx, session } = hud;

  /* Services now */
  const serviceRows = new Map<Sector, ServiceRow>();
  const serviceList = h('ul', { class: 'svc-list', 'aria-label': t('hud.city.servicesNow') });
  for (const s of SECTORS) {
    const { row, parts } = serviceMeter(s);
    serviceRows.set(s, parts);
    serviceList.append(row);
  }
  const powerHours = h('p', { class: 'hud-line' });

  /* The plan */
  let shares: SectorMap = planShares(ctx, session.state, session.state.plan);
  let dirty = false;
  const planRows = new Map<Sector, PlanRow>();
  const planList = h('div', { class: 'plan-rows' });
  for (const s of SECTORS) {
    const id = uid('plan');
    const slider = h('input', { id, type: 'range', min: 0, max: 100, step: STEP, class: 'plan-slider' });
    slider.addEventListener('input', () => {
      shares = { ...shares, [s]: Number(slider.value) };
      dirty = true;
      renderPlan(session.state);
    });
    const share = h('span', { class: 'plan-share' });
    const demand = h('span', { class: 'plan-demand' });
    const effect = h('span', { class: 'plan-effect' });
    const note = h('span', { class: 'plan-note' });
    planRows.set(s, { slider, share, demand, effect, note });
    planList.append(
      h(
        'div',
        { class: 'plan-row' },
        h('div', { class: 'plan-head' }, h('label', { for: id, class: 'plan-name' }, sectorName(s)), share),
        slider,
        h('div', { class: 'plan-foot' }, demand, effect, note),
      ),
    );
  }
  const presetButtons = PRESETS.map((p) =>
    h('button', { type: 'button', class: 'preset', title: t(`hud.plan.presetHint.${p}`), onclick: () => applyPreset(p) }, t(`hud.plan.preset.${p}`)),
  );
  const totals = h('p', { class: 'plan-total' });
  const release = h('p', { class: 'plan-release' });
  const lasts = h('p', { class: 'plan-lasts' });
  const power = h('p', { class: 'plan-power' });
  const shortage = h('p', { class: 'plan-short warning', hidden: true });
  const planState = h('p', { class: 'plan-state', role: 'status' });
  const commit = h('button', { type: 'button', class: 'primary', 'data-tut': 'plan-commit', onclick: () => commitPlan() }, t('hud.plan.commit'));
  const reset = h('button', { type: 'button', onclick: () => resetPlan() }, t('hud.plan.reset'));

  /* Prices and trust */
  const pump = h('dd');
  const black = h('dd');
  const queue = h('dd');
  const food = h('dd');
  const trustValue = h('p', { class: 'trust-value' });
  const why = h('ul', { class: 'trust-why' });

  const el = h(
    'div',
    { class: 'panel-body city' },
    h('h2', { class: 'panel-title' }, t('hud.tab.city')),
    h('section', { 'aria-labelledby': 'city-services-h' }, h('h3', { id: 'city-services-h' }, t('hud.city.servicesNow')), serviceList, powerHours),
    h(
      'section',
      { 'aria-labelledby': 'city-plan-h', class: 'plan', 'data-tut': 'plan' },
      h('h3', { id: 'city-plan-h' }, t('hud.plan.title')),
      h('p', { class: 'hint' }, t('hud.plan.hint')),
      h('div', { class: 'presets', role: 'group', 'aria-label': t('hud.plan.presets') }, ...presetButtons),
      planList,
      h('div', { class: 'plan-preview', 'aria-live': 'off' }, h('h4', null, t('hud.plan.preview')), totals, release, lasts, power, shortage),
      h('div', { class: 'actions' }, commit, reset),
      planState,
    ),
    h(
      'section',
      { 'aria-labelledby': 'city-prices-h' },
      h('h3', { id: 'city-prices-h' }, t('hud.city.prices')),
      h(
        'dl',
        { class: 'facts' },
        h('dt', null, t('hud.city.pump')),
        pump,
        h('dt', null, t('hud.city.black')),
        black,
        h('dt', null, t('hud.city.queue')),
        queue,
        h('dt', null, t('hud.city.food')),
        food,
      ),
    ),
    h('section', { 'aria-labelledby': 'city-trust-h' }, h('h3', { id: 'city-trust-h' }, t('hud.city.trust')), trustValue, h('h4', null, t('hud.city.why')), why),
  );

  function applyPreset(p: PresetId): void {
    shares = presetShares(p);
    dirty = true;
    renderPlan(session.state);
  }

  function resetPlan(): void {
    shares = planShares(ctx, session.state, session.state.plan);
    dirty = false;
    renderPlan(session.state);
  }

  function commitPlan(): void {
    const plan = sharesToPlan(ctx, session.state, shares);
    if (hud.act({ type: 'plan/set', plan }, t('hud.plan.committed'))) {
      dirty = false;
      renderPlan(session.state);
    }
  }

  let planKey: unknown[] = [];
  function renderPlan(state: Immutable<GameState>): void {
    const plan = sharesToPlan(ctx, state, shares);
    const preview = previewPlan(ctx, state, plan);
    const demand = demandToday(ctx, state);
    for (const p of preview.sectors) {
      const row = planRows.get(p.sector);
      if (!row) continue;
      const closed = demand[p.sector] === 0;
      if (row.slider.value !== String(shares[p.sector])) row.slider.value = String(shares[p.sector]);
      row.slider.disabled = closed;
      const shareText = t('hud.plan.share', { pct: shares[p.sector], litres: formatLitres(plan[p.sector]) });
      setText(row.share, shareText);
      setAttr(row.slider, 'aria-valuetext', shareText);
      setText(row.demand, t('hud.plan.demand', { litres: formatLitres(p.demand) }));
      const change = p.next - p.now;
      const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '=';
      setText(row.effect, t('hud.plan.effect', { now: p.now, next: p.next, arrow }));
      row.effect.dataset.band = serviceBand(p.next);
      setText(row.note, closed ? t('hud.plan.closed') : p.supplyPct < 60 ? t('hud.plan.steep') : '');
    }
    setText(totals, t('hud.plan.total', { planned: formatLitres(Math.min(preview.totalPlanned, preview.totalDemand)), needed: formatLitres(preview.totalDemand) }));
    setText(release, t('hud.plan.release', { given: formatLitres(preview.totalGiven), after: formatLitres(preview.stockAfter) }));
    setText(lasts, t('hud.plan.lasts', { plan: daysText(preview.daysAtPlan), full: daysText(daysOfCover(ctx, state)) }));
    setText(power, t('hud.plan.power', { now: preview.powerHoursNow, next: preview.powerHoursNext }));
    shortage.hidden = !preview.short;
    setText(shortage, preview.short ? t('hud.plan.shortage') : '');
    setText(planState, dirty ? t('hud.plan.unsaved') : t('hud.plan.inForce'));
    planState.dataset.dirty = dirty ? 'true' : 'false';
    reset.disabled = !dirty;
  }

  let shown: { services: unknown; city: unknown; why: unknown; plan: unknown; fuel: unknown; policies: unknown } | null = null;

  function update(state: Immutable<GameState>): void {
    if (shown && shown.services === state.services && shown.city === state.city && shown.why === state.trustWhy && shown.plan === state.plan && shown.fuel === state.fuel && shown.policies === state.policies) return;
    if (!shown || shown.services !== state.services) {
      for (const s of SECTORS) {
        const row = serviceRows.get(s);
        if (!row) continue;
        const level = state.services[s];
        const band = serviceBand(level);
        setText(row.value, `${formatNumber(level)} %`);
        setText(row.band, `${BAND_ICON[band]} ${t(`hud.band.${band}`)}`);
        row.band.dataset.band = band;
        row.fill.dataset.band = band;
        row.fill.style.width = `${level}%`;
      }
    }
    if (!shown || shown.city !== state.city) {
      setText(powerHours, t('hud.city.powerHours', { n: state.city.powerHours }));
      setText(pump, t('hud.city.perLitre', { price: formatCfa(state.city.pumpPrice) }) + (policyActive(state, 'priceControls') ? ` — ${t('hud.city.controlled')}` : ''));
      setText(black, t('hud.city.perLitre', { price: formatCfa(state.city.blackPrice) }));
      setText(queue, t('hud.city.queueHours', { n: state.city.queueHours }));
      setText(food, t('hud.city.foodIndex', { n: state.city.foodIndex }));
      setText(trustValue, t('hud.city.trustValue', { n: state.city.trust }));
    }
    if (!shown || shown.why !== state.trustWhy) {
      const items = [...state.trustWhy].sort((a, b) => a.delta - b.delta);
      const fill = (li: HTMLElement, c: TrustChange | null): HTMLElement => {
        setText(li, c ? t('hud.city.whyItem', { cause: t(`hud.trust.${c.cause}`), delta: c.delta > 0 ? `+${c.delta}` : String(c.delta) }) : t('hud.city.whyNone'));
        li.dataset.sign = c ? (c.delta > 0 ? 'up' : 'down') : '';
        return li;
      };
      syncList<TrustChange | null>(why, items.length === 0 ? [null] : items, (c) => (c ? c.cause : 'none'), (c) => fill(h('li'), c), fill);
    }
    // The plan follows the state until the player edits it; the preview follows the state always.
    if (!dirty && (!shown || shown.plan !== state.plan || shown.policies !== state.policies)) shares = planShares(ctx, state, state.plan);
    const key = [state.plan, state.fuel, state.services, state.policies, state.city];
    if (planKey.some((k, i) => k !== key[i]) || planKey.length === 0) renderPlan(state);
    planKey = key;
    shown = { services: state.services, city: state.city, why: state.trustWhy, plan: state.plan, fuel: state.fuel, policies: state.policies };
  }

  return { el, update };
}
