/**
 * Storage that fails under a running game: the disk fills up (QuotaExceededError), the
 * browser revokes storage, IndexedDB breaks mid-session. The game must go on: a save that
 * cannot be written is kept in memory for this visit (Continue still works until the tab
 * closes), and the player is told once, so they can export their game to a file.
 */
import { memorySlot, type SaveSlot } from './saves';

export type StorageProblem = 'full' | 'unavailable';

/** QuotaExceededError (and Firefox's old NS_ERROR_DOM_QUOTA_REACHED) mean "full"; anything else, "unavailable". */
export function storageProblem(error: unknown): StorageProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' ? 'full' : 'unavailable';
}

/**
 * A slot whose writes never fail: when `slot` refuses one, the text goes to memory and
 * `onProblem` hears about it (once per kind of problem). Reads prefer the memory copy,
 * which is newer than anything the failing slot holds; a later successful write drops it.
 */
export function guardSlot(slot: SaveSlot, onProblem: (problem: StorageProblem) => void): SaveSlot {
  const memory = memorySlot();
  let inMemory = false;
  const told = new Set<StorageProblem>();
  const fail = (error: unknown): void => {
    const problem = storageProblem(error);
    if (told.has(problem)) return;
    told.add(problem);
    onProblem(problem);
  };
  return {
    get persistent() {
      return slot.persistent && !inMemory;
    },
    async read() {
      if (inMemory) return memory.read();
      return slot.read();
    },
    async write(text) {
      try {
        await slot.write(text);
        if (inMemory) await memory.clear();
        inMemory = false;
      } catch (error) {
        await memory.write(text);
        inMemory = true;
        fail(error);
      }
    },
    async keepBackup(text) {
      try {
        await slot.keepBackup(text);
      } catch (error) {
        await memory.keepBackup(text);
        fail(error);
      }
    },
    async clear() {
      await memory.clear();
      try {
        await slot.clear();
        inMemory = false;
      } catch (error) {
        // The slot still holds an older save: read from the (now empty) memory instead.
        inMemory = true;
        fail(error);
      }
    },
  };
}
