/**
 * Convoys: formed at a border from the tankers hauliers offer, they drive road by road to
 * the depot in real km/h, meet ambushes and checkpoints, and unload on arrival. Army escorts
 * had limited success in 2025 (Firstpost 2025-10-26; Sahel Intelligence): here an escort
 * lowers losses in proportion to its strength, it does not make a convoy safe.
 */
import {
  CELL_COOLDOWN_HOURS,
  CHECKPOINT_HOLD_HOURS,
  MAX_CONVOY_TANKERS,
  MAX_ROUTE_ROADS,
  MORALE_PER_ESCORTED_ARRIVAL,
  MORALE_PER_STRONG_ESCORT_ARRIVAL,
  ESCORT_DEFENCE,
  REDEPLOY_HOURS,
  REPELLED_LOSS_PCT,
  STRONG_ESCORT,
  SIGHTING_CHANCE,
  SPEED_KMH,
} from '../balance';
import { routePath, type LevelContext, type RoadDef } from '../context';
import { chance, drawInt } from '../rng';
import { escortStrength, hourOfDay, isLive, patrolStrength } from '../selectors';
import type { Action, Convoy, ConvoyId, GameState, RoadId, SimError, Threat, TownId, UnitId } from '../state';
import { addTrust, clamp, pushNews, simError } from './common';
import { frightenDrivers, shiftMorale } from './hauliers';

const MAX_DEPART_AHEAD_HOURS = 72;
/**
 * The blockade's memory of sightings is kept to MAX_SIGHTINGS, forgetting the oldest
 * SIGHTINGS_FORGOTTEN at a time: a multiple of the state hash's block (64), so that the
 * records kept stay in the blocks they were hashed in.
 */
const MAX_SIGHTINGS = 320;
const SIGHTINGS_FORGOTTEN = 64;

type FormAction = Extract<Action, { type: 'convoy/form' }>;

function isWholeIn(n: unknown, lo: number, hi: number): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= lo && n <= hi;
}

function checkRoute(ctx: LevelContext, start: TownId, route: unknown, action: string): TownId[] | SimError {
  if (!Array.isArray(route) || route.length === 0 || route.length > MAX_ROUTE_ROADS || !route.every((r) => typeof r === 'string')) {
    return simError(action, 'bad-route', `a route is a list of 1 to ${MAX_ROUTE_ROADS} road ids`);
  }
  const path = routePath(ctx, start, route);
  if (!path) return simError(action, 'bad-route', `the roads do not form a path from ${start} without loops`);
  if (path[path.length - 1] !== ctx.depot) return simError(action, 'bad-route', `the route must end at the depot in ${ctx.depot}`);
  return path;
}

export function formConvoy(ctx: LevelContext, state: GameState, a: FormAction): SimError | undefined {
  const entry = state.entries.find((e) => e.id === a.entry);
  const def = ctx.entries.get(a.entry);
  if (!entry || !def) return simError(a.type, 'unknown-entry', `no entry point ${String(a.entry)}`);
  if (!entry.open) return simError(a.type, 'entry-closed', `the ${a.entry} entry point is not open`);
  if (!isWholeIn(a.tankers, 1, MAX_CONVOY_TANKERS)) return simError(a.type, 'bad-tankers', `a convoy takes 1 to ${MAX_CONVOY_TANKERS} tankers`);
  if (a.tankers > entry.offered) return simError(a.type, 'not-offered', `hauliers at ${a.entry} offer ${entry.offered} tankers today`);
  if (!isWholeIn(a.departAt, state.hour, state.hour + MAX_DEPART_AHEAD_HOURS)) {
    return simError(a.type, 'bad-departure', `departure must be within the next ${MAX_DEPART_AHEAD_HOURS} hours`);
  }
  const path = checkRoute(ctx, def.town, a.route, a.type);
  if (!Array.isArray(path)) return path;
  if (!Array.isArray(a.escort) || new Set(a.escort).size !== a.escort.length) return simError(a.type, 'bad-escort', 'escort is a list of distinct unit ids');
  for (const id of a.escort) {
    const unit = state.units.find((u) => u.id === id);
    if (!unit) return simError(a.type, 'unknown-unit', `no unit ${String(id)}`);
    if (unit.task.kind === 'escort') return simError(a.type, 'unit-busy', `${id} is already escorting a convoy`);
    if (state.hour < unit.readyAt) return simError(a.type, 'unit-moving', `${id} is still redeploying`);
  }

  const id = state.nextId as ConvoyId;
  state.nextId += 1;
  state.convoysFormed += 1;
  entry.offered -= a.tankers;
  state.fuel.acquiredL += a.tankers * ctx.level.tankerL;
  for (const unit of state.units) if (a.escort.includes(unit.id)) unit.task = { kind: 'escort', convoy: id };
  state.convoys.push({
    id,
    number: state.convoysFormed,
    entry: a.entry,
    corridor: def.corridor,
    path,
    route: [...a.route],
    leg: 0,
    km: 0,
    tankers: a.tankers,
    tankersAtStart: a.tankers,
    departAt: a.departAt,
    escort: [...a.escort] as UnitId[],
    status: 'waiting',
    heldUntil: 0,
    hitOn: [],
    seenLeg: -1,
  });
  return undefined;
}

