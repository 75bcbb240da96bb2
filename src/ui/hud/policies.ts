/** Policies: each with its 2025 grounding and trade-off, its delay and cost, its status. */
import type { Immutable } from 'immer';
import { formatDate, formatNumber, t, tn } from '../../app/i18n';
import type { PolicyId } from '../../levels/schema';
import { AIRLIFT_L_PER_DAY, HOURS_PER_DAY, POLICY_RULES } from '../../sim/balance';
import type { GameState, PolicyState } from '../../sim/state';
import { policyDueHour } from '../../sim/rules/policies';
import { h, setText } from '../dom';
import type { Hud, Part } from './hud';
import { policyName } from './names';

/**
 * When a policy decided at hour `since` comes into force: at the first midnight, after the
 * decision, at which its delay has run (the rules bring pending policies into force when a day
 * begins: src/sim/rules/policies.ts, runPolicies). Decided during day 1 with a day's delay, it is in
 * force from day 3 at 00:00. A test holds this to the rules.
 */
export function effectiveHour(id: PolicyId, since: number): number {
  // A policy decided at midnight missed that morning's turn: the next one is a day later.
  const due = Math.max(policyDueHour(id, since), since + 1);
  return Math.ceil(due / HOURS_PER_DAY) * HOURS_PER_DAY;
}

export function policyStatusText(hud: Hud, p: Immutable<PolicyState>): string {
  const start = hud.ctx.level.startDate;
  if (p.status === 'pending') return t('hud.policies.pending', { time: formatDate(start, effectiveHour(p.id, p.since), true) });
  if (p.status === 'active') return t('hud.policies.active', { time: formatDate(start, p.since, true) });
  return t('hud.policies.off');
}

function createPolicyCard(hud: Hud, id: PolicyId): Part {
  const rule = POLICY_RULES[id];
  const status = h('span', { class: 'badge' });
  const button = h('button', { type: 'button', onclick: () => toggle() });
  const delay = h('span', { class: 'policy-delay' });
  const el = h(
    'article',
    { class: 'card policy-card', 'data-policy': id },
    h('div', { class: 'card-head' }, h('h3', { class: 'card-title' }, policyName(id)), status),
    h('p', { class: 'policy-text' }, t(`hud.policyText.${id}`, { litres: formatNumber(AIRLIFT_L_PER_DAY) })),
    h(
      'p',
      { class: 'card-line muted' },
      delay,
      h('span', { class: 'policy-cost' }, rule.costPerDayM === 0 ? t('hud.policies.free') : t('hud.policies.cost', { n: formatNumber(rule.costPerDayM) })),
    ),
    h('div', { class: 'actions' }, button),
  );

  function toggle(): void {
    const p = hud.session.state.policies.find((x) => x.id === id);
    if (!p) return;
    if (p.status === 'off') hud.act({ type: 'policy/enact', policy: id }, t('hud.policies.enacted', { policy: policyName(id) }));
    else hud.act({ type: 'policy/revoke', policy: id }, t('hud.policies.revoked', { policy: policyName(id) }));
  }

  let shown: Immutable<PolicyState> | undefined;
  let shownHour = -1;
  function update(state: Immutable<GameState>): void {
    const p = state.policies.find((x) => x.id === id);
    if (!p) return;
    // Not decided yet: when it would come into force if decided now, which moves with the clock.
    if (p.status === 'off' && state.hour !== shownHour) {
      shownHour = state.hour;
      const time = formatDate(hud.ctx.level.startDate, effectiveHour(id, state.hour), true);
      setText(delay, rule.delayDays === 0 ? t('hud.policies.delayNone', { time }) : tn('hud.policies.delay', rule.delayDays, { time }));
    }
    if (p === shown) return;
    shown = p;
    delay.hidden = p.status !== 'off';
    setText(status, policyStatusText(hud, p));
    status.dataset.status = p.status;
    setText(button, p.status === 'off' ? t('hud.policies.enact') : p.status === 'pending' ? t('hud.policies.cancel') : t('hud.policies.revoke'));
    button.className = p.status === 'off' ? 'primary' : '';
    button.setAttribute('aria-label', `${button.textContent ?? ''}: ${policyName(id)}`);
    el.dataset.status = p.status;
  }

  return { el, update };
}

export function createPoliciesPanel(hud: Hud): Part {
  const budget = h('p', { class: 'policies-budget' });
  const cards = hud.ctx.level.policies.map((id) => createPolicyCard(hud, id));
  const el = h(
    'div',
    { class: 'panel-body policies', 'data-tut': 'policies' },
    h('h2', { class: 'panel-title' }, t('hud.tab.policies')),
    h('p', { class: 'hint' }, t('hud.policies.hint')),
    budget,
    h('div', { class: 'card-list' }, ...cards.map((c) => c.el)),
  );
  let shown: unknown[] = [];
  return {
    el,
    update(state) {
      if (shown[0] !== state.city.budgetM || shown[1] !== state.policies) {
        shown = [state.city.budgetM, state.policies];
        const daily = state.policies.filter((p) => p.status === 'active').reduce((sum, p) => sum + POLICY_RULES[p.id].costPerDayM, 0);
        setText(budget, t('hud.policies.budget', { n: formatNumber(state.city.budgetM), daily: formatNumber(daily) }));
      }
      for (const c of cards) c.update(state);
    },
  };
}
