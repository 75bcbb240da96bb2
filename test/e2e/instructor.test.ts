/**
 * A lesson, end to end: the instructor sets up a class scenario with an inject of their own
 * (with an effect), a locked speed and a time limit, and gets one link and a class file; a
 * student opens it, reads what the class's settings change before play, plays at the locked
 * speed (the other speeds and "Next morning" are off and say why), leaves, reopens the link
 * and is back at the same hour; the inject reaches them on its day; they hand in the result
 * under an alias; a game whose time ran out says so; the class dashboard, given the class
 * file, counts the result, flags a tampered copy, a copy under another name and a game of
 * another scenario, naming the difference; and the Node replay (`npm run replay`) verifies
 * the browser's file too.
 *
 * The tests are steps of one lesson and run in order.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { reasonText } from '../../src/app/i18n';
import { playMatch } from '../../src/ai/match';
import { resultCode } from '../../src/app/results';
import { makeSave } from '../../src/app/saves';
import { GameSession } from '../../src/app/session';
import { encodeShareLink, parseSettingsFile, parseShareLink, type ShareLink } from '../../src/app/share';
import { levelHash } from '../../src/sim/context';
import { buildResult, parseResult, type ResultFile } from '../../src/sim/result';
import { scenarioContext } from '../../src/sim/scenario';
import { loadLevelFile } from '../helpers';
import { openPage, screenshot } from '../../src/cli/web/browser';
import { REPO_ROOT } from '../../src/cli/web/build';
import { siteUrl, sharedBrowser } from './site';

const baseUrl = siteUrl();
const LEVELS = ['tutorial', 'bamako-2025', 'classroom-20min', 'what-if-rn7-cut'];
const INJECT = { day: 2, titleEn: 'Class inject: tanker drivers strike', titleFr: 'Injection de classe : grève des chauffeurs', bodyEn: 'Drivers at the border refuse to leave until their pay is raised.', bodyFr: 'À la frontière, les chauffeurs refusent de partir sans une hausse de leur paie.' };
const SEED = 7;
const work = mkdtempSync(join(tmpdir(), 'lifeline-lesson-'));

const browser = sharedBrowser();

/** What one step of the lesson hands to the next. */
const lesson: { url?: string; link?: ShareLink; classPath?: string; resultPath?: string; result?: ResultFile } = {};

async function download(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(work, name);
  await file.saveAs(path);
  return path;
}

