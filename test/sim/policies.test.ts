import type { Immutable } from 'immer';
import { describe, expect, it } from 'vitest';
import { POLICIES, type PolicyId } from '../../src/levels/schema';
import { CELL_REGEN_DAYS, HOURS_PER_DAY, POLICY_RULES, RECRUITS_UNDER_BAN } from '../../src/sim/balance';
import { reduce } from '../../src/sim/reducer';
import { regenerateCells } from '../../src/sim/rules/blockade';
import type { Action, GameState } from '../../src/sim/state';
import { GUINEA_ROUTE, STOCKED, entryOf, fixture, id, makeCtx, policyOf, run, start, tickUntil, toHour, unitOf, withoutError, mutableCopy } from './fixture';

const quiet = makeCtx({ events: [] });
const enact = (policy: string): Action => ({ type: 'policy/enact', policy: policy as PolicyId });
const revoke = (policy: string): Action => ({ type: 'policy/revoke', policy: policy as PolicyId });
const activeNow = (p: PolicyId) => (s: Immutable<GameState>): boolean => policyOf(s, p).status === 'active';
/** The first midnight at or after `hour`, when a day begins. */
const morningAtOrAfter = (hour: number): number => Math.ceil(hour / HOURS_PER_DAY) * HOURS_PER_DAY;
const costliest = [...POLICIES].sort((a, b) => POLICY_RULES[b].costPerDayM - POLICY_RULES[a].costPerDayM)[0]!;

describe('enacting and revoking: refusals', () => {
  const noCurfew = makeCtx({ events: [], policies: POLICIES.filter((p) => p !== 'curfew') });
  const broke = makeCtx({ events: [], economy: { ...fixture().economy, budgetM: 0 } });
  it.each<[string, typeof quiet, (s: Immutable<GameState>) => Immutable<GameState>, Action, string]>([
    ['enacting a policy this level does not offer', noCurfew, (s) => s, enact('curfew'), 'unknown-policy'],
    ['enacting something that is not a policy', quiet, (s) => s, enact('martialLaw'), 'unknown-policy'],
    ['enacting a policy already decided', quiet, (s) => run(quiet, s, [enact('hazardPay')]), enact('hazardPay'), 'already-enacted'],
    ['enacting a policy already in force', quiet, (s) => tickUntil(quiet, run(quiet, s, [enact('curfew')]), activeNow('curfew')), enact('curfew'), 'already-enacted'],
    [`enacting ${costliest} with an empty budget`, broke, (s) => s, enact(costliest), 'no-budget'],
    ['revoking a policy that is not in force', quiet, (s) => s, revoke('hazardPay'), 'not-enacted'],
    ['revoking something that is not a policy', quiet, (s) => s, revoke('martialLaw'), 'unknown-policy'],
  ])('%s is refused and changes nothing', (_what, ctx, setup, action, code) => {
    const state = setup(start(1, 'normal', ctx).state);
    const next = reduce(ctx, state, action);
    expect(next.lastError).toMatchObject({ code, action: action.type });
    expect(withoutError(next)).toEqual({ ...state, lastError: null });
  });

  it('a pending policy can be revoked before it takes effect, and then never does', () => {
    let state = run(quiet, start(1, 'normal', quiet).state, [enact('hazardPay'), revoke('hazardPay')]);
    expect(policyOf(state, 'hazardPay').status).toBe('off');
    state = toHour(quiet, state, (POLICY_RULES.hazardPay.delayDays + 2) * HOURS_PER_DAY);
    expect(policyOf(state, 'hazardPay').status).toBe('off');
  });
});

describe('delays', () => {
  it.each(POLICIES.map((p) => [p, POLICY_RULES[p].delayDays] as const))(
    '%s is pending, then in force on the first morning at least %i day(s) after the decision',
    (policy, delayDays) => {
      for (const decidedAt of [0, 5]) {
        let state = run(quiet, toHour(quiet, start(1, 'normal', quiet).state, decidedAt), [enact(policy)]);
        expect(policyOf(state, policy)).toMatchObject({ status: 'pending', since: decidedAt });
        // A decision takes effect on a later morning, never the moment it is made.
        const due = morningAtOrAfter(Math.max(decidedAt + 1, decidedAt + delayDays * HOURS_PER_DAY));
        state = toHour(quiet, state, due - 1);
        expect(policyOf(state, policy).status).toBe('pending');
        state = toHour(quiet, state, due);
        expect(policyOf(state, policy)).toMatchObject({ status: 'active', since: due });
        expect(state.news.some((n) => n.kind === 'policy' && n.facts.policy === policy && n.facts.status === 'active')).toBe(true);
      }
    },
  );
});