function findLive(state: GameState, action: string, id: unknown): Convoy | SimError {
  const convoy = state.convoys.find((c) => c.id === id);
  if (convoy) return convoy;
  const past = state.pastConvoys.find((c) => c.id === id);
  if (past) return simError(action, 'convoy-ended', `convoy ${past.id} has already ${past.status}`);
  return simError(action, 'unknown-convoy', `no convoy ${String(id)}`);
}

/** Ended convoys leave the road: they move to the record, so each hour only live ones are visited. */
function archiveEnded(state: GameState): void {
  if (state.convoys.every(isLive)) return;
  for (const c of state.convoys) {
    if (c.status !== 'arrived' && c.status !== 'destroyed' && c.status !== 'returned') continue;
    state.pastConvoys.push({
      id: c.id,
      number: c.number,
      entry: c.entry,
      route: c.route,
      escorts: c.escort.length,
      departAt: c.departAt,
      endedAt: state.hour,
      tankersAtStart: c.tankersAtStart,
      tankers: c.tankers,
      status: c.status,
    });
  }
  state.convoys = state.convoys.filter(isLive);
}

export function haltConvoy(state: GameState, id: ConvoyId): SimError | undefined {
  const convoy = findLive(state, 'convoy/halt', id);
  if ('code' in convoy) return convoy;
  if (convoy.status === 'halted') return simError('convoy/halt', 'already-halted', `convoy ${id} is already halted`);
  if (convoy.status === 'returning') return simError('convoy/halt', 'returning', `convoy ${id} is on its way back`);
  convoy.status = 'halted';
  return undefined;
}

export function resumeConvoy(state: GameState, id: ConvoyId): SimError | undefined {
  const convoy = findLive(state, 'convoy/resume', id);
  if ('code' in convoy) return convoy;
  if (convoy.status !== 'halted') return simError('convoy/resume', 'not-halted', `convoy ${id} is not halted`);
  // A halt does not cut short a checkpoint's or an attack's hold: the convoy goes back to it.
  convoy.status = state.hour < convoy.departAt ? 'waiting' : state.hour < convoy.heldUntil ? 'held' : 'moving';
  return undefined;
}

export function turnBackConvoy(ctx: LevelContext, state: GameState, id: ConvoyId): SimError | undefined {
  const convoy = findLive(state, 'convoy/turnBack', id);
  if ('code' in convoy) return convoy;
  if (convoy.status === 'returning') return simError('convoy/turnBack', 'returning', `convoy ${id} is already on its way back`);
  if (convoy.leg === 0 && convoy.km === 0) {
    endConvoy(ctx, state, convoy, 'returned');
    archiveEnded(state);
    return undefined;
  }
  const road = ctx.roads.get(convoy.route[convoy.leg] ?? '');
  convoy.km = road ? road.km - convoy.km : 0;
  convoy.status = 'returning';
  return undefined;
}

