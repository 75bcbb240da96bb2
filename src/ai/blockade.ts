/**
 * The blockade AI, a utility AI. For each cell that is ready it lists the moves it could
 * make, scores each by the fuel it would deny and the pressure it would put on the city and
 * the rural towns, minus the risk from the escorts and patrols it can see, weighs them by
 * the pacing director's phase, and picks one with seeded noise. It decides from
 * `observeForBlockade` only (fog of war), and every move carries its reason: the factors
 * behind the score.
 *
 * Before its informants have seen anything, it expects traffic where convoys usually run
 * (the crossings' usual flow along their roads). What they see replaces that guess road by
 * road: routes and hours used again and again become the surest targets.
 */
import type { Immutable } from 'immer';
import { AMBUSH_HOURS, GRACE_HOURS, SPEED_KMH, HOURS_PER_DAY, THREAT_MAX_EXTRA_DELAY, THREAT_SETUP_HOURS, THREAT_SETUP_HOURS_NEAR_FALLEN } from '../sim/balance';
import { otherEnd, type LevelContext, type RoadDef } from '../sim/context';
import { derivedRng } from '../sim/rng';
import type { AiAction, AiReason, Cell, CorridorId, EntryId, GameState, RoadId, TownId } from '../sim/state';
import { phaseOf, phaseWeight, PHASES, REST_VALUE, type Choice, type Phase } from './director';
import { hoursUntil } from './habits';
import { neighbours, observeForBlockade, type BlockadeView } from './observe';
import { contestOdds, townOdds } from './odds';

/** Why a move is considered: its reason's code and factors, written out only for the move chosen. */
interface Because {
  code: string;
  factors: Record<string, number>;
}
type Draft<A> = A extends AiAction ? Omit<A, 'reason'> & { reason: Because } : never;

interface Candidate {
  choice: Choice;
  /** Value before the phase weight. */
  value: number;
  action: Draft<AiAction> | null;
}

const because = (code: string, factors: Record<string, number>): Because => ({ code, factors });

/** How much each difficulty blurs the AI's judgement (score points of noise). */
const NOISE = { easy: 3, normal: 1.5, hard: 0.5 } as const;
/** How keen the group is to act rather than lie low, by difficulty (a multiplier of every move's value). */
const RESOLVE = { easy: 0.7, normal: 1, hard: 1 } as const;
/** Sightings it needs on a road before it trusts them over its guess. */
const TRUST_AFTER = { easy: 4, normal: 3, hard: 2 } as const;
/** Value of a rural town taken (a base, recruits, reach) and cost of a failed attack. */
const TOWN_VALUE = 4;
const FAILED_ATTACK_COST = 3;
/** How long after a sighting the group still hunts that convoy, and how sure it is of the road it takes next. */
const HUNT_HOURS = 12;
const INTERCEPT_CHANCE = 0.7;
/** What frightening a corridor's drivers with an attack is worth, besides the tankers burned. */
const FEAR_VALUE = 1;
/** Value of a point of cell strength, for the risk of losing one against an escort. */
const STRENGTH_VALUE = 3;

const reason = (code: string, phase: Phase, factors: Record<string, number>): AiReason => ({
  code,
  factors: [
    ...Object.entries(factors).map(([name, value]) => ({ name, value: Math.round(value * 100) / 100 })),
    { name: 'phase', value: PHASES.indexOf(phase) },
  ],
});

/** A convoy its informants saw lately, and the road it should take next toward the capital. */
interface Interception {
  chance: number;
  /** Hour it should reach the road. */
  arrival: number;
  tankers: number;
  escort: number;
}

/**
 * Convoys seen in the last hours are hunted: from the town a convoy was driving to, it
 * will take a road that brings it nearer the capital, at about the hour its speed says.
 */
function interceptions(ctx: LevelContext, view: BlockadeView): Map<string, Interception> {
  const out = new Map<string, Interception>();
  for (const s of view.sightings) {
    if (s.hour < view.hour - HUNT_HOURS || s.toward === ctx.depot) continue;
    const seenOn = ctx.roads.get(s.road);
    if (!seenOn) continue;
    const arrival = s.hour + Math.ceil(seenOn.km / SPEED_KMH[seenOn.terrain]);
    const from = ctx.depotKm.get(s.toward) ?? Infinity;
    const next = (ctx.roadsAt.get(s.toward) ?? []).filter((r) => r.id !== s.road && (ctx.depotKm.get(otherEnd(r, s.toward)) ?? Infinity) < from);
    for (const road of next) {
      const leaves = arrival + Math.ceil(road.km / SPEED_KMH[road.terrain]);
      if (leaves <= view.hour + THREAT_SETUP_HOURS_NEAR_FALLEN) continue;
      const chance = INTERCEPT_CHANCE / next.length;
      if ((out.get(road.id)?.chance ?? 0) < chance) out.set(road.id, { chance, arrival, tankers: s.tankers, escort: s.escortStrength });
    }
  }
  return out;
}

