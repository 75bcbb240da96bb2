/**
 * Which sounds a change of game state calls for: pure, so that it is tested like a rule and
 * the Howler side only plays what it is told. Sounds only ever repeat what the HUD already
 * says in words (nothing is told by sound alone).
 */
import type { Immutable } from 'immer';
import type { Convoy, GameState, NewsKind } from '../sim/state';

export type SoundName = 'depart' | 'arrive' | 'attack' | 'alert' | 'click';
/** The loop under play; not a one-shot, so it is not a `SoundName`. */
export const AMBIENCE = 'ambience';
export const SOUND_NAMES: readonly SoundName[] = ['depart', 'arrive', 'attack', 'alert', 'click'];

/** News kinds that have a sound. The others (events, policies, checkpoints…) are read, not heard. */
const NEWS_SOUNDS: Partial<Record<NewsKind, SoundName>> = {
  arrival: 'arrive',
  attack: 'attack',
  blockade: 'alert',
  town: 'alert',
  refusal: 'alert',
};

/** A convoy "starts moving" when it leaves its border post or a player's halt, not when a checkpoint lets it go. */
function departed(before: Immutable<Convoy> | undefined, after: Immutable<Convoy>): boolean {
  if (after.status !== 'moving') return false;
  return before === undefined || before.status === 'waiting' || before.status === 'halted';
}

/**
 * The one-shot sounds for the step from `previous` to `next`, each at most once, in a fixed
 * order. Nothing when the two states are not one game (a new game, a loaded save).
 */
export function soundsFor(previous: Immutable<GameState>, next: Immutable<GameState>): SoundName[] {
  if (previous === next) return [];
  if (previous.levelId !== next.levelId || previous.seed !== next.seed || next.hour < previous.hour || next.news.length < previous.news.length) return [];
  const wanted = new Set<SoundName>();

  const before = new Map(previous.convoys.map((c) => [c.id, c]));
  if (next.convoys.some((c) => departed(before.get(c.id), c))) wanted.add('depart');

  for (let i = previous.news.length; i < next.news.length; i++) {
    const sound = NEWS_SOUNDS[next.news[i]!.kind];
    if (sound) wanted.add(sound);
  }
  return SOUND_NAMES.filter((name) => wanted.has(name));
}

/** At most one sound of a kind per `gapMs`: several hours run in one frame at ×4 must not stack a sound. */
export class RateLimiter {
  private last = new Map<string, number>();

  constructor(private readonly gapMs = 500) {}

  /** True (and remembers `now`) if `name` may play at `now`. */
  allow(name: string, now: number): boolean {
    const last = this.last.get(name);
    if (last !== undefined && now - last < this.gapMs) return false;
    this.last.set(name, now);
    return true;
  }
}
