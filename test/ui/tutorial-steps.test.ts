import { describe, expect, it } from 'vitest';
import { GameSession } from '../../src/app/session';
import { HOURS_PER_DAY } from '../../src/sim/balance';
import type { EntryId, UnitId } from '../../src/sim/state';
import type { TabId } from '../../src/ui/hud/hud';
import { presetShares, sharesToPlan } from '../../src/ui/hud/model';
import { currentStep, STEPS, type StepId } from '../../src/ui/tutorial/steps';
import { shippedContext } from '../helpers';

const ctx = shippedContext('tutorial');

describe('the tutorial waits for the player to do each thing', () => {
  const tabsSeen = new Set<TabId>();
  const acknowledged = new Set<StepId>();
  const progress = { tabsSeen, acknowledged };
  const session = GameSession.start(ctx, 1, 'normal');
  const step = (): StepId | 'done' => STEPS[currentStep(ctx, session.state, session.log, progress)]?.id ?? 'done';

  it('1: reading the fuel stock ends with Next', () => {
    expect(step()).toBe('fuel');
    acknowledged.add('fuel');
    expect(step()).toBe('plan');
  });

  it('2: a plan at full supply is not rationing; a rationed plan is', () => {
    session.dispatch({ type: 'plan/set', plan: sharesToPlan(ctx, session.state, presetShares('full')) });
    expect(step()).toBe('plan');
    session.dispatch({ type: 'plan/set', plan: sharesToPlan(ctx, session.state, presetShares('ration')) });
    expect(step()).toBe('convoy');
  });

  it('3: a convoy without escort does not count; one with an escort does', () => {
    const route = ctx.routes.get('zegoua')![0]!;
    session.dispatch({ type: 'convoy/form', entry: 'zegoua' as EntryId, tankers: 2, route, departAt: session.state.hour, escort: [] });
    expect(step()).toBe('convoy');
    expect(session.dispatch({ type: 'convoy/form', entry: 'zegoua' as EntryId, tankers: 10, route, departAt: session.state.hour, escort: ['escort-1' as UnitId] })).toBeNull();
    expect(step()).toBe('arrive');
  });

  it('4: waits until a convoy has unloaded at the depot', () => {
    session.advanceHours(2);
    expect(step()).toBe('arrive');
    session.advanceHours(2 * HOURS_PER_DAY);
    expect(session.state.metrics.tankersDelivered).toBeGreaterThan(0);
    expect(step()).toBe('policy');
  });

  it('5: a policy decided (even before it takes effect)', () => {
    session.dispatch({ type: 'policy/enact', policy: 'commsCampaign' });
    expect(step()).toBe('news');
  });

  it('6: the News panel must be opened, then Next', () => {
    acknowledged.add('news');
    expect(step()).toBe('news');
    tabsSeen.add('news');
    expect(step()).toBe('finish');
  });

  it('7: ends with the level', () => {
    session.advanceHours(ctx.level.days * HOURS_PER_DAY);
    expect(session.over).toBe(true);
    expect(step()).toBe('done');
  });
});
