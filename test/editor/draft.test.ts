/** Play-testing: the editor leaves the checked level in session storage and the game page reads it back. */
import { describe, expect, it } from 'vitest';
import { DRAFT_STORAGE_KEY, readDraft } from '../../src/app/draft';
import { draftPlayUrl, MAX_DRAFT_BYTES, storeDraft } from '../../src/editor/draft';
import { serialiseLevel } from '../../src/editor/serialise';
import { templateLevel } from '../../src/editor/template';
import { MAX_LEVEL_BYTES, parseLevel } from '../../src/levels/parse';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('the play-test contract', () => {
  it('uses the documented key and the limit of a level file', () => {
    expect(DRAFT_STORAGE_KEY).toBe('lifeline-bamako/draft-level');
    expect(MAX_DRAFT_BYTES).toBe(MAX_LEVEL_BYTES);
  });

  it('opens the game page with draft=1, a seed and a difficulty', () => {
    expect(draftPlayUrl(7, 'hard')).toBe('./index.html?draft=1&seed=7&difficulty=hard');
  });

  it('the game reads back the level the editor checked and stored, defaults filled in', () => {
    const storage = memoryStorage();
    const checked = parseLevel(serialiseLevel(templateLevel()), 'my-level.json');
    if (!checked.ok) throw new Error('the template is a valid level');
    expect(storeDraft(JSON.stringify(checked.value), storage)).toMatchObject({ ok: true });
    const read = readDraft(storage);
    expect(read.ok && read.level.id).toBe('my-level');
    expect(read.ok && read.level.towns[2]!.garrisonNeed).toBe(0);
  });

  it('the game explains a missing draft and refuses text that is not a checked level', () => {
    expect(readDraft(memoryStorage())).toMatchObject({ ok: false, error: expect.stringMatching(/no draft/) });
    const storage = memoryStorage();
    storage.setItem(DRAFT_STORAGE_KEY, '{"id": "x"}');
    expect(readDraft(storage)).toMatchObject({ ok: false });
  });

  it('refuses a draft larger than a level file, before writing it', () => {
    const storage = memoryStorage();
    const huge = 'x'.repeat(MAX_DRAFT_BYTES + 1);
    expect(storeDraft(huge, storage)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(storage.getItem(DRAFT_STORAGE_KEY)).toBeNull();
  });

  it('reports a storage that refuses the write', () => {
    const full = { setItem: () => { throw new DOMException('quota', 'QuotaExceededError'); } };
    expect(storeDraft('{}', full)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(storeDraft('{}', undefined)).toMatchObject({ ok: false, reason: 'unavailable' });
  });
});
