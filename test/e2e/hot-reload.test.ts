/**
 * Designers in `npm start` (the Vite dev server, with hot reload): saving a level file
 * restarts the scenario being played with the new file (same seed and settings); saving a
 * broken file shows its problems, with file:line:col, over the game; saving it fixed takes
 * them away and the game comes back. A broken level shows its problems, as
 * `npm run levels:check` prints them, when the page loads and through a link to it; the
 * problems shown follow the files as they are added, fixed, broken and deleted.
 *
 * The dev server watches the repository's own `levels/` folder, so this test writes
 * temporary levels there, `levels/zz-hot-reload-*.json` (the tutorial under other ids), and
 * always deletes them afterwards, whatever happens.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, type WatchedPage } from '../../src/cli/web/browser';
import { REPO_ROOT } from '../../src/cli/web/build';
import { playing as waitForGame } from './site';

const ID = 'zz-hot-reload-test';
const FILE = join(REPO_ROOT, 'levels', `${ID}.json`);
const SHOWN_AS = `levels/${ID}.json`;

type LevelJson = { id: string; depot: { town: string; stockL: number }; tankerL: number } & Record<string, unknown>;
const tutorial = JSON.parse(readFileSync(join(REPO_ROOT, 'levels', 'tutorial.json'), 'utf8')) as LevelJson;
const version = (change: (level: LevelJson) => void = () => undefined): string => {
  const level = structuredClone(tutorial);
  level.id = ID;
  change(level);
  return `${JSON.stringify(level, null, 2)}\n`;
};
/** A designer saving the file in their editor. */
const save = (text: string): void => writeFileSync(FILE, text);

let server: ViteDevServer | undefined;
let browser: Browser | undefined;
let base = '';

/** Every temporary level file, this test's own: `zz-hot-reload-…` in levels/. */
const removeLevel = (): void => {
  for (const name of readdirSync(join(REPO_ROOT, 'levels'))) if (name.startsWith('zz-hot-reload-')) rmSync(join(REPO_ROOT, 'levels', name), { force: true });
};

beforeAll(async () => {
  // Also on an early exit of the test process, so that the folder never keeps the file.
  process.once('exit', removeLevel);
  save(version());
  server = await createServer({ configFile: 'vite.config.ts', configLoader: 'runner', logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  base = server.resolvedUrls?.local[0] ?? '';
  browser = await launchBrowser();
});
afterAll(async () => {
  removeLevel();
  process.off('exit', removeLevel);
  await browser?.close();
  await server?.close();
});

const playing = (page: Page) => waitForGame(page, 90_000);

/** "6.9 million L", "920,000 L" (English formatting) → litres. */
function litres(text: string | null): number {
  const million = /([\d.,]+)\s*million/.exec(text ?? '');
  if (million) return Number(million[1]!.replace(/,/g, '')) * 1_000_000;
  const plain = /([\d,]+)\s*L/.exec(text ?? '');
  if (!plain) throw new Error(`no litres in ${JSON.stringify(text)}`);
  return Number(plain[1]!.replace(/,/g, ''));
}

describe.sequential('hot reload of a level file in the dev server', () => {
  let tab: WatchedPage;
  let page: Page;
  let firstHash = '';

  beforeAll(async () => {
    tab = await openPage(browser!, { viewport: { width: 1280, height: 720 } });
    page = tab.page;
    await page.goto(`${base}?level=${ID}&seed=1&difficulty=normal`);
    await playing(page);
  });
  afterAll(async () => {
    await tab?.close();
  });

  it('plays the temporary level from its share link', async () => {
    firstHash = (await page.evaluate(() => window.__lifeline!.hash()))!;
    expect(firstHash).toMatch(/\S/);
    expect(litres(await page.locator('.hud-stock').textContent())).toBe(tutorial.depot.stockL);
  });

  it('saving a change restarts the scenario with it: a new state, the new depot stock', async () => {
    // 100 tankers: shown exactly as "4.6 million L" (the HUD rounds millions to one decimal).
    const stockL = 4_600_000;
    expect(stockL).not.toBe(tutorial.depot.stockL);
    save(version((level) => (level.depot.stockL = stockL)));
    await expect.poll(() => page.evaluate(() => window.__lifeline?.hash() ?? null), { timeout: 30_000 }).not.toBe(firstHash);
    await playing(page);
    await expect.poll(async () => litres(await page.locator('.hud-stock').textContent()), { timeout: 30_000 }).toBe(stockL);
    expect(await page.evaluate(() => window.__lifeline!.day())).toBe(1);
    expect(await page.locator('#level-problems').count()).toBe(0);
  });

  it('saving a broken file shows its problems with file:line:col over the game', async () => {
    save(version((level) => (level.depot.town = 'bamakoo')));
    const box = page.locator('#level-problems');
    await expect.poll(() => box.count(), { timeout: 30_000 }).toBe(1);
    expect(await box.getAttribute('role')).toBe('alert');
    const text = (await box.textContent()) ?? '';
    expect(text).toContain(`${SHOWN_AS}: 1 problem`);
    expect(text).toMatch(new RegExp(`${SHOWN_AS.replace(/[.]/g, '\\.')}:\\d+:\\d+: depot\\.town: unknown town "bamakoo" \\(did you mean "bamako"\\?\\)`));
  });

  it('saving it fixed takes the problems away and plays the level again', async () => {
    save(version());
    await expect.poll(() => page.locator('#level-problems').count(), { timeout: 30_000 }).toBe(0);
    await playing(page);
    await expect.poll(async () => litres(await page.locator('.hud-stock').textContent()), { timeout: 30_000 }).toBe(tutorial.depot.stockL);
    expect(tab.errors).toEqual([]);
  });
});

/** Another temporary level: the tutorial as `levels/zz-hot-reload-<name>.json`, its id the file's unless changed. */
function otherLevel(name: string, change: (level: LevelJson) => void = () => undefined): { id: string; file: string; shownAs: string; write: () => void; remove: () => void } {
  const id = `zz-hot-reload-${name}`;
  const file = join(REPO_ROOT, 'levels', `${id}.json`);
  return {
    id,
    file,
    shownAs: `levels/${id}.json`,
    write: () => {
      const level = structuredClone(tutorial);
      level.id = id;
      change(level);
      writeFileSync(file, `${JSON.stringify(level, null, 2)}\n`);
    },
    remove: () => rmSync(file, { force: true }),
  };
}

/** What `npm run levels:check -- levels/<file>` prints about a file: the page must say the same. */
function levelsCheckLines(shownAs: string): string[] {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/levels-check.ts', shownAs], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(run.status).toBe(1);
  return run.stderr.trim().split('\n');
}

/** The problems shown over the page: each file's heading, then its lines. Empty when nothing is shown. */
function shownProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('#level-problems h2, #level-problems code')].map((el) => el.textContent ?? ''));
}

