/** Play-testing: the editor leaves the level in session storage and the game page reads it back, checked. */
import { describe, expect, it } from 'vitest';
import { DRAFT_STORAGE_KEY, draftPlayUrl, draftRequest, loadDraftLevel, MAX_DRAFT_BYTES, storeDraft } from '../../src/editor/draft';
import { serialiseLevel } from '../../src/editor/serialise';
import { templateLevel } from '../../src/editor/template';
import { MAX_LEVEL_BYTES } from '../../src/levels/parse';

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
    expect(draftRequest('?draft=1&seed=7&difficulty=hard')).toEqual({ seed: 7, difficulty: 'hard' });
    expect(draftRequest('?draft=1')).toEqual({ seed: 1, difficulty: 'normal' });
    expect(draftRequest('?draft=1&seed=-3&difficulty=impossible')).toEqual({ seed: 1, difficulty: 'normal' });
    expect(draftRequest('?level=tutorial&seed=1')).toBeNull();
  });

  it('gives nothing when the page was not opened for a draft', async () => {
    const storage = memoryStorage();
    storage.setItem(DRAFT_STORAGE_KEY, serialiseLevel(templateLevel()));
    await expect(loadDraftLevel('?level=tutorial', storage)).resolves.toBeNull();
  });

  it('reads back the level the editor stored', async () => {
    const storage = memoryStorage();
    expect(storeDraft(serialiseLevel(templateLevel()), storage)).toMatchObject({ ok: true });
    const loaded = await loadDraftLevel('?draft=1&seed=3', storage);
    expect(loaded?.ok).toBe(true);
    if (loaded?.ok) {
      expect(loaded.level.id).toBe('my-level');
      // Parsed like a shipped level: defaults are filled in.
      expect(loaded.level.towns[2]!.garrisonNeed).toBe(0);
    }
  });

  it('explains a missing draft and lists the problems of an invalid one, as levels:check does', async () => {
    const empty = await loadDraftLevel('?draft=1', memoryStorage());
    expect(empty).toMatchObject({ ok: false });
    if (empty && !empty.ok) expect(empty.problems[0]).toMatch(/no draft level/);
    const storage = memoryStorage();
    storage.setItem(DRAFT_STORAGE_KEY, serialiseLevel({ ...templateLevel(), days: 0 }));
    const bad = await loadDraftLevel('?draft=1', storage);
    expect(bad).toMatchObject({ ok: false });
    if (bad && !bad.ok) expect(bad.problems).toEqual([expect.stringMatching(/^draft\.json:\d+:\d+: days: /)]);
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
