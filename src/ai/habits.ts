/**
 * What the armed group learns of the coordinator's habits from its informants: which roads
 * convoys take, at what hours they pass, how strongly they are escorted. Routes and hours
 * used often become likelier targets; varying them is the defence.
 */
import { AMBUSH_HOURS, HOURS_PER_DAY } from '../sim/balance';
import type { Immutable } from 'immer';
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
  /** Days since the first of them was seen (at least 1): how long informants have watched the road. */
  watchedDays: number;
}

export function roadHabit(sightings: readonly Immutable<Sighting>[], road: string, hour: number): RoadHabit {
  const hours = new Array<number>(HOURS_PER_DAY).fill(0);
  let seen = 0;
  let tankers = 0;
  let escort = 0;
  let first = hour;
  for (const s of sightings) {
    if (s.road !== road) continue;
    seen += 1;
    first = Math.min(first, s.hour);
    tankers += s.tankers;
    escort += s.escortStrength;
    hours[s.seenHourOfDay] = (hours[s.seenHourOfDay] ?? 0) + 1;
  }
  const busiest = bestWindow(hours, AMBUSH_HOURS);
  const watchedDays = Math.max(1, Math.ceil((hour - first) / HOURS_PER_DAY));
  return seen === 0
    ? { seen, tankers: 0, escort: 0, windowStart: busiest.start, inWindow: 0, watchedDays }
    : { seen, tankers: tankers / seen, escort: escort / seen, windowStart: busiest.start, inWindow: busiest.count, watchedDays };
}

/** The `length`-hour window (wrapping past midnight) holding the most passages. */
export function bestWindow(hours: readonly number[], length: number): { start: number; count: number } {
  const n = hours.length;
  // A sliding sum: the window starting at `start` gains the hour at its end and loses the one before it.
  let count = 0;
  for (let i = 0; i < length; i++) count += hours[i % n] ?? 0;
  let best = { start: 0, count };
  for (let start = 1; start < n; start++) {
    count += (hours[(start + length - 1) % n] ?? 0) - (hours[start - 1] ?? 0);
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