const menuIds = (page: Page): Promise<string[]> => page.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('#level-list input[name="level"]')].map((i) => i.value));

describe.sequential('a broken level when the page loads, and through a link', () => {
  // "days": "ten", as in the report that a broken tutorial just vanished from the menu.
  const broken = otherLevel('load', (level) => (level.days = 'ten' as unknown as number));
  let tab: WatchedPage;

  beforeAll(async () => {
    broken.write();
    tab = await openPage(browser!, { viewport: { width: 1280, height: 720 } });
  });
  afterAll(async () => {
    broken.remove();
    await tab?.close();
  });

  it('the menu shows its problems, in the words and at the line:col of levels:check', async () => {
    const expected = levelsCheckLines(broken.shownAs);
    expect(expected).toEqual([expect.stringMatching(new RegExp(`^${broken.shownAs.replace(/[.]/g, '\\.')}:\\d+:\\d+: days: expected a number, got a string \\("ten"\\)$`))]);
    await tab.page.goto(base);
    await expect.poll(() => shownProblems(tab.page), { timeout: 30_000 }).toEqual([`${broken.shownAs}: 1 problem`, ...expected]);
    expect(await tab.page.locator('#level-problems').getAttribute('role')).toBe('alert');
    expect(await menuIds(tab.page)).not.toContain(broken.id);
  });

  it('a link to it shows the same problems, not "no such scenario"', async () => {
    await tab.page.goto(`${base}?level=${broken.id}&seed=1&difficulty=normal`);
    await expect.poll(() => shownProblems(tab.page), { timeout: 30_000 }).toEqual([`${broken.shownAs}: 1 problem`, ...levelsCheckLines(broken.shownAs)]);
    const message = tab.page.locator('#menu-message');
    await expect.poll(() => message.textContent(), { timeout: 30_000 }).toContain(`scenario ${broken.id} has errors`);
    expect(await message.textContent()).not.toContain('there is no scenario');
    expect(await tab.page.evaluate(() => document.body.dataset.screen)).toBe('menu');
  });
});

describe.sequential('the problems shown follow the level files in an open menu', () => {
  const first = otherLevel('first');
  const second = otherLevel('second');
  const added = otherLevel('added');
  // A copy of "added" under another file name: the same id twice.
  const copy = otherLevel('added-copy', (level) => (level.id = added.id));
  const breakIt = (level: { write: () => void; file: string }): void => {
    level.write();
    writeFileSync(level.file, readFileSync(level.file, 'utf8').replace('"days": 10', '"days": "ten"'));
  };
  let tab: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    tab = await openPage(browser!, { viewport: { width: 1280, height: 720 } });
    page = tab.page;
    await page.goto(base);
    await page.waitForSelector('#level-list input[value="tutorial"]', { state: 'attached', timeout: 30_000 });
  });
  afterAll(async () => {
    for (const level of [first, second, added, copy]) level.remove();
    await tab?.close();
  });

  it('two broken files: both are shown', async () => {
    breakIt(first);
    breakIt(second);
    await expect.poll(async () => (await shownProblems(page)).filter((line) => line.endsWith('1 problem')), { timeout: 30_000 }).toEqual([
      `${first.shownAs}: 1 problem`,
      `${second.shownAs}: 1 problem`,
    ]);
  });

  it('fixing one leaves the other shown, and the fixed level joins the menu', async () => {
    first.write();
    await expect.poll(() => menuIds(page), { timeout: 30_000 }).toContain(first.id);
    expect((await shownProblems(page))[0]).toBe(`${second.shownAs}: 1 problem`);
    expect((await shownProblems(page)).join('\n')).not.toContain(first.shownAs);
  });

  it('deleting the broken file takes its problems away', async () => {
    second.remove();
    await expect.poll(() => page.locator('#level-problems').count(), { timeout: 30_000 }).toBe(0);
  });

  it('a new level file appears in the open menu', async () => {
    added.write();
    await expect.poll(() => menuIds(page), { timeout: 30_000 }).toContain(added.id);
  });

  it('two files with one id: one entry in the menu, and a problem for the file not named after it', async () => {
    copy.write();
    await expect.poll(() => shownProblems(page), { timeout: 30_000 }).toEqual([`${copy.shownAs}: 1 problem`, ...levelsCheckLines(copy.shownAs)]);
    expect((await menuIds(page)).filter((id) => id === added.id)).toHaveLength(1);
    expect((await shownProblems(page))[1]).toMatch(`id: the id "${added.id}" differs from the file name "${added.id}-copy.json"`);
    expect(tab.errors).toEqual([]);
  });
});