describe.sequential('a lesson with a class scenario', () => {
  it('the instructor sets up the tutorial with an inject and gets a link and a QR code', async () => {
    const tab = await openPage(browser());
    try {
      const { page } = tab;
      await page.goto(`${baseUrl}instructor.html`);
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      await page.getByRole('radio', { name: /Tutorial/ }).check();
      await page.getByRole('textbox', { name: 'Seed' }).fill(String(SEED));
      await page.getByRole('button', { name: 'Add an inject' }).click();
      const inject = page.getByRole('group', { name: 'Inject 1' });
      // A day after the end is caught at once, on its field and in the list of problems.
      await inject.getByRole('textbox', { name: /^Day/ }).fill('99');
      await inject.getByRole('radio', { name: 'My own news' }).check();
      await expect.poll(() => page.locator('#problems').textContent()).toContain('Inject 1: the day must be a whole number from 1 to 10.');
      expect(await inject.getByRole('textbox', { name: /^Day/ }).getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#share-ready').isHidden()).toBe(true);

      await inject.getByRole('textbox', { name: /^Day/ }).fill(String(INJECT.day));
      await inject.getByRole('textbox', { name: 'Headline in English' }).fill(INJECT.titleEn);
      await inject.getByRole('textbox', { name: 'Headline in French' }).fill(INJECT.titleFr);
      await inject.getByRole('textbox', { name: 'Text in English' }).fill(INJECT.bodyEn);
      await inject.getByRole('textbox', { name: 'Text in French' }).fill(INJECT.bodyFr);
      // An effect beyond what the page offers is refused on its field; one within it is said in words.
      const stock = inject.getByRole('textbox', { name: 'Litres added to the depot (negative: removed)' });
      await stock.fill('50000000');
      await expect.poll(() => page.locator('#problems').textContent()).toContain('Inject 1: the litres must be a whole number from −5,000,000 to +5,000,000, or empty.');
      await stock.fill('2000000');
      await page.getByRole('textbox', { name: 'Time limit in minutes (optional)' }).fill('20');
      await page.getByRole('radio', { name: /^Locked/ }).check();
      await page.getByRole('combobox', { name: 'Locked speed' }).selectOption('2');
      await expect.poll(() => page.locator('#problems').isHidden()).toBe(true);
      await expect.poll(() => page.locator('#share-changes').textContent()).toContain('Day 2: news written by your instructor, with this effect on the game: depot +2,000,000 L.');
      expect(await page.locator('#share-changes').textContent()).toContain('The game runs at speed ×2');

      const url = await page.getByRole('textbox', { name: 'Link for students' }).inputValue();
      expect(url.startsWith(`${baseUrl}index.html?s=1.`)).toBe(true);
      expect(url.length).toBeLessThan(600);
      const parsed = parseShareLink(new URL(url).search, LEVELS);
      expect(parsed).toEqual({
        kind: 'ok',
        link: {
          level: 'tutorial',
          seed: SEED,
          difficulty: 'normal',
          settings: {
            injects: [{ day: INJECT.day, title: { en: INJECT.titleEn, fr: INJECT.titleFr }, body: { en: INJECT.bodyEn, fr: INJECT.bodyFr }, effects: { stockL: 2_000_000 } }],
            timeLimitMin: 20,
            speedLock: 2,
          },
        },
      });
      lesson.url = url;
      lesson.link = parsed.kind === 'ok' ? parsed.link : undefined;

      // The QR code is drawn, crisp and big enough to project.
      const qr = page.getByRole('img', { name: 'QR code of the link for students' });
      const box = await qr.boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(300);
      expect(await qr.evaluate((c) => (c as HTMLCanvasElement).width)).toBeGreaterThan(20);

      // The class file reads back as the same link, with its level's version, and the page's address keeps the setup.
      lesson.classPath = await download(page, () => page.getByRole('button', { name: 'Save the class file' }).click(), 'class.json');
      expect(parseSettingsFile(readFileSync(lesson.classPath, 'utf8'), LEVELS)).toEqual({ ok: true, value: { ...lesson.link, levelHash: levelHash(loadLevelFile('levels/tutorial.json')) } });
      expect(new URL(page.url()).search).toBe(new URL(url).search);
      await screenshot(page, 'instructor-setup');

      // The printed handout: the whole link, wrapped, and no status line.
      await page.getByRole('button', { name: 'Copy the link' }).click();
      await expect.poll(() => page.locator('#status').textContent()).not.toBe('');
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#share-url-print').textContent()).toBe(url);
      expect(await page.locator('#share-url-print').isVisible()).toBe(true);
      expect(await page.locator('#share-url').isVisible()).toBe(false);
      expect(await page.locator('#status').isVisible()).toBe(false);
      // Wrapped within the page, on several lines: nothing runs off the paper.
      expect(await page.locator('#share-url-print').evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(el).lineHeight || '16'))).toBe(true);
      await screenshot(page, 'instructor-handout');
      await page.emulateMedia({ media: 'screen' });
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('a student reads what the link changes, plays at the locked speed, leaves, comes back to the same hour, and the inject arrives on its day', async () => {
    expect(lesson.url, 'the link from the first step').toBeDefined();
    const tab = await openPage(browser());
    try {
      const { page } = tab;
      await page.goto(lesson.url!);
      // Before play: everything the instructor changed, effects included, in words.
      const card = page.getByRole('region', { name: /Your class’s scenario/ });
      await expect.poll(() => card.isVisible(), { timeout: 60_000 }).toBe(true);
      expect(await card.textContent()).toContain('Day 2: news written by your instructor, with this effect on the game: depot +2,000,000 L.');
      expect(await card.textContent()).toContain('You have 20 minutes of lesson time.');
      await screenshot(page, 'instructor-student-briefing');
      await card.getByRole('button', { name: 'Start the class game' }).click();
      await page.waitForFunction(() => document.body.dataset.screen === 'playing' && typeof window.__lifeline?.hash() === 'string', undefined, { timeout: 60_000 });
      expect(await page.evaluate(() => window.__lifeline?.day())).toBe(1);

      // The lock: only play and pause; the rest is off and says why.
      const morning = page.getByRole('button', { name: /Next morning/ });
      expect(await morning.isDisabled()).toBe(true);
      for (const n of [1, 2, 4]) expect(await page.getByRole('button', { name: `Speed ×${n}` }).isDisabled()).toBe(true);
      expect(await page.locator('#hud-speed-lock').textContent()).toBe('Speed set by your instructor at ×2');
      expect(await morning.getAttribute('aria-describedby')).toBe('hud-speed-lock');
      expect(await page.locator('.hud-lesson-left').textContent()).toBe('20 min of lesson left');
      await screenshot(page, 'instructor-speed-lock', '.hud-top');

      const headline = page.getByRole('heading', { name: INJECT.titleEn });
      await page.getByRole('tab', { name: /News/ }).click();
      expect(await headline.count()).toBe(0);
      // Play at ×2 until the afternoon of day 1, then pause and leave for the menu (the game is saved).
      await page.getByRole('button', { name: /Play/ }).click();
      await page.waitForFunction(() => (window.__lifeline?.day() ?? 0) >= 1 && document.querySelector('.hud-play.is-paused') === null, undefined, { timeout: 30_000 });
      await page.waitForFunction(() => Number(/(\d\d):00/.exec(document.querySelector('.hud-date')?.textContent ?? '')?.[1] ?? 0) >= 12, undefined, { timeout: 60_000 });
      await page.getByRole('button', { name: /Pause/ }).click();
      const left = { hash: await page.evaluate(() => window.__lifeline?.hash()), when: await page.locator('.hud-date').textContent() };
      await page.getByRole('button', { name: 'Menu', exact: true }).click();
      await page.waitForFunction(() => document.body.dataset.screen === 'menu');

      // Opening the link again resumes that game, at that hour, still locked.
      await page.goto(lesson.url!);
      await page.waitForFunction(() => document.body.dataset.screen === 'playing' && typeof window.__lifeline?.hash() === 'string', undefined, { timeout: 60_000 });
      expect(await page.evaluate(() => window.__lifeline?.hash())).toBe(left.hash);
      expect(await page.locator('.hud-date').textContent()).toBe(left.when);
      expect(await page.getByRole('button', { name: /Next morning/ }).isDisabled()).toBe(true);

      await page.getByRole('button', { name: /Play/ }).click();
      await page.waitForFunction((day) => (window.__lifeline?.day() ?? 0) >= day, INJECT.day, { timeout: 60_000 });
      await page.getByRole('button', { name: /Pause/ }).click();
      expect(await page.evaluate(() => window.__lifeline?.day())).toBe(INJECT.day);
      await page.getByRole('tab', { name: /News/ }).click();
      await expect.poll(() => headline.count()).toBe(1);
      await screenshot(page, 'instructor-inject-arrived');

      // Handing it in: an alias, never a name, then the file.
      await page.locator('summary', { hasText: 'Files' }).click();
      await page.getByRole('button', { name: 'Export the result file' }).click();
      const dialog = page.getByRole('dialog', { name: 'Hand in your result' });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await dialog.getByRole('button', { name: 'Download the result file' }).click();
      expect(await dialog.getByText('Write an alias or your initials').isVisible()).toBe(true);
      await dialog.getByRole('textbox', { name: 'An alias or your initials' }).fill('  K.D.  ');
      lesson.resultPath = await download(page, () => dialog.getByRole('button', { name: 'Download the result file' }).click(), 'student-result.json');
      await dialog.getByRole('button', { name: 'Close' }).click();

      const parsed = parseResult(readFileSync(lesson.resultPath, 'utf8'));
      if (!parsed.ok) throw new Error(`the exported result does not parse: ${reasonText(parsed.reason, 'en')}`);
      lesson.result = parsed.value;
      expect(parsed.value).toMatchObject({ level: { id: 'tutorial' }, seed: SEED, difficulty: 'normal', player: { alias: 'K.D.' }, settings: lesson.link!.settings });
      expect(parsed.value.summary.finalStateHash).toBe(await page.evaluate(() => window.__lifeline?.hash()));
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('a link for a scenario the game does not ship, or naming a policy its scenario lacks, is refused in words, with nothing fetched in vain', async () => {
    const tab = await openPage(browser());
    try {
      const { page } = tab;
      await page.goto(`${baseUrl}?level=paris-2030&seed=1&difficulty=normal`);
      await page.waitForFunction(() => window.__lifeline?.ready === true);
      expect(await page.locator('#menu-message').textContent()).toContain('paris-2030');
      expect(tab.requests.some((url) => url.includes('levels/paris-2030')), 'the unknown level was never asked for').toBe(false);
      // The tutorial does not offer the emergency airlift.
      const airlift: ShareLink = { level: 'tutorial', seed: 1, difficulty: 'normal', settings: { injects: [], policies: ['hazardPay', 'emergencyAirlift'] } };
      await page.goto(`${baseUrl}index.html${encodeShareLink(airlift)}`);
      await page.waitForFunction(() => window.__lifeline?.ready === true);
      expect(await page.locator('#menu-message').textContent()).toBe('This link does not open a scenario: the policy “emergencyAirlift” is not part of this scenario. Choose one below.');
      expect(await page.evaluate(() => document.body.dataset.screen)).toBe('menu');
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('a game stopped by the time limit says “Time is up”, with its results, and stays stopped', async () => {
    // A class game with a one-minute limit, 58 seconds of it already used, as a student's browser saved it.
    const settings = { injects: [], timeLimitMin: 1, speedLock: 1 as const };
    const scenario = scenarioContext(loadLevelFile('levels/tutorial.json'), settings);
    if (!scenario.ok) throw new Error(reasonText(scenario.reason, 'en'));
    const session = GameSession.start(scenario.ctx, SEED, 'normal', settings);
    session.advanceHours(30);
    session.lessonMs = 58_000;
    const savePath = join(work, 'timed-save.json');
    writeFileSync(savePath, JSON.stringify(makeSave(session, '2026-01-01T00:00:00.000Z')));

    const tab = await openPage(browser());
    try {
      const { page } = tab;
      await page.goto(baseUrl);
      await page.waitForFunction(() => window.__lifeline?.ready === true);
      await page.locator('#import-file').setInputFiles(savePath);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForFunction(() => document.body.dataset.screen === 'debrief', undefined, { timeout: 60_000 });
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Time is up');
      expect(await page.locator('.verdict').textContent()).toContain('The lesson’s time ran out on day 2 of 10');
      expect(await page.locator('#debrief').textContent()).not.toContain('collapsed');
      await screenshot(page, 'instructor-time-up');
      // Continue again: still over, not a fresh minute.
      await page.getByRole('button', { name: 'Back to the menu' }).first().click();
      await page.waitForFunction(() => document.body.dataset.screen === 'menu');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForFunction(() => document.body.dataset.screen === 'debrief', undefined, { timeout: 60_000 });
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Time is up');
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('the dashboard, given the class file, counts the result and flags a tampered copy, a copy under another name and another scenario', async () => {
    expect(lesson.result, 'the result from the previous step').toBeDefined();
    const tampered = structuredClone(lesson.result!) as ResultFile;
    tampered.player.alias = 'Tampered';
    tampered.summary.score = 100;
    const tamperedPath = join(work, 'tampered-result.json');
    writeFileSync(tamperedPath, JSON.stringify(tampered));
    const renamed = { ...lesson.result!, player: { alias: 'Someone else' } };
    // The same level and seed played from the command line: no injects, no lock, no limit. It replays; it is not the class's game.
    const tutorial = scenarioContext(loadLevelFile('levels/tutorial.json'), { injects: [] });
    if (!tutorial.ok) throw new Error(reasonText(tutorial.reason, 'en'));
    const cli = playMatch(tutorial.ctx, { seed: SEED, difficulty: 'normal', policy: 'baseline' });
    const otherPath = join(work, 'other-scenario-result.json');
    writeFileSync(otherPath, JSON.stringify(buildResult({ ctx: tutorial.ctx, state: cli.state, log: cli.log, dailyHashes: cli.dailyHashes, player: { alias: 'Elsewhere' } })));

    const tab = await openPage(browser());
    try {
      const { page } = tab;
      await page.goto(`${baseUrl}dashboard.html`);
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      await page.locator('#class-file').setInputFiles(lesson.classPath!);
      await expect.poll(() => page.locator('#class-summary').textContent()).toBe('Results are checked against this class: Tutorial: the first convoy · Normal · seed 7.');
      await page.locator('#files').setInputFiles([lesson.resultPath!, tamperedPath, otherPath]);
      await page.getByRole('textbox', { name: 'Or paste result codes' }).fill(`Student 4: ${await resultCode(renamed)}\nThanks!`);
      await page.getByRole('button', { name: 'Add the codes' }).click();
      await page.waitForFunction(() => document.body.dataset.checking === '0' && document.querySelectorAll('#students-body tr').length === 4, undefined, { timeout: 60_000 });

      const rows = page.locator('#students-body tr');
      await expect.poll(() => rows.nth(0).getAttribute('data-status')).toBe('verified');
      expect(await rows.nth(0).textContent()).toContain('K.D.');
      expect(await rows.nth(0).textContent()).toContain('Tutorial');
      expect(await rows.nth(1).getAttribute('data-status')).toBe('flagged');
      expect(await rows.nth(1).textContent()).toContain('Replaying it does not give the same game');
      expect(await rows.nth(2).getAttribute('data-status')).toBe('flagged');
      expect(await rows.nth(2).textContent()).toContain('Played another scenario than the class’s: 0 injects instead of 1; speed free instead of ×2; time limit none instead of 20 min.');
      expect(await rows.nth(3).getAttribute('data-status')).toBe('flagged');
      expect(await rows.nth(3).textContent()).toContain('The same game as row 1');
      expect(await page.locator('#progress').textContent()).toBe('Done: 1 verified, 3 flagged.');

      // The class view: charts drawn, questions written, a CSV to take away.
      expect(await page.locator('#charts .uplot canvas').count()).toBe(4);
      expect(await page.locator('#prompts li').count()).toBeGreaterThan(0);
      const csv = readFileSync(await download(page, () => page.getByRole('button', { name: 'Export the table (CSV)' }).click(), 'class.csv'), 'utf8');
      expect(csv.split('\r\n')[1]).toMatch(/^1,verified,K\.D\.,tutorial,normal,7,/);
      await screenshot(page, 'instructor-dashboard');
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('the dashboard refuses too many files or too much pasted text at once, and keeps the rows it has', async () => {
    expect(lesson.result, 'the result from an earlier step').toBeDefined();
    const tab = await openPage(browser());
    try {
      const { page } = tab;
      await page.goto(`${baseUrl}dashboard.html`);
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      await page.locator('#files').setInputFiles(lesson.resultPath!);
      await page.waitForFunction(() => document.body.dataset.checking === '0' && document.querySelectorAll('#students-body tr').length === 1, undefined, { timeout: 60_000 });
      const rows = page.locator('#students-body tr');
      const problem = page.getByRole('alert');
      const codes = page.getByRole('textbox', { name: 'Or paste result codes' });
      const unchanged = async (): Promise<void> => {
        expect(await rows.count()).toBe(1);
        expect(await rows.nth(0).getAttribute('data-status')).toBe('verified');
        expect(await rows.nth(0).textContent()).toContain('K.D.');
      };

      // 201 files dropped on the page, then chosen with the button.
      await page.evaluate((n) => {
        const files = new DataTransfer();
        for (let i = 1; i <= n; i++) files.items.add(new File(['{}'], `result-${i}.json`, { type: 'application/json' }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
      }, 201);
      await expect.poll(() => problem.textContent()).toBe('201 files at once: this page takes at most 200 in one go. Nothing was added; load them in smaller groups.');
      await unchanged();
      await page.locator('#files').setInputFiles(Array.from({ length: 250 }, (_, i) => ({ name: `result-${i + 1}.json`, mimeType: 'application/json', buffer: Buffer.from('{}') })));
      await expect.poll(() => problem.textContent()).toMatch(/^250 files at once/);
      await unchanged();

      // More than 16 MiB of pasted text, then 201 codes: refused, and left in the box to be split.
      const huge = `LB1.${'A'.repeat(16 * 1024 * 1024)}`;
      await codes.evaluate((el, text) => ((el as HTMLTextAreaElement).value = text), huge);
      await page.getByRole('button', { name: 'Add the codes' }).click();
      await expect.poll(() => problem.textContent()).toBe('The pasted text is larger than 16 MiB: this page does not read that much at once. Nothing was added; paste the codes in smaller groups.');
      expect(await codes.evaluate((el) => (el as HTMLTextAreaElement).value.length)).toBe(huge.length);
      await unchanged();
      await codes.fill(Array.from({ length: 201 }, (_, i) => `LB1.code${i}`).join('\n'));
      await page.getByRole('button', { name: 'Add the codes' }).click();
      await expect.poll(() => problem.textContent()).toBe('The pasted text holds 201 codes: this page takes at most 200 in one go. Nothing was added; paste them in smaller groups.');
      await unchanged();
      // Said in the page's language.
      await page.getByRole('radio', { name: 'Français' }).check();
      await expect.poll(() => problem.textContent()).toBe('Le texte collé contient 201 codes : cette page en accepte au plus 200 à la fois. Rien n’a été ajouté ; collez-les en plusieurs fois.');
      await page.getByRole('radio', { name: 'English' }).check();

      // A load within the limits is taken, and the reason goes away.
      await codes.fill(await resultCode(lesson.result!));
      await page.getByRole('button', { name: 'Add the codes' }).click();
      await page.waitForFunction(() => document.body.dataset.checking === '0' && document.querySelectorAll('#students-body tr').length === 2, undefined, { timeout: 60_000 });
      expect(await problem.isHidden()).toBe(true);
      expect(await rows.nth(1).textContent()).toContain('The same game as row 1');
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('the command-line replay verifies the browser’s file too', () => {
    expect(lesson.resultPath).toBeDefined();
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), join(REPO_ROOT, 'src/cli/replay.ts'), lesson.resultPath!], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(`verified ${lesson.result!.summary.finalStateHash}`);
  });
});
