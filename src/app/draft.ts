/**
 * Play-testing a level from the editor. The editor checks the draft with the full level
 * parser and stores the normalised level in this tab's session storage (see
 * src/editor/draft.ts); the game page reads it back without a parser of its own, so its
 * JavaScript stays small. A draft game is never saved over the player's own game.
 */
import type { Level } from '../levels/schema';

export const DRAFT_STORAGE_KEY = 'lifeline-bamako/draft-level';
const MAX_DRAFT_CHARS = 2 * 1024 * 1024;

export type DraftRead = { ok: true; level: Level } | { ok: false; error: string };

export function readDraft(storage: Pick<Storage, 'getItem'> | undefined): DraftRead {
  let text: string | null = null;
  try {
    text = storage?.getItem(DRAFT_STORAGE_KEY) ?? null;
  } catch {
    return { ok: false, error: 'this browser does not let the game read the draft' };
  }
  if (!text) return { ok: false, error: 'there is no draft to play: press Play-test in the editor again' };
  if (text.length > MAX_DRAFT_CHARS) return { ok: false, error: 'the draft is larger than a level may be' };
  try {
    const level = JSON.parse(text) as Partial<Level>;
    const arrays = [level.towns, level.roads, level.entryPoints, level.units, level.events, level.randomEvents, level.sources];
    if (typeof level.id !== 'string' || typeof level.days !== 'number' || !arrays.every(Array.isArray)) {
      return { ok: false, error: 'the draft is not a level checked by the editor' };
    }
    return { ok: true, level: level as Level };
  } catch {
    return { ok: false, error: 'the draft is not JSON' };
  }
}