/** What an ambush on this road is worth to this cell now. */
function ambushValue(ctx: LevelContext, view: BlockadeView, cell: Immutable<Cell>, road: RoadDef, hunted?: Interception) {
  const habit = view.habit(road.id);
  const prior = view.traffic(road.id);
  const trust = Math.min(1, habit.seen / TRUST_AFTER[view.difficulty]);
  // Guessing, an ambush of AMBUSH_HOURS meets a convoy passing at a random hour; informed,
  // it is laid for the stretch of hours when convoys were seen passing, or for a convoy
  // seen on its way.
  const guessed = Math.min(0.9, (prior.convoysPerDay * AMBUSH_HOURS) / HOURS_PER_DAY);
  const learned = Math.min(0.95, habit.inWindow / habit.watchedDays);
  const usual = trust * learned + (1 - trust) * guessed;
  const hunting = hunted !== undefined && hunted.chance > usual;
  const hitChance = hunting ? hunted.chance : usual;
  const tankers = hunting ? hunted.tankers : trust * habit.tankers + (1 - trust) * prior.tankers;
  const escort = hunting ? hunted.escort : trust * habit.escort + (1 - trust) * prior.escort;
  const patrol = view.patrols.get(road.id) ?? 0;
  const attack = cell.strength + (view.fallenTowns.has(road.from) || view.fallenTowns.has(road.to) ? 1 : 0);
  const odds = contestOdds(attack, escort, patrol);
  const denied = hitChance * tankers * odds.lossShare;
  const risk = hitChance * odds.bloodied * STRENGTH_VALUE;
  // Beyond the fuel burned, every attack frightens drivers off the road (FEAR_VALUE), and
  // burning a convoy its escort could not protect frightens them most.
  const fear = FEAR_VALUE * (escort > 0 ? 1 + odds.lossShare * 4 : 1);
  return { habit, trust, hunting, hitChance, tankers, escort, patrol, denied, value: denied + hitChance * fear - risk };
}

function roadCandidates(ctx: LevelContext, view: BlockadeView, cell: Immutable<Cell>, hunted: Map<string, Interception>): Candidate[] {
  const out: Candidate[] = [];
  const near = ctx.roadsAt.get(cell.town) ?? [];
  const seenNear = near.reduce((sum, road) => sum + view.habit(road.id).seen, 0);
  for (const road of near) {
    if (view.threats.some((t) => t.road === road.id)) continue;
    const v = ambushValue(ctx, view, cell, road, hunted.get(road.id));
    const setup = view.fallenTowns.has(road.from) || view.fallenTowns.has(road.to) ? THREAT_SETUP_HOURS_NEAR_FALLEN : THREAT_SETUP_HOURS;
    // Nothing strikes in the first hours: the earliest a threat may be ready.
    const earliest = Math.max(setup, GRACE_HOURS - view.hour);
    if (earliest > THREAT_SETUP_HOURS + THREAT_MAX_EXTRA_DELAY) continue;
    const chase = hunted.get(road.id);
    const timed = v.hunting && chase ? Math.max(earliest, chase.arrival - view.hour) : v.trust >= 0.5 ? hoursUntil(view.hour, v.habit.windowStart, earliest) : earliest;
    const delay = Math.min(THREAT_SETUP_HOURS + THREAT_MAX_EXTRA_DELAY, timed);
    out.push({
      choice: 'ambush',
      value: v.value,
      action: {
        type: 'ai/ambush',
        cell: cell.id,
        road: road.id as RoadId,
        delay,
        reason: because(v.hunting ? 'ambush-hunt' : 'ambush-habit', {
          convoysSeen: v.habit.seen,
          convoysNear: seenNear,
          inWindow: v.habit.inWindow,
          windowStart: v.habit.windowStart,
          escortStrength: v.escort,
          patrol: v.patrol,
          tankersExpected: v.tankers,
        }),
      },
    });
    // A checkpoint stays for days: it takes a share of whatever weakly escorted convoy passes, and its drivers.
    const perDay = v.trust * (v.habit.seen / v.habit.watchedDays) + (1 - v.trust) * view.traffic(road.id).convoysPerDay;
    const holds = v.escort + v.patrol < cell.strength ? 1 : 0.1;
    out.push({
      choice: 'checkpoint',
      // Valued per day of the cell's time, like an ambush: a checkpoint holds the cell for days.
      value: perDay * v.tankers * 0.15 * holds * 1.2 - v.patrol * 2,
      action: {
        type: 'ai/checkpoint',
        cell: cell.id,
        road: road.id as RoadId,
        delay: Math.min(THREAT_SETUP_HOURS + THREAT_MAX_EXTRA_DELAY, earliest),
        reason: because('checkpoint-traffic', { convoysSeen: v.habit.seen, escortStrength: v.escort, patrol: v.patrol }),
      },
    });
  }
  return out;
}

