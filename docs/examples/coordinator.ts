/** The worked example of docs/coordinators.md (a test keeps the two the same and runs it). */
import type { Coordinator } from '../../src/ai/coordinator';
import { isEssential, sectorMap } from '../../src/sim/sectors';
import type { PlayerAction } from '../../src/sim/state';

export const coordinator: Coordinator = (view, level) => {
  if (view.hour % 24 !== 6) return [];
  const demand = (s: Parameters<typeof isEssential>[0]) => level.level.sectors[s].demandL;
  const cover = view.fuel.stockL / level.totalDemandL;
  const share = Math.min(1, Math.max(0.4, cover / 4));
  const actions: PlayerAction[] = [{ type: 'plan/set', plan: sectorMap((s) => Math.round(isEssential(s) ? demand(s) : demand(s) * share)) }];
  const free = view.units.filter((u) => u.task.kind === 'idle' && view.hour >= u.readyAt);
  for (const entry of view.entries) {
    const route = level.routes.get(entry.id)?.[0];
    if (!entry.open || entry.offered === 0 || !route) continue;
    const escort = free.shift();
    actions.push({ type: 'convoy/form', entry: entry.id, tankers: entry.offered, route, departAt: view.hour, escort: escort ? [escort.id] : [] });
  }
  return actions;
};
