/**
 * What the armed group learns of the coordinator's habits from its informants: which roads
 * convoys take, at what hours they pass, how strongly they are escorted. Routes and hours
 * used often become likelier targets; varying them is the defence.
 */
import { AMBUSH_HOURS, HOURS_PER_DAY } from '../sim/balance';
import type { Sighting } from '../sim/state';

export interface RoadHabit {
  /** Convoys seen on the road within memory. */
  seen: number;
  tankers: number;
  escort: number;
  /** Start hour (0–23) of the ambush-long window in which most of them passed. */
  windowStart: number;
  /** How many of them passed in that stretch of hours. */
  inWindow: number;
}

export function roadHabit(sightings: readonly Sighting[], road: string): RoadHabit {
  const hours = new Array<number>(HOURS_PER_DAY).fill(0);
  let seen = 0;
  let tankers = 0;
  let escort = 0;
  for (const s of sightings) {
    if (s.road !== road) continue;
    seen += 1;
    tankers += s.tankers;
    escort += s.escortStrength;
    hours[s.seenHourOfDay] = (hours[s.seenHourOfDay] ?? 0) + 1;
  }
  const busiest = bestWindow(hours, AMBUSH_HOURS);
  return seen === 0
    ? { seen, tankers: 0, escort: 0, windowStart: busiest.start, inWindow: 0 }
    : { seen, tankers: tankers / seen, escort: escort / seen, windowStart: busiest.start, inWindow: busiest.count };
}

/** The `length`-hour window (wrapping past midnight) holding the most passages. */
export function bestWindow(hours: readonly number[], length: number): { start: number; count: number } {
  let best = { start: 0, count: -1 };
  for (let start = 0; start < hours.length; start++) {
    let count = 0;
    for (let i = 0; i < length; i++) count += hours[(start + i) % hours.length] ?? 0;
    if (count > best.count) best = { start, count };
  }
  return best;
}

/** Hours from `hour` until the next time the clock shows `hourOfDay`, at least `min`. */
export function hoursUntil(hour: number, hourOfDay: number, min: number): number {
  let wait = (hourOfDay - (hour % HOURS_PER_DAY) + HOURS_PER_DAY) % HOURS_PER_DAY;
  while (wait < min) wait += HOURS_PER_DAY;
  return wait;
}
