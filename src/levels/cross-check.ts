/**
 * Checks the schema cannot express: ids that must be unique, references that must
 * resolve, kinds of town each role needs, and a road route from every entry point to the
 * depot. Runs on a level that already passed the schema, and reports every problem at once.
 */
import type { Level } from './schema';
import { formatPath, type JsonPath, type LevelProblem, type Locator } from './problem';
import { didYouMean, listNames } from './suggest';

type TownKind = Level['towns'][number]['kind'];
type AnyEvent = { readonly list: 'events' | 'randomEvents'; readonly index: number; readonly event: Level['events'][number] | Level['randomEvents'][number] };

export function crossCheck(level: Level, at: Locator): LevelProblem[] {
  return [
    ...duplicateIds(level, at),
    ...duplicatePolicies(level, at),
    ...unknownTowns(level, at),
    ...unknownCorridors(level, at),
    ...unknownSources(level, at),
    ...unavailablePolicies(level, at),
    ...roadsToThemselves(level, at),
    ...eventsAfterTheEnd(level, at),
    ...townsOfTheWrongKind(level, at),
    ...capitalsBeyondTheFirst(level, at),
    ...cellsStartingInTheCapital(level, at),
    ...garrisonNeedsOutsideRuralTowns(level, at),
    ...corridorsWithoutRoads(level, at),
    ...entryPointsCutOffFromTheDepot(level, at),
    ...townsCutOffFromTheDepot(level, at),
    ...uncitedSources(level, at),
    ...unsourcedEvents(level, at),
    ...balanceBands(level, at),
    ...missingBalanceTargets(level, at),
    ...eventsThatNeverFire(level, at),
    ...unlikelyNumbers(level, at),
  ];
}

/** Random events that can never fire (one starting after the last day is an error, above). */
function eventsThatNeverFire(level: Level, at: Locator): LevelProblem[] {
  return level.randomEvents.flatMap((event, index) =>
    event.chance === 0
      ? [at.at(['randomEvents', index, 'chance'], `random event "${event.id}" has a chance of 0 and never fires; give it a chance of 1 to 100, or remove it`, 'warning')]
      : [],
  );
}

/**
 * Numbers far from what 2025 Mali saw (DESIGN §1): a tanker carries about 46,000 L, petrol
 * sold at 775 CFA/L, a road is never shorter than the straight line between its towns.
 * Levels may scale numbers for play; these catch typos and unit mistakes, not choices.
 */
function unlikelyNumbers(level: Level, at: Locator): LevelProblem[] {
  const out: LevelProblem[] = [];
  if (level.tankerL < 20_000 || level.tankerL > 60_000) {
    out.push(at.at(['tankerL'], `a tanker of ${level.tankerL} L is far from the ~46,000 L real tankers carry; is the unit litres?`, 'warning'));
  }
  if (level.economy.pumpPriceCfa < 300 || level.economy.pumpPriceCfa > 3000) {
    out.push(at.at(['economy', 'pumpPriceCfa'], `a pump price of ${level.economy.pumpPriceCfa} CFA/L is far from the 775 CFA/L of Bamako in 2025`, 'warning'));
  }
  const demand = Object.values(level.sectors).reduce((sum, s) => sum + s.demandL, 0);
  if (demand > 0 && level.depot.stockL > demand * 30) {
    out.push(at.at(['depot', 'stockL'], `the depot holds ${Math.round(level.depot.stockL / demand)} days of the city's needs; the 2025 reserve covered a few days`, 'warning'));
  }
  const towns = new Map(level.towns.map((t) => [t.id, t]));
  level.roads.forEach((road, i) => {
    const a = towns.get(road.from);
    const b = towns.get(road.to);
    if (!a || !b) return;
    const straight = greatCircleKm(a.lat, a.lon, b.lat, b.lon);
    if (road.km < straight * 0.9) {
      out.push(at.at(['roads', i, 'km'], `road "${road.id}" is ${road.km} km, shorter than the ${Math.round(straight)} km straight line between its towns; check the positions or the length`, 'warning'));
    } else if (straight > 5 && road.km > straight * 3) {
      out.push(at.at(['roads', i, 'km'], `road "${road.id}" is ${road.km} km, more than three times the ${Math.round(straight)} km straight line between its towns`, 'warning'));
    }
  });
  return out;
}

/** Distance over the Earth's surface, km (haversine): for checking levels, never in the rules. */
function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function allEvents(level: Level): AnyEvent[] {
  return [
    ...level.events.map((event, index) => ({ list: 'events' as const, index, event })),
    ...level.randomEvents.map((event, index) => ({ list: 'randomEvents' as const, index, event })),
  ];
}

