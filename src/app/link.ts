/**
 * Scenario links: `?level=<id>&seed=<n>&difficulty=<d>` opens that scenario directly, so an
 * instructor can give the whole class the same game. Bad links get a message, not a crash.
 */
import type { Difficulty } from '../sim/state';

export interface ScenarioLink {
  level: string;
  seed: number;
  difficulty: Difficulty;
}

export type LinkResult = { kind: 'none' } | { kind: 'ok'; link: ScenarioLink } | { kind: 'error'; reason: string };

const MAX_SEED = 2 ** 31 - 1;

export function parseScenarioLink(search: string, knownLevels: readonly string[]): LinkResult {
  if (search.length > 2000) return { kind: 'error', reason: 'the link is too long' };
  const params = new URLSearchParams(search);
  const level = params.get('level');
  if (level === null) return { kind: 'none' };
  if (!knownLevels.includes(level)) return { kind: 'error', reason: `there is no scenario "${level.slice(0, 40)}"` };
  const seedText = params.get('seed') ?? '1';
  if (!/^\d{1,10}$/.test(seedText) || Number(seedText) > MAX_SEED) return { kind: 'error', reason: `the seed "${seedText.slice(0, 20)}" is not a whole number from 0 to ${MAX_SEED}` };
  const difficulty = params.get('difficulty') ?? 'normal';
  if (difficulty !== 'easy' && difficulty !== 'normal' && difficulty !== 'hard') return { kind: 'error', reason: `the difficulty "${difficulty.slice(0, 20)}" is not easy, normal or hard` };
  return { kind: 'ok', link: { level, seed: Number(seedText), difficulty } };
}

export function scenarioSearch(link: ScenarioLink): string {
  return `?level=${encodeURIComponent(link.level)}&seed=${link.seed}&difficulty=${link.difficulty}`;
}
