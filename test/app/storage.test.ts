/**
 * Storage that fails: a full disk, a browser without IndexedDB, settings full of someone
 * else's data. The game keeps running, keeps the player's game for the visit, and says so.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSave, memorySlot, openSaveSlot, parseSave, type SaveSlot } from '../../src/app/saves';
import { GameSession } from '../../src/app/session';
import { defaultSettings, loadSettings, MAX_SETTINGS_CHARS, saveSettings, wantsReducedMotion, type Settings } from '../../src/app/settings';
import { guardSlot, storageProblem, type StorageProblem } from '../../src/app/storage';
import { shippedContext } from '../helpers';

const quotaExceeded = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** A slot that works until `breakIt` is called, then throws `error` on every write. */
function breakableSlot(error: () => unknown): SaveSlot & { breakIt(): void; repair(): void; stored(): string | undefined } {
  const inner = memorySlot();
  let broken = false;
  let last: string | undefined;
  return {
    persistent: true,
    read: () => inner.read(),
    async write(text) {
      if (broken) throw error();
      last = text;
      await inner.write(text);
    },
    async keepBackup(text) {
      if (broken) throw error();
      await inner.keepBackup(text);
    },
    async clear() {
      if (broken) throw error();
      last = undefined;
      await inner.clear();
    },
    breakIt: () => void (broken = true),
    repair: () => void (broken = false),
    stored: () => last,
  };
}

