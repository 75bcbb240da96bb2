/**
 * Saved games outlive releases: a student saves on Friday, the site updates over the weekend,
 * and Monday's game must still open. Each fixture here was recorded by the game of its time
 * (test/app/fixtures/make-save.ts) and is never regenerated to make a test pass: a format
 * change needs a migration in src/app/saves.ts, not a new fixture.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reasonText } from '../../src/app/i18n';
import { parseSave, SAVE_VERSION } from '../../src/app/saves';
import { GameSession } from '../../src/app/session';
import type { Level } from '../../src/levels/schema';
import { scenarioContext } from '../../src/sim/scenario';

const dir = new URL('./fixtures/', import.meta.url);
const fixtures = readdirSync(dir).filter((f) => /^save-v\d+\.json$/.test(f)).sort();
const read = (file: string): string => readFileSync(new URL(file, dir), 'utf8');

describe('saves from every released format', () => {
  it('there is a fixture for the current format', () => {
    expect(fixtures).toContain(`save-v${SAVE_VERSION}.json`);
  });

  it.each(fixtures)('%s still loads (a failure here is a format break: add a migration)', (file) => {
    const parsed = parseSave(read(file));
    expect(parsed.ok ? 'ok' : reasonText(parsed.reason, 'en')).toBe('ok');
    if (parsed.ok) expect(parsed.value.version).toBe(SAVE_VERSION);
  });

  it.each(fixtures)('%s resumes at its stored state hash, as Continue does', (file) => {
    const parsed = parseSave(read(file));
    if (!parsed.ok) throw new Error(reasonText(parsed.reason, 'en'));
    const save = parsed.value;
    // The level as the build served it when the save was made.
    const level = JSON.parse(read(file.replace(/\.json$/, '.level.json'))) as Level;
    const scenario = scenarioContext(level, save.settings);
    if (!scenario.ok) throw new Error(reasonText(scenario.reason, 'en'));
    expect(scenario.ctx.levelHash, 'the level hash is computed as it was').toBe(save.level.hash);
    const session = GameSession.resume(scenario.ctx, save.seed, save.difficulty, save.log, save.settings);
    expect(
      session.hash,
      'replaying the saved log no longer reaches the saved state: the rules changed, and saves made before this change will be refused ' +
        '("replaying it does not give the saved game"). If that is intended, say so in the release notes and record a new fixture.',
    ).toBe(save.stateHash);
    expect(Math.floor(session.state.hour / 24) + 1).toBe(save.day);
    expect(session.log.filter((a) => !a.type.startsWith('ai/') && a.type !== 'tick').length, 'the fixture has player commands').toBeGreaterThan(0);
  });
});