/** What taking a rural town next to the cell is worth: a base, recruits and reach, against the men a failed attack costs. */
function townCandidates(ctx: LevelContext, view: BlockadeView, cell: Immutable<Cell>): Candidate[] {
  if (view.hour < GRACE_HOURS) return [];
  const reach = new Set<string>([cell.town, ...neighbours(ctx, cell.town)]);
  return view.heldTowns
    .filter((town) => reach.has(town.id))
    .map((town) => {
      const win = townOdds(cell.strength, town);
      return {
        choice: 'attackTown' as const,
        value: win * TOWN_VALUE - (1 - win) * FAILED_ATTACK_COST,
        action: {
          type: 'ai/attackTown' as const,
          cell: cell.id,
          town: town.id,
          reason: because('town-exposed', { garrison: town.garrison, strength: cell.strength, need: town.need, winChance: win }),
        },
      };
    });
}

/** Trucks parked at a crossing in the country, within the cell's reach. */
function raidCandidates(ctx: LevelContext, view: BlockadeView, cell: Immutable<Cell>): Candidate[] {
  if (view.hour < GRACE_HOURS) return [];
  const reach = new Set<string>([cell.town, ...neighbours(ctx, cell.town)]);
  const home = ctx.towns.get(ctx.depot)?.country;
  return view.borders
    .filter((b) => b.open && b.waiting > 0 && reach.has(b.town) && ctx.towns.get(b.town)?.country === home)
    .map((b) => ({
      choice: 'raidBorder' as const,
      value: b.waiting * (0.25 + cell.strength * 0.05) * 0.8,
      action: {
        type: 'ai/raidBorder' as const,
        cell: cell.id,
        entry: b.entry as EntryId,
        reason: because('raid-border', { waiting: b.waiting, strength: cell.strength }),
      },
    }));
}

function pressureCandidates(ctx: LevelContext, view: BlockadeView, cell: Immutable<Cell>): Candidate[] {
  const corridors = new Set<CorridorId>((ctx.roadsAt.get(cell.town) ?? []).map((r) => r.corridor));
  const out: Candidate[] = [];
  for (const corridor of corridors) {
    const seen = view.sightings.filter((s) => ctx.roads.get(s.road)?.corridor === corridor).length;
    out.push({
      choice: 'intimidate',
      value: 0.3 + Math.min(seen, 10) * 0.05,
      action: { type: 'ai/intimidate', cell: cell.id, corridor, reason: because('drivers', { convoysSeen: seen }) },
    });
    if (!view.blockaded.includes(corridor) && view.hour >= HOURS_PER_DAY) {
      out.push({
        choice: 'declareBlockade',
        value: 4 + seen * 0.5,
        action: { type: 'ai/declareBlockade', cell: cell.id, corridor, reason: because('declare', { convoysSeen: seen }) },
      });
    }
  }
  return out;
}

/** The best this cell could do from `town` once there: an ambush, a raid or an attack. */
function opportunityAt(ctx: LevelContext, view: BlockadeView, cell: Immutable<Cell>, town: string, memo: Map<string, number>): number {
  const known = memo.get(town);
  if (known !== undefined) return known;
  const there = { ...cell, town: town as TownId };
  let best = 0;
  for (const road of ctx.roadsAt.get(town) ?? []) best = Math.max(best, ambushValue(ctx, view, there, road).value);
  const held = view.heldTowns.find((t) => t.id === town);
  if (held) best = Math.max(best, townOdds(cell.strength, held) * TOWN_VALUE - FAILED_ATTACK_COST);
  const border = view.borders.find((b) => b.town === town && b.open && ctx.towns.get(town)?.country === ctx.towns.get(ctx.depot)?.country);
  if (border) best = Math.max(best, border.waiting * 0.3);
  memo.set(town, best);
  return best;
}

