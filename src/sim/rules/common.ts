/** Small helpers shared by the rule modules. */
import type { GameState, NewsItem, SimError, TrustCause } from '../state';

export function simError(action: string, code: string, message: string): SimError {
  return { action, code, message };
}

export function clamp(value: number, lo: number, hi: number): number {
  return value < lo ? lo : value > hi ? hi : value;
}

export function pushNews(state: GameState, item: Omit<NewsItem, 'hour'>): void {
  state.news.push({ hour: state.hour, ...item });
}

/** Trust changes are gathered during the day and applied, with their causes, at its end. */
export function addTrust(state: GameState, cause: TrustCause, delta: number): void {
  if (delta === 0) return;
  const entry = state.city.pendingTrust.find((t) => t.cause === cause);
  if (entry) entry.delta += delta;
  else state.city.pendingTrust.push({ cause, delta });
}