function duplicateIds(level: Level, at: Locator): LevelProblem[] {
  const lists: { path: JsonPath; items: readonly { id: string }[] }[][] = [
    [{ path: ['towns'], items: level.towns }],
    [{ path: ['roads'], items: level.roads }],
    [{ path: ['corridors'], items: level.corridors }],
    [{ path: ['entryPoints'], items: level.entryPoints }],
    [{ path: ['units'], items: level.units }],
    [{ path: ['sources'], items: level.sources }],
    // Scripted and random events share one namespace: the debrief and injects name them by id.
    [
      { path: ['events'], items: level.events },
      { path: ['randomEvents'], items: level.randomEvents },
    ],
  ];
  return lists.flatMap((namespace) => {
    const firstUse = new Map<string, JsonPath>();
    const problems: LevelProblem[] = [];
    for (const { path, items } of namespace) {
      items.forEach((item, index) => {
        const here = [...path, index];
        const first = firstUse.get(item.id);
        if (first === undefined) firstUse.set(item.id, here);
        else problems.push(at.at([...here, 'id'], `duplicate id "${item.id}": already used by ${formatPath(first)}; ids must be unique`));
      });
    }
    return problems;
  });
}

function duplicatePolicies(level: Level, at: Locator): LevelProblem[] {
  return level.policies.flatMap((policy, index) =>
    level.policies.indexOf(policy) < index ? [at.at(['policies', index], `policy "${policy}" is listed twice`)] : [],
  );
}

/** Every place a town id is used, with the path of the reference. */
function townReferences(level: Level): { path: JsonPath; id: string }[] {
  return [
    ...level.roads.flatMap((road, i) => [
      { path: ['roads', i, 'from'], id: road.from },
      { path: ['roads', i, 'to'], id: road.to },
    ]),
    ...level.entryPoints.map((entry, i) => ({ path: ['entryPoints', i, 'town'], id: entry.town })),
    { path: ['depot', 'town'], id: level.depot.town },
    ...level.units.flatMap((unit, i) => (unit.garrison === undefined ? [] : [{ path: ['units', i, 'garrison'], id: unit.garrison }])),
    ...level.blockade.startTowns.map((id, i) => ({ path: ['blockade', 'startTowns', i], id })),
    ...(level.blockade.tracks ?? []).flatMap((track, i) => [
      { path: ['blockade', 'tracks', i, 'from'], id: track.from },
      { path: ['blockade', 'tracks', i, 'to'], id: track.to },
    ]),
  ];
}

function corridorReferences(level: Level): { path: JsonPath; id: string }[] {
  return [
    ...level.roads.map((road, i) => ({ path: ['roads', i, 'corridor'], id: road.corridor })),
    ...level.entryPoints.map((entry, i) => ({ path: ['entryPoints', i, 'corridor'], id: entry.corridor })),
    ...allEvents(level).flatMap(({ list, index, event }) => {
      const refs: { path: JsonPath; id: string }[] = [];
      const { morale, blockade } = event.effects;
      if (morale !== undefined) refs.push({ path: [list, index, 'effects', 'morale', 'corridor'], id: morale.corridor });
      if (blockade !== undefined) refs.push({ path: [list, index, 'effects', 'blockade'], id: blockade });
      return refs;
    }),
  ];
}

function sourceReferences(level: Level): { path: JsonPath; id: string }[] {
  return allEvents(level).flatMap(({ list, index, event }) => event.sources.map((id, i) => ({ path: [list, index, 'sources', i], id })));
}

function unknownReferences(kind: string, refs: readonly { path: JsonPath; id: string }[], known: readonly string[], at: Locator): LevelProblem[] {
  const ids = new Set(known);
  return refs
    .filter((ref) => !ids.has(ref.id))
    .map((ref) => {
      const hint = didYouMean(ref.id, known);
      const detail = hint === '' ? `; known ${kind}s: ${listNames([...ids])}` : hint;
      return at.at(ref.path, `unknown ${kind} "${ref.id}"${detail}`);
    });
}

function unknownTowns(level: Level, at: Locator): LevelProblem[] {
  return unknownReferences('town', townReferences(level), level.towns.map((t) => t.id), at);
}

function unknownCorridors(level: Level, at: Locator): LevelProblem[] {
  return unknownReferences('corridor', corridorReferences(level), level.corridors.map((c) => c.id), at);
}

function unknownSources(level: Level, at: Locator): LevelProblem[] {
  return unknownReferences('source', sourceReferences(level), level.sources.map((s) => s.id), at);
}

