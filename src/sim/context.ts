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
  /**
   * Where an armed cell can go from each town in one move, by road or bush track, with the
   * distance: every town but the capital, which the group never enters (it besieges it).
   */
  cellLinks: Map<string, { to: TownId; km: number }[]>;
  depot: TownId;
  /** Kilometres by road from each town to the depot (towns cut off from it are missing). */
  depotKm: Map<string, number>;
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

/** Shortest road distances to `target` (Dijkstra over tens of towns: a plain scan is enough). */
function distancesTo(target: string, roadsAt: Map<string, RoadDef[]>): Map<string, number> {
  const dist = new Map<string, number>([[target, 0]]);
  const done = new Set<string>();
  for (;;) {
    let town: string | undefined;
    for (const [t, d] of dist) if (!done.has(t) && (town === undefined || d < dist.get(town)!)) town = t;
    if (town === undefined) return dist;
    done.add(town);
    for (const road of roadsAt.get(town) ?? []) {
      const next = otherEnd(road, town);
      const d = dist.get(town)! + road.km;
      if (d < (dist.get(next) ?? Infinity)) dist.set(next, d);
    }
  }
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
  const capital = new Set(level.towns.filter((t) => t.kind === 'capital').map((t) => t.id));
  const cellLinks = new Map<string, { to: TownId; km: number }[]>(level.towns.map((t) => [t.id, []]));
  const link = (a: string, b: string, km: number): void => {
    if (capital.has(a) || capital.has(b)) return;
    const from = cellLinks.get(a);
    if (from && !from.some((l) => l.to === b)) from.push({ to: b as TownId, km });
  };
  for (const road of roads.values()) {
    link(road.from, road.to, road.km);
    link(road.to, road.from, road.km);
  }
  for (const track of level.blockade.tracks ?? []) {
    link(track.from, track.to, track.km);
    link(track.to, track.from, track.km);
  }
  const depotKm = distancesTo(depot, roadsAt);
  const routes = new Map<string, RoadId[][]>();
  for (const entry of entries.values()) routes.set(entry.id, candidateRoutes({ roadsAt, depot }, entry.town));
  const totalDemandL = Object.values(level.sectors).reduce((sum, s) => sum + s.demandL, 0);
  return { level, levelHash: levelHash(source), towns, roads, entries, roadsAt, cellLinks, depot, depotKm, routes, totalDemandL };
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
