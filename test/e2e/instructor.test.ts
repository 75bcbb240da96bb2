/**
 * A lesson, end to end: the instructor sets up a class scenario with an inject and gets one
 * link; a student opens it, the game starts on that scenario and the inject reaches them on
 * its day; the student hands in the result under an alias; the class dashboard replays it
 * and counts it, flags a tampered copy and a copy under another name, and the Node replay
 * (`npm run replay`) verifies the browser's file too.
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
import { resultCode } from '../../src/app/results';
import { parseSettingsFile, parseShareLink, type ShareLink } from '../../src/app/share';
import { parseResult, type ResultFile } from '../../src/sim/result';
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
const lesson: { url?: string; link?: ShareLink; resultPath?: string; result?: ResultFile } = {};

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
      await expect.poll(() => page.locator('#problems').isHidden()).toBe(true);

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
          settings: { injects: [{ day: INJECT.day, title: { en: INJECT.titleEn, fr: INJECT.titleFr }, body: { en: INJECT.bodyEn, fr: INJECT.bodyFr } }] },
        },
      });
      lesson.url = url;
      lesson.link = parsed.kind === 'ok' ? parsed.link : undefined;

      // The QR code is drawn, crisp and big enough to project.
      const qr = page.getByRole('img', { name: 'QR code of the link for students' });
      const box = await qr.boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(300);
      expect(await qr.evaluate((c) => (c as HTMLCanvasElement).width)).toBeGreaterThan(20);

      // The settings file reads back as the same link, and the page's address keeps the setup.
      const saved = await download(page, () => page.getByRole('button', { name: 'Save the settings to a file' }).click(), 'scenario.json');
      expect(parseSettingsFile(readFileSync(saved, 'utf8'), LEVELS)).toEqual({ ok: true, value: lesson.link });
      expect(new URL(page.url()).search).toBe(new URL(url).search);
      await screenshot(page, 'instructor-setup');
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('a student opens the link: the game starts on that scenario and the inject arrives on its day', async () => {
    expect(lesson.url, 'the link from the first step').toBeDefined();
    const tab = await openPage(browser());
    try {
      const { page } = tab;
      await page.goto(lesson.url!);
      await page.waitForFunction(() => document.body.dataset.screen === 'playing' && typeof window.__lifeline?.hash() === 'string', undefined, { timeout: 60_000 });
      expect(await page.evaluate(() => window.__lifeline?.day())).toBe(1);
      const headline = page.getByRole('heading', { name: INJECT.titleEn });
      await page.getByRole('tab', { name: /News/ }).click();
      expect(await headline.count()).toBe(0);
      const morning = page.getByRole('button', { name: /Next morning/ });
      for (let i = 0; i < 5 && (await page.evaluate(() => window.__lifeline?.day() ?? 0)) < INJECT.day; i++) await morning.click();
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

  it('the dashboard counts the result, flags a tampered copy and a copy under another name', async () => {
    expect(lesson.result, 'the result from the previous step').toBeDefined();
    const tampered = structuredClone(lesson.result!) as ResultFile;
    tampered.player.alias = 'Tampered';
    tampered.summary.score = 100;
    const tamperedPath = join(work, 'tampered-result.json');
    writeFileSync(tamperedPath, JSON.stringify(tampered));
    const renamed = { ...lesson.result!, player: { alias: 'Someone else' } };

    const tab = await openPage(browser());
    try {
      const { page } = tab;
      await page.goto(`${baseUrl}dashboard.html`);
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      await page.locator('#files').setInputFiles([lesson.resultPath!, tamperedPath]);
      await page.getByRole('textbox', { name: 'Or paste result codes' }).fill(await resultCode(renamed));
      await page.getByRole('button', { name: 'Add the codes' }).click();
      await page.waitForFunction(() => document.body.dataset.checking === '0' && document.querySelectorAll('#students-body tr').length === 3, undefined, { timeout: 60_000 });

      const rows = page.locator('#students-body tr');
      await expect.poll(() => rows.nth(0).getAttribute('data-status')).toBe('verified');
      expect(await rows.nth(0).textContent()).toContain('K.D.');
      expect(await rows.nth(0).textContent()).toContain('Tutorial');
      expect(await rows.nth(1).getAttribute('data-status')).toBe('flagged');
      expect(await rows.nth(1).textContent()).toContain('Replaying it does not give the same game');
      expect(await rows.nth(2).getAttribute('data-status')).toBe('flagged');
      expect(await rows.nth(2).textContent()).toContain('The same game as row 1');
      expect(await page.locator('#progress').textContent()).toBe('Done: 1 verified, 2 flagged.');

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
