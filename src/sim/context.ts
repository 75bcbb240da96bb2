/**
 * What the rules need to know about a level, indexed once: lookups by id, the road graph
 * and candidate routes from each entry point to the depot. Derived from the level only,
 * never stored in the game state.
 */
import type { Level } from '../levels/schema';
import { hashValue } from './hash';
import type { CorridorId, EntryId, RoadId, TownId } from './state';

export type TownDef = Level['towns'][number] & { id: TownId };
export type RoadDef = Level['roads'][number] & { id: RoadId; from: TownId; to: TownId; corridor: CorridorId };
export type EntryDef = Level['entryPoints'][number] & { id: EntryId; town: TownId; corridor: CorridorId };

export interface LevelContext {
  level: Level;
  /** Hash of the level's content: a result file names the exact level it was played on. */
  levelHash: string;
  towns: Map<string, TownDef>;
  roads: Map<string, RoadDef>;
  entries: Map<string, EntryDef>;
  /** Roads touching each town, in level order. */
  roadsAt: Map<string, RoadDef[]>;
  depot: TownId;
  /** Candidate routes (road ids) from each entry point to the depot, shortest first. */
  routes: Map<string, RoadId[][]>;
  totalDemandL: number;
}

/** The town at the other end of `road` from `town`. */
export function otherEnd(road: RoadDef, town: string): TownId {
  return road.from === town ? road.to : road.from;
}

const MAX_ROUTES = 4;
/** Routes longer than this many times the shortest are not worth offering. */
const ROUTE_STRETCH = 1.7;

function candidateRoutes(ctx: Pick<LevelContext, 'roadsAt' | 'depot'>, start: TownId): RoadId[][] {
  const found: { roads: RoadId[]; km: number }[] = [];
  const visited = new Set<string>([start]);
  const roads: RoadDef[] = [];
  // Depth-first enumeration of simple paths; levels have tens of roads, so this stays small.
  const walk = (town: string, km: number): void => {
    if (found.length > 200) return;
    if (town === ctx.depot) {
      found.push({ roads: roads.map((r) => r.id), km });
      return;
    }
    for (const road of ctx.roadsAt.get(town) ?? []) {
      const next = otherEnd(road, town);
      if (visited.has(next)) continue;
      visited.add(next);
      roads.push(road);
      walk(next, km + road.km);
      roads.pop();
      visited.delete(next);
    }
  };
  walk(start, 0);
  found.sort((a, b) => a.km - b.km || a.roads.length - b.roads.length);
  const shortest = found[0]?.km ?? 0;
  return found.filter((r) => r.km <= shortest * ROUTE_STRETCH).slice(0, MAX_ROUTES).map((r) => r.roads);
}

/**
 * Index a level. `days` shortens (or lengthens) the campaign for headless runs; the level
 * hash stays that of the file as written.
 */
export function buildContext(source: Level, days?: number): LevelContext {
  const level = days === undefined ? source : { ...source, days };
  const towns = new Map(level.towns.map((t) => [t.id, t as TownDef]));
  const roads = new Map(level.roads.map((r) => [r.id, r as RoadDef]));
  const entries = new Map(level.entryPoints.map((e) => [e.id, e as EntryDef]));
  const roadsAt = new Map<string, RoadDef[]>(level.towns.map((t) => [t.id, []]));
  for (const road of roads.values()) {
    roadsAt.get(road.from)?.push(road);
    roadsAt.get(road.to)?.push(road);
  }
  const depot = level.depot.town as TownId;
  const routes = new Map<string, RoadId[][]>();
  for (const entry of entries.values()) routes.set(entry.id, candidateRoutes({ roadsAt, depot }, entry.town));
  const totalDemandL = Object.values(level.sectors).reduce((sum, s) => sum + s.demandL, 0);
  return { level, levelHash: levelHash(source), towns, roads, entries, roadsAt, depot, routes, totalDemandL };
}

/**
 * What identifies a level for saves and results: everything that shapes play. The editor's
 * `$schema` and the designer's balance targets do not, so changing them keeps saves valid.
 */
export function levelHash(level: Level): string {
  return hashValue({ ...level, $schema: undefined, balanceTargets: undefined });
}

export function routeKm(ctx: LevelContext, route: readonly RoadId[]): number {
  return route.reduce((sum, id) => sum + (ctx.roads.get(id)?.km ?? 0), 0);
}

/**
 * The towns a route passes through from `start`, or null when the roads do not join up.
 */
export function routePath(ctx: LevelContext, start: TownId, route: readonly string[]): TownId[] | null {
  const path: TownId[] = [start];
  let at: TownId = start;
  for (const id of route) {
    const road = ctx.roads.get(id);
    if (!road || (road.from !== at && road.to !== at)) return null;
    at = otherEnd(road, at);
    if (path.includes(at)) return null;
    path.push(at);
  }
  return path;
}