describe('costs', () => {
  it.each(POLICIES.map((p) => [p, POLICY_RULES[p].costPerDayM] as const))('%s costs %i M CFA each morning it is in force', (policy, cost) => {
    const { state: first } = start(1, 'normal', quiet);
    let state = tickUntil(quiet, run(quiet, first, [enact(policy)]), activeNow(policy));
    // Nothing is paid while pending; the first payment is on the morning it takes effect.
    expect(state.city.budgetM).toBe(first.city.budgetM - cost);
    for (let day = 0; day < 3; day++) {
      const next = toHour(quiet, state, state.hour + HOURS_PER_DAY);
      expect(next.city.budgetM).toBe(state.city.budgetM - cost);
      state = next;
    }
  });

  it(`a policy the budget can no longer pay for switches off (${costliest})`, () => {
    const cost = POLICY_RULES[costliest].costPerDayM;
    const budgetM = 2 * cost + Math.floor(cost / 2);
    const ctx = makeCtx({ events: [], economy: { ...fixture().economy, budgetM } });
    let state = tickUntil(ctx, run(ctx, start(1, 'normal', ctx).state, [enact(costliest)]), activeNow(costliest));
    state = tickUntil(ctx, state, (s) => policyOf(s, costliest).status === 'off', 5 * HOURS_PER_DAY);
    expect(state.city.budgetM).toBe(budgetM - 2 * cost);
    expect(state.news.some((n) => n.kind === 'policy' && n.facts.policy === costliest && n.facts.status === 'unfunded')).toBe(true);
    const later = toHour(ctx, state, state.hour + 2 * HOURS_PER_DAY);
    expect(later.city.budgetM).toBe(state.city.budgetM);
  });
});

