/**
 * Scenario links: `?level=<id>&seed=<n>&difficulty=<d>` opens that scenario directly, so an
 * instructor can give the whole class the same game. Bad links get a message, not a crash.
 */
import { clip, reason, type Reason } from '../sim/reason';
import type { Difficulty } from '../sim/state';

export interface ScenarioLink {
  level: string;
  seed: number;
  difficulty: Difficulty;
}

export type LinkResult = { kind: 'none' } | { kind: 'ok'; link: ScenarioLink } | { kind: 'error'; reason: Reason };

const MAX_SEED = 2 ** 31 - 1;

export function parseScenarioLink(search: string, knownLevels: readonly string[]): LinkResult {
  if (search.length > 2000) return { kind: 'error', reason: reason('link.tooLong') };
  const params = new URLSearchParams(search);
  const level = params.get('level');
  if (level === null) return { kind: 'none' };
  if (!knownLevels.includes(level)) return { kind: 'error', reason: reason('link.unknownLevel', { level: clip(level, 40) }) };
  const seedText = params.get('seed') ?? '1';
  if (!/^\d{1,10}$/.test(seedText) || Number(seedText) > MAX_SEED) return { kind: 'error', reason: reason('link.badSeed', { seed: clip(seedText, 20), max: MAX_SEED }) };
  const difficulty = params.get('difficulty') ?? 'normal';
  if (difficulty !== 'easy' && difficulty !== 'normal' && difficulty !== 'hard') return { kind: 'error', reason: reason('link.badDifficulty', { difficulty: clip(difficulty, 20) }) };
  return { kind: 'ok', link: { level, seed: Number(seedText), difficulty } };
}

export function scenarioSearch(link: ScenarioLink): string {
  return `?level=${encodeURIComponent(link.level)}&seed=${link.seed}&difficulty=${link.difficulty}`;
}