export function rerouteConvoy(ctx: LevelContext, state: GameState, id: ConvoyId, route: unknown): SimError | undefined {
  const convoy = findLive(state, 'convoy/reroute', id);
  if ('code' in convoy) return convoy;
  if (convoy.status === 'returning') return simError('convoy/reroute', 'returning', `convoy ${id} is on its way back`);
  // A convoy that has not left changes its whole route; one on the road finishes its current leg first.
  const keep = convoy.leg === 0 && convoy.km === 0 ? 0 : convoy.leg + 1;
  const from = convoy.path[keep];
  if (from === undefined) return simError('convoy/reroute', 'bad-route', `convoy ${id} has no next town`);
  const tail = checkRoute(ctx, from, route, 'convoy/reroute');
  if (!Array.isArray(tail)) return tail;
  const kept = convoy.path.slice(0, keep);
  if (tail.some((t) => kept.includes(t))) return simError('convoy/reroute', 'bad-route', 'the new route goes back through a town already passed');
  convoy.path = [...kept, ...tail];
  convoy.route = [...convoy.route.slice(0, keep), ...(route as RoadId[])];
  return undefined;
}

function freeEscorts(state: GameState, convoy: Convoy): void {
  for (const unit of state.units) {
    if (unit.task.kind === 'escort' && unit.task.convoy === convoy.id) {
      unit.task = { kind: 'idle' };
      unit.readyAt = state.hour + REDEPLOY_HOURS;
    }
  }
}

function endConvoy(ctx: LevelContext, state: GameState, convoy: Convoy, status: 'arrived' | 'returned' | 'destroyed'): void {
  const litres = convoy.tankers * ctx.level.tankerL;
  if (status === 'arrived') {
    state.fuel.stockL += litres;
    state.metrics.tankersDelivered += convoy.tankers;
    state.metrics.litresDelivered += litres;
    if (convoy.escort.length > 0) {
      const strong = escortStrength(state, convoy) >= STRONG_ESCORT;
      shiftMorale(ctx, state, convoy.corridor, strong ? MORALE_PER_STRONG_ESCORT_ARRIVAL : MORALE_PER_ESCORTED_ARRIVAL);
    }
    pushNews(state, { kind: 'arrival', facts: { convoy: convoy.number, tankers: convoy.tankers, litres } });
  } else if (status === 'returned') {
    state.fuel.returnedL += litres;
  }
  convoy.status = status;
  freeEscorts(state, convoy);
}

function loseTankers(ctx: LevelContext, state: GameState, convoy: Convoy, lost: number): void {
  convoy.tankers -= lost;
  state.fuel.lostL += lost * ctx.level.tankerL;
  state.metrics.tankersLost += lost;
}

function activeThreatOn(state: GameState, road: RoadId): Threat | undefined {
  return state.threats.find((t) => t.road === road && t.from <= state.hour && state.hour < t.until);
}

/** A road next to a town the group holds: it knows the ground there, and strikes harder. */
export function nearHeldGround(state: GameState, road: RoadDef): boolean {
  return state.towns.some((t) => t.control === 'fallen' && (t.id === road.from || t.id === road.to));
}

/**
 * An ambush. An escort may beat it off (the stronger the escort against the cell, the
 * likelier); when it does not, the escort still limits the damage. An unescorted convoy
 * loses half or more of its tankers. In 2025 escorted convoys were burned too: at least
 * 40 tankers of an escorted convoy on 14 Sept (The South African 2025-09-17), about 50
 * near Kadiana on 17 Oct (Firstpost 2025-10-26).
 */