describe('a save slot whose writes fail (storage full)', () => {
  const ctx = shippedContext('tutorial');

  it('the game keeps running, the newest save stays readable, and the player is told once', async () => {
    const disk = breakableSlot(quotaExceeded);
    const told: StorageProblem[] = [];
    const slot = guardSlot(disk, (problem) => told.push(problem));
    const session = GameSession.start(ctx, 5, 'normal');
    // The autosave of each new day, as the page does it.
    const autosave = () => slot.write(JSON.stringify(makeSave(session, '2026-11-25T00:00:00.000Z')));
    await autosave();
    const savedOnDisk = disk.stored();
    disk.breakIt();
    for (let day = 0; day < 3; day++) {
      session.advanceHours(24);
      await expect(autosave()).resolves.toBeUndefined();
    }
    expect(told).toEqual(['full']);
    expect(slot.persistent).toBe(false);
    // Continue in this visit resumes the newest game, not the last one the disk took.
    const text = await slot.read();
    const parsed = parseSave(text ?? '');
    expect(parsed.ok && parsed.value.stateHash).toBe(session.hash);
    expect(disk.stored()).toBe(savedOnDisk);
    // The game itself never noticed.
    session.advanceHours(5);
    expect(session.state.hour).toBe(3 * 24 + 5);
  });

  it('goes back to the disk when writes succeed again', async () => {
    const disk = breakableSlot(quotaExceeded);
    const slot = guardSlot(disk, () => undefined);
    disk.breakIt();
    await slot.write('in memory');
    disk.repair();
    await slot.write('on disk');
    expect(slot.persistent).toBe(true);
    expect(disk.stored()).toBe('on disk');
    expect(await slot.read()).toBe('on disk');
  });

  it('keeps a backup in memory when the disk refuses it, and a failed clear hides the stale save', async () => {
    const disk = breakableSlot(() => new DOMException('gone', 'InvalidStateError'));
    const told: StorageProblem[] = [];
    const slot = guardSlot(disk, (problem) => told.push(problem));
    await slot.write('old game');
    disk.breakIt();
    await expect(slot.keepBackup('bad file')).resolves.toBeUndefined();
    await expect(slot.clear()).resolves.toBeUndefined();
    expect(await slot.read()).toBeUndefined();
    expect(told).toEqual(['unavailable']);
  });

  it('tells "full" from other failures', () => {
    expect(storageProblem(quotaExceeded())).toBe('full');
    expect(storageProblem({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe('full');
    expect(storageProblem(new DOMException('x', 'UnknownError'))).toBe('unavailable');
    expect(storageProblem('a string')).toBe('unavailable');
    expect(storageProblem(null)).toBe('unavailable');
  });
});

describe('IndexedDB unavailable', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('no IndexedDB at all (old browsers, some private modes): a memory slot, and the page says so', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const slot = await openSaveSlot();
    expect(slot.persistent).toBe(false);
    await slot.write('game');
    expect(await slot.read()).toBe('game');
  });

  it('IndexedDB that throws when opened: a memory slot', async () => {
    vi.stubGlobal('indexedDB', {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    const slot = await openSaveSlot();
    expect(slot.persistent).toBe(false);
  });

  it('IndexedDB whose database fails to open (storage disabled): a memory slot', async () => {
    vi.stubGlobal('indexedDB', {
      open: () => {
        const request: Record<string, unknown> = { error: new DOMException('denied', 'UnknownError') };
        setTimeout(() => (request.onerror as (() => void) | undefined)?.(), 0);
        return request;
      },
    });
    const slot = await openSaveSlot();
    expect(slot.persistent).toBe(false);
  });
});

describe('settings in localStorage', () => {
  const fallback = defaultSettings(['en-GB']);
  const stored = (raw: string | null) => ({ getItem: () => raw });

  it('round-trip, with the accessibility modes and the alerts that stop the clock', () => {
    let raw: string | null = null;
    const settings: Settings = { lang: 'fr', sound: true, volume: 0.25, reducedMotion: true, colourBlind: true, pauseOnAlerts: false };
    saveSettings({ setItem: (_key, value) => void (raw = value) }, settings);
    expect(loadSettings(stored(raw), fallback)).toEqual(settings);
  });

  it('older settings without the accessibility modes keep the defaults for them', () => {
    expect(loadSettings(stored(JSON.stringify({ lang: 'fr', sound: true, volume: 0.5 })), fallback)).toEqual({ ...fallback, lang: 'fr', sound: true, volume: 0.5 });
  });

  it('alerts stop the clock unless the player turned them off', () => {
    expect(fallback.pauseOnAlerts).toBe(true);
    expect(loadSettings(stored(JSON.stringify({ lang: 'en' })), fallback).pauseOnAlerts).toBe(true);
    expect(loadSettings(stored(JSON.stringify({ pauseOnAlerts: false })), fallback).pauseOnAlerts).toBe(false);
    expect(loadSettings(stored(JSON.stringify({ pauseOnAlerts: 'no' })), fallback).pauseOnAlerts).toBe(true);
  });

  it(`ignore anything over ${MAX_SETTINGS_CHARS} characters without parsing it`, () => {
    const big = JSON.stringify({ lang: 'fr', padding: 'x'.repeat(MAX_SETTINGS_CHARS) });
    const parse = vi.spyOn(JSON, 'parse');
    expect(loadSettings(stored(big), fallback)).toEqual(fallback);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(loadSettings(stored(JSON.stringify({ lang: 'fr' })), fallback).lang).toBe('fr');
  });

  it('never throw and always give valid settings, whatever is stored', () => {
    const valid = (s: Settings) =>
      (s.lang === 'en' || s.lang === 'fr') &&
      typeof s.sound === 'boolean' &&
      s.volume >= 0 &&
      s.volume <= 1 &&
      typeof s.reducedMotion === 'boolean' &&
      typeof s.colourBlind === 'boolean' &&
      typeof s.pauseOnAlerts === 'boolean' &&
      Object.keys(s).length === 6;
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'), fc.constant(null)), (raw) => {
        expect(valid(loadSettings(stored(raw), fallback))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.record({ lang: fc.jsonValue(), sound: fc.jsonValue(), volume: fc.jsonValue(), reducedMotion: fc.jsonValue(), colourBlind: fc.jsonValue(), pauseOnAlerts: fc.jsonValue() }, { requiredKeys: [] }), (doc) => {
        expect(valid(loadSettings(stored(JSON.stringify(doc)), fallback))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('survive a storage that throws on read and on write', () => {
    expect(loadSettings({ getItem: () => { throw new DOMException('denied', 'SecurityError'); } }, fallback)).toEqual(fallback);
    expect(() => saveSettings({ setItem: () => { throw quotaExceeded(); } }, fallback)).not.toThrow();
  });

  it('reduced motion: the setting, or the system preference', () => {
    const system = (reduce: boolean) => ({ matchMedia: (q: string) => ({ matches: reduce && q.includes('reduce') }) as MediaQueryList });
    expect(wantsReducedMotion({ reducedMotion: false }, system(false))).toBe(false);
    expect(wantsReducedMotion({ reducedMotion: true }, system(false))).toBe(true);
    expect(wantsReducedMotion({ reducedMotion: false }, system(true))).toBe(true);
    expect(wantsReducedMotion({ reducedMotion: false })).toBe(false);
  });
});