function spreadOut(value: number, town: string, covered: ReadonlySet<string>): number {
  return covered.has(town) ? value / 2 : value;
}

/** Moving toward opportunity: the best within three moves, worth less the further and the longer the trip. */
function moveCandidates(ctx: LevelContext, view: BlockadeView, cell: Immutable<Cell>): Candidate[] {
  const taken = new Set<string>();
  for (const c of view.cells) if (c.id !== cell.id) taken.add(c.town);
  // Cells spread out: ground another cell already covers is worth half as much.
  const covered = new Set<string>(taken);
  for (const town of taken) for (const l of ctx.cellLinks.get(town) ?? []) covered.add(l.to);
  const memo = new Map<string, number>();
  const worth = (town: string): number => spreadOut(opportunityAt(ctx, view, cell, town, memo), town, covered);
  const out: Candidate[] = [];
  for (const link of ctx.cellLinks.get(cell.town) ?? []) {
    if (taken.has(link.to)) continue;
    let best = worth(link.to);
    for (const { to: second } of ctx.cellLinks.get(link.to) ?? []) {
      if (second === cell.town || taken.has(second)) continue;
      best = Math.max(best, 0.7 * worth(second));
      for (const { to: third } of ctx.cellLinks.get(second) ?? []) {
        if (third === cell.town || third === link.to || taken.has(third)) continue;
        best = Math.max(best, 0.5 * worth(third));
      }
    }
    const hours = view.travelHours(link.km);
    const exposed = view.heldTowns.some((t) => t.id === link.to && t.garrison === 0) ? 1 : 0;
    out.push({
      choice: 'move',
      value: best * 0.9 - hours / 36,
      action: {
        type: 'ai/move',
        cell: cell.id,
        to: link.to,
        reason: because('follow-traffic', { traffic: best, exposedTown: exposed }),
      },
    });
  }
  return out;
}

/** The moves the armed group makes now. Pure: the same view always gives the same moves. */
export function decideBlockade(ctx: LevelContext, state: Immutable<GameState>): AiAction[] {
  if (state.status !== 'playing') return [];
  // Most turns no cell is ready (each rests after acting): nothing to look at then.
  if (!state.cells.some((cell) => state.hour >= cell.readyAt)) return [];
  const view = observeForBlockade(ctx, state);
  const phase = phaseOf(Math.floor(view.hour / HOURS_PER_DAY) + 1, view.trust, view.difficulty);
  const moves: AiAction[] = [];
  let hunted: Map<string, Interception> | undefined;
  view.cells.forEach((cell, index) => {
    if (view.hour < cell.readyAt) return;
    const rng = derivedRng(view.seed, view.hour, index);
    hunted ??= interceptions(ctx, view);
    const candidates: Candidate[] = [
      { choice: 'rest', value: REST_VALUE[phase], action: null },
      ...roadCandidates(ctx, view, cell, hunted),
      ...townCandidates(ctx, view, cell),
      ...raidCandidates(ctx, view, cell),
      ...pressureCandidates(ctx, view, cell),
      ...moveCandidates(ctx, view, cell),
    ];
    let best: Candidate | undefined;
    let bestScore = -Infinity;
    for (const c of candidates) {
      const resolve = c.choice === 'rest' ? 1 : RESOLVE[view.difficulty];
      const score = c.value * phaseWeight(phase, c.choice) * resolve + (rng.int(0, 100) * NOISE[view.difficulty]) / 100;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    const draft = best?.action;
    const action = draft ? ({ ...draft, reason: reason(draft.reason.code, phase, draft.reason.factors) } as AiAction) : undefined;
    // Two cells never take the same road, town or corridor in one round.
    if (action && !moves.some((m) => m.type === action.type && targetOf(m) === targetOf(action))) moves.push(action);
  });
  return moves;
}

export function targetOf(a: AiAction): string {
  switch (a.type) {
    case 'ai/move':
      return a.to;
    case 'ai/ambush':
    case 'ai/checkpoint':
      return a.road;
    case 'ai/intimidate':
    case 'ai/declareBlockade':
      return a.corridor;
    case 'ai/attackTown':
      return a.town;
    case 'ai/raidBorder':
      return a.entry;
  }
}