function resolveAmbush(ctx: LevelContext, state: GameState, convoy: Convoy, road: RoadDef, threat: Threat): void {
  const cell = state.cells.find((c) => c.id === threat.cell);
  const attack = (cell?.strength ?? 1) + (nearHeldGround(state, road) ? 1 : 0);
  const escort = escortStrength(state, convoy);
  // An escort on the move fights at a disadvantage: the attackers choose the ground.
  const defence = escort * ESCORT_DEFENCE + patrolStrength(state, road.id) * 6;
  const attackRoll = attack * 10 + drawInt(state, 0, 20);
  const defenceRoll = defence + drawInt(state, 0, 20);
  state.metrics.convoysAttacked += 1;
  if (cell) cell.readyAt = state.hour + CELL_COOLDOWN_HOURS;
  if (defence > 0 && defenceRoll >= attackRoll) {
    // Beaten off, the attackers still set the first trucks alight.
    const burned = Math.min(convoy.tankers, Math.ceil((convoy.tankers * REPELLED_LOSS_PCT) / 100));
    loseTankers(ctx, state, convoy, burned);
    if (cell && defenceRoll - attackRoll > 15 && cell.strength > 1) cell.strength -= 1;
    shiftMorale(ctx, state, convoy.corridor, -2);
    pushNews(state, { kind: 'repelled', facts: { convoy: convoy.number, road: road.id, lost: burned } });
    if (convoy.tankers === 0) endConvoy(ctx, state, convoy, 'destroyed');
    else {
      convoy.heldUntil = state.hour + 2;
      convoy.status = 'held';
    }
    return;
  }
  const lossPct = escort > 0 ? clamp(10 + attackRoll - defenceRoll, 10, 60) : clamp(35 + attack * 5 + drawInt(state, 0, 20), 20, 90);
  const lost = Math.min(convoy.tankers, Math.ceil((convoy.tankers * lossPct) / 100));
  loseTankers(ctx, state, convoy, lost);
  state.metrics.livesLost += Math.ceil(lost / 4);
  addTrust(state, 'attacks', -(1 + Math.floor(lost / 10)));
  frightenDrivers(ctx, state, convoy.corridor, lost, escort > 0);
  pushNews(state, { kind: 'attack', facts: { convoy: convoy.number, road: road.id, lost, left: convoy.tankers, escorted: escort > 0 ? 1 : 0 } });
  if (convoy.tankers === 0) endConvoy(ctx, state, convoy, 'destroyed');
  else {
    convoy.status = 'held';
    convoy.heldUntil = state.hour + 3;
  }
}

/** A checkpoint: a strong escort breaks it up; otherwise the convoy is held, part of it seized and its drivers taken. */
function resolveCheckpoint(ctx: LevelContext, state: GameState, convoy: Convoy, road: RoadDef, threat: Threat): void {
  const cell = state.cells.find((c) => c.id === threat.cell);
  const force = escortStrength(state, convoy) + patrolStrength(state, road.id);
  if (force >= (cell?.strength ?? 1)) {
    state.threats = state.threats.filter((t) => t.id !== threat.id);
    if (cell) cell.readyAt = state.hour + CELL_COOLDOWN_HOURS;
    pushNews(state, { kind: 'checkpoint', facts: { convoy: convoy.number, road: road.id, cleared: 1 } });
    return;
  }
  const seized = Math.min(convoy.tankers, Math.ceil((convoy.tankers * 15) / 100));
  loseTankers(ctx, state, convoy, seized);
  state.metrics.driversTaken += seized;
  frightenDrivers(ctx, state, convoy.corridor, seized, convoy.escort.length > 0);
  addTrust(state, 'attacks', -1);
  pushNews(state, { kind: 'checkpoint', facts: { convoy: convoy.number, road: road.id, lost: seized, cleared: 0 } });
  if (convoy.tankers === 0) endConvoy(ctx, state, convoy, 'destroyed');
  else {
    convoy.status = 'held';
    convoy.heldUntil = state.hour + CHECKPOINT_HOLD_HOURS;
  }
}

/** Informants near a cell report passing convoys: this is all the blockade learns of the player's habits. */
function noteSighting(ctx: LevelContext, state: GameState, convoy: Convoy, road: RoadDef, watch: HourWatch): void {
  if (convoy.seenLeg === convoy.leg) return;
  const informants = watch.informants();
  if (!informants.has(road.from) && !informants.has(road.to)) return;
  convoy.seenLeg = convoy.leg;
  // Informants miss some convoys; how many they catch is what the difficulty changes.
  if (!chance(state, SIGHTING_CHANCE[state.difficulty])) return;
  state.sightings.push({
    convoy: convoy.id,
    hour: state.hour,
    road: road.id,
    tankers: convoy.tankers,
    escortStrength: escortStrength(state, convoy),
    departHourOfDay: hourOfDay(convoy.departAt),
    seenHourOfDay: hourOfDay(state.hour),
    toward: convoy.path[convoy.leg + 1] ?? ctx.depot,
  });
  if (state.sightings.length > MAX_SIGHTINGS) state.sightings.splice(0, SIGHTINGS_FORGOTTEN);
}

