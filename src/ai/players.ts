/**
 * The shipped coordinators (see coordinator.ts): `idle` does nothing, `baseline` is a
 * sensible coordinator of the kind 2025 had (baseline.ts), `expert` plans ahead
 * (expert.ts), `random` throws legal and illegal commands at the rules, and the exploit
 * players try the obvious easy ways out (exploits.ts). All of them see only what a player
 * sees.
 */
import { POLICIES, SECTORS } from '../levels/constants';
import { derivedRng } from '../sim/rng';
import { sectorMap } from '../sim/sectors';
import type { ConvoyId, EntryId, PlayerAction, RoadId, TownId, UnitId } from '../sim/state';
import { baseline } from './baseline';

export { baseline };
import type { Coordinator } from './coordinator';
import { expert } from './expert';
import { EXPLOITS, type ExploitName } from './exploits';

export const idle: Coordinator = () => [];

/** Random commands, legal and not, for property tests and fuzzing the rules. */
export const random: Coordinator = (view, ctx) => {
  const rng = derivedRng(view.seed, view.hour, 7);
  if (rng.int(0, 3) !== 0) return [];
  const unitIds = ctx.level.units.map((u) => u.id as UnitId);
  const roads = ctx.level.roads.map((r) => r.id as RoadId);
  const entries = ctx.level.entryPoints.map((e) => e.id as EntryId);
  const convoy = rng.int(0, Math.max(1, view.convoysFormed + 20)) as ConvoyId;
  const actions: PlayerAction[] = [];
  switch (rng.int(0, 9)) {
    case 0:
      actions.push({ type: 'plan/set', plan: sectorMap(() => rng.int(0, 600_000)) });
      break;
    case 1:
    case 2: {
      const entry = rng.pick(entries);
      const routes = ctx.routes.get(entry) ?? [];
      const route = routes.length > 0 && rng.int(0, 3) > 0 ? rng.pick(routes) : [rng.pick(roads)];
      actions.push({
        type: 'convoy/form',
        entry,
        tankers: rng.int(0, 40),
        route,
        departAt: view.hour + rng.int(-2, 30),
        escort: rng.int(0, 2) === 0 ? [] : [rng.pick(unitIds)],
      });
      break;
    }
    case 3:
      actions.push({ type: rng.pick(['convoy/halt', 'convoy/resume', 'convoy/turnBack'] as const), convoy });
      break;
    case 4:
      actions.push({ type: 'convoy/reroute', convoy, route: [rng.pick(roads), rng.pick(roads)] });
      break;
    case 5: {
      const kind = rng.int(0, 2);
      const task =
        kind === 0
          ? { kind: 'idle' as const }
          : kind === 1
            ? { kind: 'patrol' as const, road: rng.pick(roads) }
            : { kind: 'garrison' as const, town: rng.pick(ctx.level.towns).id as TownId };
      actions.push({ type: 'unit/order', unit: rng.pick(unitIds), task });
      break;
    }
    case 6:
    case 7:
      actions.push({ type: rng.int(0, 2) === 0 ? 'policy/revoke' : 'policy/enact', policy: rng.pick(POLICIES) });
      break;
    default:
      actions.push({ type: 'plan/set', plan: sectorMap((s) => (SECTORS.indexOf(s) % 2 === 0 ? ctx.level.sectors[s].demandL : rng.int(0, 100_000))) });
  }
  return actions;
};

export const PLAYER_POLICIES = ['idle', 'baseline', 'expert', 'random', ...(Object.keys(EXPLOITS) as ExploitName[])] as const;
export type PlayerPolicyName = (typeof PLAYER_POLICIES)[number];

export const PLAYERS: Record<PlayerPolicyName, Coordinator> = { idle, baseline, expert, random, ...EXPLOITS };