function unavailablePolicies(level: Level, at: Locator): LevelProblem[] {
  return level.entryPoints.flatMap((entry, i) =>
    entry.requiresPolicy === undefined || level.policies.includes(entry.requiresPolicy)
      ? []
      : [at.at(['entryPoints', i, 'requiresPolicy'], `the entry point needs policy "${entry.requiresPolicy}", which is not in this level's "policies"; add it there`)],
  );
}

function roadsToThemselves(level: Level, at: Locator): LevelProblem[] {
  return level.roads.flatMap((road, i) =>
    road.from === road.to ? [at.at(['roads', i, 'to'], `the road starts and ends at "${road.from}"; a road joins two different towns`)] : [],
  );
}

function eventsAfterTheEnd(level: Level, at: Locator): LevelProblem[] {
  const scripted = level.events.flatMap((event, i) =>
    event.day > level.days ? [at.at(['events', i, 'day'], `event on day ${event.day} but the level lasts ${level.days} days`)] : [],
  );
  const random = level.randomEvents.flatMap((event, i) =>
    event.fromDay > level.days
      ? [at.at(['randomEvents', i, 'fromDay'], `random event from day ${event.fromDay} but the level lasts ${level.days} days`)]
      : [],
  );
  return [...scripted, ...random];
}

function townKinds(level: Level): Map<string, TownKind> {
  return new Map(level.towns.map((t) => [t.id, t.kind]));
}

/** The depot is in the capital, hauliers wait at borders, garrisons hold rural towns. */
function townsOfTheWrongKind(level: Level, at: Locator): LevelProblem[] {
  const kinds = townKinds(level);
  const problems: LevelProblem[] = [];
  const expect = (path: JsonPath, town: string, wanted: TownKind, role: string): void => {
    const kind = kinds.get(town);
    if (kind !== undefined && kind !== wanted) {
      problems.push(at.at(path, `${role} must be a ${wanted} town, but "${town}" is a ${kind} town; change the town's kind or pick another town`));
    }
  };
  expect(['depot', 'town'], level.depot.town, 'capital', 'the depot');
  level.entryPoints.forEach((entry, i) => expect(['entryPoints', i, 'town'], entry.town, 'border', `entry point "${entry.id}"`));
  level.units.forEach((unit, i) => {
    if (unit.garrison !== undefined) expect(['units', i, 'garrison'], unit.garrison, 'rural', `the garrison of unit "${unit.id}"`);
  });
  return problems;
}

/** The depot, the capital's name on the map and the cells' no-go town are one town. */
function capitalsBeyondTheFirst(level: Level, at: Locator): LevelProblem[] {
  const capitals = level.towns.flatMap((town, index) => (town.kind === 'capital' ? [{ town, index }] : []));
  const first = capitals[0];
  if (first === undefined) return [];
  return capitals
    .slice(1)
    .map(({ town, index }) =>
      at.at(
        ['towns', index, 'kind'],
        `a level has one capital, and "${first.town.id}" (${formatPath(['towns', first.index])}) is already it; make "${town.id}" a city`,
      ),
    );
}

/**
 * Cells never enter the capital (docs/levels.md, "blockade"), so one cannot start there.
 * The first capital only: a second one is already an error of its own.
 */
function cellsStartingInTheCapital(level: Level, at: Locator): LevelProblem[] {
  const capital = level.towns.find((town) => town.kind === 'capital')?.id;
  return level.blockade.startTowns.flatMap((town, i) =>
    town === capital
      ? [at.at(['blockade', 'startTowns', i], `a cell cannot start in the capital "${town}": cells never enter it; pick a town on a road outside it`)]
      : [],
  );
}

/**
 * Only rural towns are attacked and garrisoned, so only they have defenders. Zero is what the
 * schema fills in for every town (and what a normalised level carries), so it is no mistake.
 */
function garrisonNeedsOutsideRuralTowns(level: Level, at: Locator): LevelProblem[] {
  return level.towns.flatMap((town, i) =>
    town.kind !== 'rural' && town.garrisonNeed > 0
      ? [
          at.at(
            ['towns', i, 'garrisonNeed'],
            `"garrisonNeed" is for rural towns, the only ones that can be attacked, but "${town.id}" is a ${town.kind} town; remove the field or make the town rural`,
          ),
        ]
      : [],
  );
}