function informantTowns(ctx: LevelContext, state: GameState): Set<string> {
  const towns = new Set<string>();
  for (const cell of state.cells) {
    towns.add(cell.town);
    for (const link of ctx.cellLinks.get(cell.town) ?? []) towns.add(link.to);
  }
  for (const town of state.towns) if (town.control === 'fallen') towns.add(town.id);
  return towns;
}

/** Looked up once an hour rather than once per convoy: where the cells are, which roads have threats. */
interface HourWatch {
  /** Towns where the group has informants: where its cells are, the towns one move away, and the towns it holds. */
  informants(): Set<string>;
  threatRoads: Set<string>;
}

function advance(ctx: LevelContext, state: GameState, convoy: Convoy, watch: HourWatch): void {
  const forward = convoy.status === 'moving';
  let road = ctx.roads.get(convoy.route[convoy.leg] ?? '');
  if (!road) return;
  if (forward) {
    noteSighting(ctx, state, convoy, road, watch);
    const threat = !watch.threatRoads.has(road.id) || convoy.hitOn.includes(road.id) ? undefined : activeThreatOn(state, road.id);
    if (threat) {
      convoy.hitOn.push(road.id);
      if (threat.kind === 'ambush') {
        state.threats = state.threats.filter((t) => t.id !== threat.id);
        resolveAmbush(ctx, state, convoy, road, threat);
      } else resolveCheckpoint(ctx, state, convoy, road, threat);
      if (convoy.status !== 'moving') return;
    }
  }
  convoy.km += SPEED_KMH[road.terrain];
  while (convoy.km >= road.km) {
    convoy.km -= road.km;
    convoy.leg += forward ? 1 : -1;
    if (forward && convoy.leg >= convoy.route.length) {
      convoy.km = 0;
      endConvoy(ctx, state, convoy, 'arrived');
      return;
    }
    if (!forward && convoy.leg < 0) {
      convoy.leg = 0;
      convoy.km = 0;
      endConvoy(ctx, state, convoy, 'returned');
      return;
    }
    const next = ctx.roads.get(convoy.route[convoy.leg] ?? '');
    if (!next) return;
    road = next;
    // A convoy stops at the start of each leg so that the next road's threats are met on entry.
    if (forward) {
      convoy.km = 0;
      return;
    }
  }
}

/** One hour of driving for every convoy on the road. */
export function moveConvoys(ctx: LevelContext, state: GameState): void {
  if (state.convoys.length === 0) return;
  const watch: HourWatch = {
    informants() {
      // Worked out once an hour, and only when a convoy is there to be seen.
      const towns = informantTowns(ctx, state);
      this.informants = () => towns;
      return towns;
    },
    threatRoads: new Set(state.threats.map((t) => t.road)),
  };
  for (const convoy of state.convoys) {
    if (convoy.status === 'waiting' && state.hour >= convoy.departAt) convoy.status = 'moving';
    if (convoy.status === 'held' && state.hour >= convoy.heldUntil) convoy.status = 'moving';
    // A convoy turned back while held still waits out its hold before it can drive off.
    const waiting = convoy.status === 'returning' && state.hour < convoy.heldUntil;
    if ((convoy.status === 'moving' || convoy.status === 'returning') && !waiting) advance(ctx, state, convoy, watch);
  }
  archiveEnded(state);
}

/** Where a convoy is, as the two towns of its current leg and the share of the leg done (0–1). */
export function convoyPosition(ctx: LevelContext, convoy: Convoy): { from: TownId; to: TownId; along: number } {
  const road = ctx.roads.get(convoy.route[Math.min(convoy.leg, convoy.route.length - 1)] ?? '');
  const a = convoy.path[convoy.leg] ?? convoy.path[0]!;
  const b = convoy.path[convoy.leg + 1] ?? a;
  const along = road ? Math.min(1, convoy.km / road.km) : 0;
  if (convoy.status === 'arrived') return { from: ctx.depot, to: ctx.depot, along: 0 };
  return convoy.status === 'returning' ? { from: b, to: a, along } : { from: a, to: b, along };
}