describe('what policies do', () => {
  it('an alternate corridor opens the entry points that need it, and revoking it closes them', () => {
    let state = start(1, 'normal', quiet).state;
    expect(entryOf(state, 'siguiri-gate')).toMatchObject({ open: false, offered: 0 });
    state = tickUntil(quiet, run(quiet, state, [enact('alternateCorridor')]), activeNow('alternateCorridor'));
    const gate = quiet.entries.get('siguiri-gate')!;
    expect(entryOf(state, 'siguiri-gate')).toMatchObject({ open: true, offered: Math.round((gate.tankersPerDay * gate.morale) / 100) });
    state = run(quiet, state, [{ type: 'convoy/form', entry: id.entry('siguiri-gate'), tankers: 1, route: GUINEA_ROUTE, departAt: state.hour, escort: [] }]);
    state = run(quiet, state, [revoke('alternateCorridor')]);
    expect(entryOf(state, 'siguiri-gate')).toMatchObject({ open: false, offered: 0 });
    const again = reduce(quiet, state, { type: 'convoy/form', entry: id.entry('siguiri-gate'), tankers: 1, route: GUINEA_ROUTE, departAt: state.hour, escort: [] });
    expect(again.lastError?.code).toBe('entry-closed');
    // The next morning it stays closed.
    expect(entryOf(toHour(quiet, state, state.hour + HOURS_PER_DAY), 'siguiri-gate')).toMatchObject({ open: false, offered: 0 });
  });

  it('banning rural fuel sales weakens the cells on the day it takes effect', () => {
    const { state: first } = start(1, 'normal', quiet);
    const banned = tickUntil(quiet, run(quiet, first, [enact('banRuralSales')]), activeNow('banRuralSales'));
    const allowed = toHour(quiet, first, banned.hour);
    banned.cells.forEach((cell, i) => expect(cell.strength).toBe(Math.max(1, allowed.cells[i]!.strength - 1)));
    expect(banned.cells.some((cell, i) => cell.strength < allowed.cells[i]!.strength)).toBe(true);
  });

  it(`…then angry rural people join the group (RECRUITS_UNDER_BAN = ${RECRUITS_UNDER_BAN} a day): after 2 × CELL_REGEN_DAYS days its cells are stronger than without the ban`, () => {
    // A depot that lasts, so that neither game ends for want of fuel before the comparison.
    const ctx = makeCtx({ events: [], ...STOCKED });
    const total = (s: Immutable<GameState>): number => s.cells.reduce((sum, c) => sum + c.strength, 0);
    const { state: first } = start(1, 'normal', ctx);
    let banned = tickUntil(ctx, run(ctx, first, [enact('banRuralSales')]), activeNow('banRuralSales'));
    let allowed = toHour(ctx, first, banned.hour);
    // The ban's first blow: weaker than without it on the day it takes effect.
    expect(total(banned)).toBeLessThan(total(allowed));
    expect(banned.group.atBan).toEqual({ cells: allowed.cells.length, strength: total(allowed) });
    banned = toHour(ctx, banned, banned.hour + 2 * CELL_REGEN_DAYS * HOURS_PER_DAY);
    allowed = toHour(ctx, allowed, banned.hour);
    expect(banned.cells.length + total(banned)).toBeGreaterThan(allowed.cells.length + total(allowed));
    // Without the ban (and no town taken), the group neither recruits nor grows.
    expect(allowed.group.recruits).toBe(0);
    expect(allowed.cells.map((c) => c.strength)).toEqual(first.cells.map((c) => c.strength));
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 10])('a weakened cell regains one point every CELL_REGEN_DAYS days: %i over as many periods', (periods) => {
    const s = mutableCopy(start(1, 'normal', quiet).state);
    for (const cell of s.cells) cell.strength = 1;
    let gains = 0;
    for (let day = 1; day <= periods * CELL_REGEN_DAYS; day++) {
      const before = s.cells[0]!.strength;
      regenerateCells(quiet, s, day);
      if (s.cells[0]!.strength > before) gains += 1;
      s.cells[0]!.strength = 1;
    }
    expect(gains).toBe(periods);
  });

  it('regeneration stops at the strength the group started with (beyond it, only recruits make a cell stronger)', () => {
    const usual = quiet.level.blockade.strength;
    const s = mutableCopy(start(1, 'normal', quiet).state);
    s.cells[0]!.strength = usual - 1;
    s.cells[1]!.strength = usual;
    for (let day = 1; day <= 4 * CELL_REGEN_DAYS; day++) regenerateCells(quiet, s, day);
    expect(s.cells.map((c) => c.strength)).toEqual([usual, usual]);
  });

  it('hazard pay raises driver morale day by day, and the tankers offered each morning with it', () => {
    const { state: first } = start(1, 'normal', quiet);
    let paid = tickUntil(quiet, run(quiet, first, [enact('hazardPay')]), activeNow('hazardPay'));
    let unpaid = toHour(quiet, first, paid.hour);
    const usual = quiet.entries.get('kayes-gate')!.morale;
    /** The same game with every waiting tanker sent: the next morning shows that morning's offer alone. */
    const emptied = (s: Immutable<GameState>): Immutable<GameState> => {
      const c = mutableCopy(s);
      for (const e of c.entries) e.offered = 0;
      return c;
    };
    for (let day = 0; day < 5; day++) {
      const p = toHour(quiet, emptied(paid), paid.hour + HOURS_PER_DAY);
      unpaid = toHour(quiet, emptied(unpaid), p.hour);
      expect(entryOf(p, 'kayes-gate').morale).toBeGreaterThanOrEqual(entryOf(paid, 'kayes-gate').morale);
      expect(entryOf(unpaid, 'kayes-gate').morale).toBe(usual);
      paid = p;
    }
    expect(entryOf(paid, 'kayes-gate').morale).toBeGreaterThan(usual);
    expect(entryOf(paid, 'kayes-gate').offered).toBeGreaterThan(entryOf(unpaid, 'kayes-gate').offered);
  });

  it('allied help makes every unit stronger while it lasts', () => {
    const { state: first } = start(1, 'normal', quiet);
    let state = tickUntil(quiet, run(quiet, first, [enact('alliedHelp')]), activeNow('alliedHelp'), 10 * HOURS_PER_DAY);
    for (const u of first.units) expect(unitOf(state, u.id).strength).toBe(Math.min(10, u.strength + 1));
    state = run(quiet, state, [revoke('alliedHelp')]);
    for (const u of first.units) expect(unitOf(state, u.id).strength).toBe(u.strength);
  });
});