/** A corridor is its roads: one without any cannot carry a convoy, and its name would label nothing on the map. */
function corridorsWithoutRoads(level: Level, at: Locator): LevelProblem[] {
  const used = new Set(level.roads.map((road) => road.corridor));
  return level.corridors.flatMap((corridor, i) =>
    used.has(corridor.id)
      ? []
      : [at.at(['corridors', i, 'id'], `no road belongs to corridor "${corridor.id}"; give its roads "corridor": "${corridor.id}", or remove the corridor`)],
  );
}

/**
 * Towns reachable by road from the depot (roads run both ways). Undefined when the depot
 * or a road end names an unknown town: that is already reported, and routes computed
 * around the typo would only repeat it as "no route" problems.
 */
function reachableFromDepot(level: Level): Set<string> | undefined {
  const towns = new Set(level.towns.map((t) => t.id));
  const resolved = towns.has(level.depot.town) && level.roads.every((r) => towns.has(r.from) && towns.has(r.to));
  if (!resolved) return undefined;
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string): void => void neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
  for (const road of level.roads) {
    link(road.from, road.to);
    link(road.to, road.from);
  }
  const reached = new Set([level.depot.town]);
  const queue = [level.depot.town];
  for (let town = queue.shift(); town !== undefined; town = queue.shift()) {
    for (const next of neighbours.get(town) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return reached;
}

function entryPointsCutOffFromTheDepot(level: Level, at: Locator): LevelProblem[] {
  const reached = reachableFromDepot(level);
  if (reached === undefined) return [];
  const known = new Set(level.towns.map((t) => t.id));
  return level.entryPoints.flatMap((entry, i) =>
    known.has(entry.town) && !reached.has(entry.town)
      ? [at.at(['entryPoints', i, 'town'], `entry point "${entry.id}" has no road route from "${entry.town}" to the depot at "${level.depot.town}"`)]
      : [],
  );
}

function townsCutOffFromTheDepot(level: Level, at: Locator): LevelProblem[] {
  const reached = reachableFromDepot(level);
  if (reached === undefined) return [];
  return level.towns.flatMap((town, i) =>
    (town.kind === 'rural' || town.kind === 'city') && !reached.has(town.id)
      ? [at.at(['towns', i], `${town.kind} town "${town.id}" cannot be reached by road from the depot at "${level.depot.town}"`, 'warning')]
      : [],
  );
}

function uncitedSources(level: Level, at: Locator): LevelProblem[] {
  const cited = new Set(sourceReferences(level).map((ref) => ref.id));
  return level.sources.flatMap((source, i) =>
    cited.has(source.id) ? [] : [at.at(['sources', i], `source "${source.id}" is not cited by any event`, 'warning')],
  );
}

function unsourcedEvents(level: Level, at: Locator): LevelProblem[] {
  return allEvents(level).flatMap(({ list, index, event }) =>
    event.sources.length > 0
      ? []
      : [at.at([list, index], `event "${event.id}" cites no source; facts shown to students must point at an entry of "sources"`, 'warning')],
  );
}

const DIFFICULTY_BANDS = ['easy', 'normal', 'hard'] as const;

/**
 * A warning, not an error: the bands are measured with `npm run balance`, which needs a
 * level that loads, so a new level has none until it has been played (docs/levels.md §4).
 */
function missingBalanceTargets(level: Level, at: Locator): LevelProblem[] {
  if (level.balanceTargets !== undefined) return [];
  return [
    at.at(
      [],
      'no "balanceTargets": measure the level with `npm run balance -- --level <file> --runs 100 --difficulty D` at each difficulty, then write the bands, like "balanceTargets": { "policy": "baseline", "runs": 12, "normal": [0.3, 0.85] }',
      'warning',
    ),
  ];
}

/**
 * A balance band is [lowest, highest]; the schema checks each bound is a rate from 0 to 1,
 * this checks their order, at the band itself so the editor jumps to the right line.
 */
function balanceBands(level: Level, at: Locator): LevelProblem[] {
  const targets = level.balanceTargets;
  if (targets === undefined) return [];
  const given = DIFFICULTY_BANDS.filter((d) => targets[d] !== undefined);
  if (given.length === 0) {
    return [at.at(['balanceTargets'], 'balanceTargets sets no band: add "easy", "normal" or "hard", like "normal": [0.3, 0.85]', 'warning')];
  }
  return given.flatMap((difficulty) => {
    const [min, max] = targets[difficulty]!;
    return min <= max
      ? []
      : [
          at.at(
            ['balanceTargets', difficulty],
            `the band [${min}, ${max}] is upside down: write the lowest held rate first, then the highest, like [${max}, ${min}]`,
          ),
        ];
  });
}
