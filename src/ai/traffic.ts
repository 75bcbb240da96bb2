/**
 * Where convoys usually run, as anyone in the region knows it: each open crossing sends
 * about one convoy a day with its usual offer, most often by its shortest route. This is
 * the armed group's guess before its informants have seen anything.
 */
import type { LevelContext } from '../sim/context';
import type { BlockadeView } from './observe';

export interface Traffic {
  convoysPerDay: number;
  /** Tankers in a typical convoy on the road. */
  tankers: number;
  /** Escort strength it expects on a typical convoy. */
  escort: number;
}

/** An escort the group expects on a convoy it has never seen: half of them with one unit. */
const USUAL_ESCORT = 1.5;
const SHORTEST_SHARE = 0.6;

const cache = new WeakMap<LevelContext, Map<string, Map<string, Traffic>>>();

const NONE: Traffic = { convoysPerDay: 0, tankers: 0, escort: USUAL_ESCORT };

/** The usual traffic on every road, given which crossings are open (worked out once per set of open crossings). */
export function usualTrafficByRoad(ctx: LevelContext, view: Pick<BlockadeView, 'borders'>): (road: string) => Traffic {
  const open = view.borders.filter((b) => b.open).map((b) => b.entry);
  const key = open.join(',');
  let byOpen = cache.get(ctx);
  if (!byOpen) cache.set(ctx, (byOpen = new Map()));
  let roads = byOpen.get(key);
  if (!roads) byOpen.set(key, (roads = trafficByRoad(ctx, open)));
  const found = roads;
  return (road) => found.get(road) ?? NONE;
}

function trafficByRoad(ctx: LevelContext, open: readonly string[]): Map<string, Traffic> {
  const perDay = new Map<string, number>();
  const tankers = new Map<string, number>();
  for (const entry of open) {
    const routes = ctx.routes.get(entry) ?? [];
    const perTanker = ctx.entries.get(entry)?.tankersPerDay ?? 0;
    routes.forEach((route, i) => {
      const share = routes.length === 1 ? 1 : i === 0 ? SHORTEST_SHARE : (1 - SHORTEST_SHARE) / (routes.length - 1);
      for (const road of route) {
        perDay.set(road, (perDay.get(road) ?? 0) + share);
        tankers.set(road, (tankers.get(road) ?? 0) + share * perTanker);
      }
    });
  }
  const out = new Map<string, Traffic>();
  for (const [road, n] of perDay) out.set(road, { convoysPerDay: n, tankers: (tankers.get(road) ?? 0) / n, escort: USUAL_ESCORT });
  return out;
}
