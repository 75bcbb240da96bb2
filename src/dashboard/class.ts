/**
 * The instructor's class as the reference for every result: a result verified by replay may
 * still have been played on another scenario (a link without the class's injects, a policy
 * the class did not offer, a bonus effect, a command-line game, another version of the
 * level). Each difference is named, so that the instructor can tell a student what happened.
 * Pure: catalog keys and values, said in words by the page.
 */
import { normalizeSettings, type ClassFile } from '../app/share';
import type { PolicyId } from '../levels/schema';
import type { Inject } from '../sim/scenario';
import type { Difficulty } from '../sim/state';
import type { PlayedScenario } from './analysis';

export type Difference =
  | { key: 'dash.diff.level'; params: { played: string; class: string } }
  | { key: 'dash.diff.version'; params: Record<string, never> }
  | { key: 'dash.diff.seed'; params: { played: number; class: number } }
  | { key: 'dash.diff.difficulty'; params: { played: Difficulty; class: Difficulty } }
  | { key: 'dash.diff.injectCount'; params: { played: number; class: number } }
  | { key: 'dash.diff.inject'; params: { n: number } }
  | { key: 'dash.diff.effects'; params: { n: number } }
  /** `null`: every policy of the level. */
  | { key: 'dash.diff.policies'; params: { played: readonly PolicyId[] | null; class: readonly PolicyId[] | null } }
  /** `null`: a free speed. */
  | { key: 'dash.diff.speed'; params: { played: number | null; class: number | null } }
  /** `null`: no time limit. */
  | { key: 'dash.diff.timeLimit'; params: { played: number | null; class: number | null } };

/** The class to check against, and the hash of its level: from the class file, or the shipped level when the class came as a link. */
export interface ClassReference {
  link: ClassFile;
  levelHash: string | undefined;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const withoutEffects = ({ effects: _effects, ...inject }: Inject): Inject => inject;

/** How a result's scenario differs from the class's; empty when it is the class's game. */
export function classDifferences(reference: ClassReference, played: PlayedScenario): Difference[] {
  const link = reference.link;
  const diffs: Difference[] = [];
  if (played.level.id !== link.level) return [{ key: 'dash.diff.level', params: { played: played.level.id, class: link.level } }];
  if (reference.levelHash !== undefined && played.level.hash !== reference.levelHash) diffs.push({ key: 'dash.diff.version', params: {} });
  if (played.seed !== link.seed) diffs.push({ key: 'dash.diff.seed', params: { played: played.seed, class: link.seed } });
  if (played.difficulty !== link.difficulty) diffs.push({ key: 'dash.diff.difficulty', params: { played: played.difficulty, class: link.difficulty } });
  const mine = normalizeSettings(played.settings);
  const theirs = normalizeSettings(link.settings);
  if (mine.injects.length !== theirs.injects.length) diffs.push({ key: 'dash.diff.injectCount', params: { played: mine.injects.length, class: theirs.injects.length } });
  else {
    mine.injects.forEach((inject, i) => {
      const other = theirs.injects[i]!;
      if (!same(withoutEffects(inject), withoutEffects(other))) diffs.push({ key: 'dash.diff.inject', params: { n: i + 1 } });
      else if (!same(inject.effects ?? {}, other.effects ?? {})) diffs.push({ key: 'dash.diff.effects', params: { n: i + 1 } });
    });
  }
  if (!same(mine.policies ?? null, theirs.policies ?? null)) diffs.push({ key: 'dash.diff.policies', params: { played: mine.policies ?? null, class: theirs.policies ?? null } });
  if (mine.speedLock !== theirs.speedLock) diffs.push({ key: 'dash.diff.speed', params: { played: mine.speedLock ?? null, class: theirs.speedLock ?? null } });
  if (mine.timeLimitMin !== theirs.timeLimitMin) diffs.push({ key: 'dash.diff.timeLimit', params: { played: mine.timeLimitMin ?? null, class: theirs.timeLimitMin ?? null } });
  return diffs;
}
