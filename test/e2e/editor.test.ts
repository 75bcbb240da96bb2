/**
 * A designer builds on the tutorial in the level editor (the built site, real Chromium): opens
 * it, places a town by clicking the map, draws a road to Bamako, edits fields in the forms
 * generated from the schema and watches the live check react, moves the town with the
 * keyboard, deletes it with its road and takes that back, downloads the JSON (which passes
 * `npm run levels:check` and keeps the file's layout), loads a broken file, and starts a
 * play-test. Under the dev server, the editor saves a level to levels/.
 *
 * The tests are steps of one session and run in order on one page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_STORAGE_KEY } from '../../src/app/draft';
import { defaultRoadKm } from '../../src/editor/projection';
import { REPO_ROOT } from '../../src/cli/web/build';
import { imageStats, launchBrowser, openPage, screenshot, type WatchedPage } from '../../src/cli/web/browser';
import { parseLevel } from '../../src/levels/parse';
import { level as levelSchema } from '../../src/levels/schema';
import { siteUrl } from './site';

const baseUrl = siteUrl();
const work = mkdtempSync(join(tmpdir(), 'lifeline-editor-'));
/** Dioïla, a real town north-east of Bamako with no road in the tutorial. */
const DIOILA = { lat: 12.483, lon: -6.783 };
const BAMAKO = { lat: 12.639, lon: -8.003 };
const TUTORIAL_TOWNS = 9;

let browser: Browser;
let tab: WatchedPage;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  tab = await openPage(browser, { viewport: { width: 1280, height: 720 } });
  page = tab.page;
  await page.goto(`${baseUrl}editor.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
});
afterAll(async () => {
  await tab?.close();
  await browser?.close();
});

const checked = (): Promise<void> => page.waitForFunction(() => document.querySelector('#problems')?.getAttribute('data-state') === 'checked').then(() => undefined);
const errorCount = async (): Promise<number> => {
  await checked();
  return Number(await page.locator('#problems').getAttribute('data-errors'));
};
const field = (name: string) => page.locator('#inspector-form').getByLabel(name, { exact: true });

async function clickMapAt(at: { lat: number; lon: number }): Promise<void> {
  // Let the map settle (it refits when its box changes) before asking where a place is.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const point = await page.evaluate(([lat, lon]) => window.__lifelineEditor!.mapPoint(lat!, lon!), [at.lat, at.lon]);
  await page.mouse.click(point.x, point.y);
}

describe.sequential('a designer in the level editor', () => {
  it('opens on the template with a drawn map, a form and a clean check, in 1280×720', async () => {
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Level editor');
    // A new level has no balance targets yet: they are measured once it is written.
    expect(await page.locator('#problems-summary').textContent()).toBe('1 warning');
    expect(await page.locator('#problem-list').textContent()).toContain('no "balanceTargets"');
    // The list of levels says what is loaded: the template, not a shipped level.
    expect(await page.getByLabel('Level to open').inputValue()).toBe('__template');
    expect(await page.locator('#open-level option:checked').textContent()).toBe('New level (template)');
    expect(await page.locator('[data-town]').count()).toBe(3);
    expect(await page.locator('.m-country').count()).toBeGreaterThan(3);
    const { png } = await screenshot(page, 'editor-template');
    const stats = await imageStats(browser, png);
    expect(stats.colours).toBeGreaterThan(12);
    expect(tab.errors).toEqual([]);
  });

  it('opens the tutorial from the shipped levels', async () => {
    await page.getByLabel('Level to open').selectOption('tutorial');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.locator('[data-town]').count()).toBe(TUTORIAL_TOWNS);
    expect(await errorCount()).toBe(0);
    expect(await page.locator('#inspector-form').getByLabel('id', { exact: true }).inputValue()).toBe('tutorial');
    expect(await page.locator('#status').textContent()).toContain('Opened tutorial');
    expect(await page.getByLabel('Level to open').inputValue()).toBe('tutorial');
  });

  it('adds a town by clicking the map with the town tool, and names it in the form', async () => {
    await page.getByRole('button', { name: '+ Town' }).click();
    await clickMapAt(DIOILA);
    await expect.poll(() => page.locator('[data-town]').count()).toBe(TUTORIAL_TOWNS + 1);
    expect(await page.locator('#inspector-title').textContent()).toBe('Town: New town');
    expect(Number(await field('lat').inputValue())).toBeCloseTo(DIOILA.lat, 2);
    expect(Number(await field('lon').inputValue())).toBeCloseTo(DIOILA.lon, 2);
    await field('name').fill('Dioïla');
    await field('id').fill('dioila');
    await field('id').press('Enter');
    await expect.poll(() => page.locator('#inspector-title').textContent()).toBe('Town: Dioïla');
    expect(await page.locator('.ed-outline-item', { hasText: 'Dioïla' }).count()).toBe(1);
  });

  it('draws a road from the new town to Bamako, its length from the distance', async () => {
    await page.getByRole('button', { name: '+ Road' }).click();
    await page.locator(`[data-town="${TUTORIAL_TOWNS}"] .m-shape`).click();
    await page.locator('[data-town="0"] .m-shape').click();
    await expect.poll(() => page.locator('#inspector-title').textContent()).toBe('Road: Dioïla – Bamako');
    expect(await page.locator('#save-levels').isHidden(), 'a built site cannot write to levels/').toBe(true);
    const town = JSON.parse(await page.evaluate(() => window.__lifelineEditor!.text())) as { towns: { id: string; lat: number; lon: number }[] };
    const dioila = town.towns.find((t) => t.id === 'dioila')!;
    expect(Number(await field('km').inputValue())).toBe(defaultRoadKm(dioila, BAMAKO));
    expect(await field('from').inputValue()).toBe('dioila');
    expect(await field('to').inputValue()).toBe('bamako');
    expect(await field('corridor').inputValue()).not.toBe('');
    expect(await errorCount()).toBe(0);
    await screenshot(page, 'editor-road');
  });

  it('checks an id as it is typed, before the box is left, and the road follows the town’s new id letter by letter', async () => {
    await page.locator(`[data-item="towns.${TUTORIAL_TOWNS}"]`).click();
    const id = field('id');
    await id.click();
    await id.press('End');
    await page.keyboard.type('-Town');
    // Still in the box: the check has already seen the capital letter, in the town's id and in the road's "from" that follows it.
    await expect.poll(errorCount).toBe(2);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.path)).toBe(`towns.${TUTORIAL_TOWNS}.id`);
    expect(await page.locator('#problem-list').textContent()).toContain('"dioila-Town" is not valid');
    expect(await page.evaluate(() => window.__lifelineEditor!.text())).toContain('"from": "dioila-Town"');
    for (let i = 0; i < '-Town'.length; i++) await page.keyboard.press('Backspace');
    await expect.poll(errorCount).toBe(0);
    await id.press('Enter');
    expect(await page.evaluate(() => window.__lifelineEditor!.text())).toContain('"from": "dioila"');
  });

  it('edits a field through the generated form: a problem appears live, then goes', async () => {
    await page.locator('.ed-outline-item', { hasText: 'Dioïla – Bamako' }).click();
    await page.getByRole('button', { name: 'Select', exact: true }).click();
    const risk = field('risk');
    expect(await risk.getAttribute('max')).toBe('100');
    await risk.fill('150');
    await expect.poll(errorCount).toBe(1);
    // Counted with the language's plural rules: "1 error", not "1 errors".
    expect(await page.locator('#problems-summary').textContent()).toBe('1 error');
    await page.getByRole('radio', { name: 'FR' }).check();
    await expect.poll(() => page.locator('#problems-summary').textContent()).toBe('1 erreur');
    await page.getByRole('radio', { name: 'EN' }).check();
    await expect.poll(() => page.locator('#problems-summary').textContent()).toBe('1 error');
    const problem = page.locator('#problem-list .ed-problem.error');
    expect(await problem.textContent()).toMatch(/tutorial\.json:\d+:\d+.*roads\[\d+\]\.risk.*100/);
    expect(await risk.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.ed-field-problem:not([hidden])').first().textContent()).toMatch(/100/);
    await screenshot(page, 'editor-problem');
    // The problem's line takes the designer to the field.
    await page.locator('.ed-outline-level').click();
    await problem.click();
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.path)).toMatch(/^roads\.\d+\.risk$/);
    await risk.fill('40');
    await expect.poll(errorCount).toBe(0);
    expect(await risk.getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#problems-summary').textContent()).toContain('No problems');
  });

  it('edits English and French text side by side, and the level’s own fields', async () => {
    await page.locator('.ed-outline-level').click();
    const title = page.locator('#inspector-form fieldset[data-path="title"]');
    await title.getByLabel('English').fill('Tutorial, with Dioïla');
    await title.getByLabel('French').fill('Tutoriel, avec Dioïla');
    await field('days').fill('0');
    await expect.poll(errorCount).toBe(1);
    expect(await page.locator('#problem-list').textContent()).toContain('days');
    await field('days').fill('12');
    await expect.poll(errorCount).toBe(0);
  });

  it('moves the selected town with the arrow keys, by 0.01°', async () => {
    await page.locator(`[data-item="towns.${TUTORIAL_TOWNS}"]`).click();
    const before = Number(await field('lat').inputValue());
    await page.locator('#ed-map').focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => Number(await field('lat').inputValue())).toBeCloseTo(before + 0.01, 6);
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => Number(await field('lat').inputValue())).toBeCloseTo(before, 6);
  });

  it('deletes the town only after confirming, with the road that needs it, and Undo brings both back', async () => {
    await page.locator('#inspector-actions').getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('heading').textContent()).toBe('Delete Town Dioïla?');
    expect(await dialog.textContent()).toMatch(/Road Dioïla – Bamako \(roads\[\d+\]\)/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('[data-town]').count()).toBe(TUTORIAL_TOWNS + 1);
    await page.locator('#inspector-actions').getByRole('button', { name: 'Delete…' }).click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => page.locator('[data-town]').count()).toBe(TUTORIAL_TOWNS);
    expect(await page.locator('.ed-outline-item', { hasText: 'Dioïla' }).count()).toBe(0);
    expect(await page.evaluate(() => window.__lifelineEditor!.text())).not.toContain('dioila');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('[data-town]').count()).toBe(TUTORIAL_TOWNS + 1);
    expect(await page.evaluate(() => window.__lifelineEditor!.text())).toContain('"dioila-bamako"');
    expect(await errorCount()).toBe(0);
  });

  it('downloads the JSON: $schema first, the schema’s order, no errors, and npm run levels:check accepts it', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
    expect(download.suggestedFilename()).toBe('tutorial.json');
    const path = join(work, 'tutorial.json');
    await download.saveAs(path);
    const text = readFileSync(path, 'utf8');
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(json)[0]).toBe('$schema');
    expect(json.$schema).toBe('./schema.json');
    expect(Object.keys(json)).toEqual(Object.keys(levelSchema.shape).filter((k) => k in json));
    const result = parseLevel(text, path);
    expect(result.ok ? [] : result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    if (result.ok) {
      expect(result.value.towns.find((t) => t.id === 'dioila')).toMatchObject({ name: 'Dioïla', kind: 'rural' });
      expect(result.value.roads.find((r) => r.id === 'dioila-bamako')).toMatchObject({ from: 'dioila', to: 'bamako', risk: 40 });
      expect(result.value.title.en).toBe('Tutorial, with Dioïla');
    }
    const check = spawnSync('npm', ['run', '--silent', 'levels:check', '--', path], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain(`ok ${path}`);
    // The file as written, with only the edited lines changed: no line of levels/tutorial.json
    // is gone but the title and the days that were edited.
    const original = readFileSync(join(REPO_ROOT, 'levels', 'tutorial.json'), 'utf8').split('\n');
    const written = text.split('\n');
    expect(original.filter((line) => !written.includes(line))).toEqual([
      '    "en": "Tutorial: the first convoy",',
      '    "fr": "Tutoriel : le premier convoi"',
      '  "days": 10,',
    ]);
    expect(written.length - original.length).toBeLessThan(30);
  });

  it('loads a broken file from disk and shows its problems with file:line:col, keeping the current level', async () => {
    await page.locator('#load-file-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "id": "broken",\n  "days": ,\n}\n') });
    const box = page.locator('#load-problems');
    await expect.poll(() => box.isVisible()).toBe(true);
    expect(await box.getAttribute('role')).toBe('alert');
    expect(await box.textContent()).toMatch(/broken\.json:3:\d+: /);
    expect(await page.locator('[data-town]').count()).toBe(TUTORIAL_TOWNS + 1);
    await box.getByRole('button', { name: 'Dismiss' }).click();
    expect(await box.isHidden()).toBe(true);
  });

  it('play-tests the draft: the game opens with draft=1 and finds the level in its session storage', async () => {
    await page.getByLabel('Seed', { exact: true }).fill('7');
    await page.getByLabel('Difficulty', { exact: true }).selectOption('hard');
    const [game] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Play-test' }).click()]);
    await game.waitForLoadState('domcontentloaded');
    expect(new URL(game.url()).search).toBe('?draft=1&seed=7&difficulty=hard');
    const stored = await game.evaluate((key) => sessionStorage.getItem(key), DRAFT_STORAGE_KEY);
    expect(stored).not.toBeNull();
    const result = parseLevel(stored!, 'draft.json');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.towns.map((t) => t.id)).toContain('dioila');
    await game.close();
    expect(await page.locator('#status').textContent()).toContain('seed 7');
  });

  it('took no console error and no failed request', () => {
    expect(tab.errors).toEqual([]);
  });
});

describe('play-testing in the game', () => {
  it('starts the game on the draft level, its legend closed where it would hide a town of this small map', async () => {
    const player = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    try {
      const game = player.page;
      await game.goto(`${baseUrl}editor.html`);
      await game.waitForFunction(() => document.body.dataset.ready === 'true');
      const [tabOpened] = await Promise.all([game.waitForEvent('popup'), game.getByRole('button', { name: 'Play-test' }).click()]);
      await tabOpened.waitForFunction(() => document.body.dataset.screen === 'playing' && typeof window.__lifeline?.hash() === 'string', undefined, { timeout: 60_000 });
      expect(await tabOpened.evaluate(() => window.__lifeline?.day())).toBe(1);
      // The template's three towns fill the map to its corners: Kourémalé sits where the open legend would be.
      await tabOpened.setViewportSize({ width: 1280, height: 800 });
      expect(await tabOpened.locator('.map-legend-panel').isHidden()).toBe(true);
      await tabOpened.getByRole('button', { name: 'Legend' }).click();
      expect(await tabOpened.locator('.map-legend-panel').isVisible()).toBe(true);
      await tabOpened.close();
    } finally {
      await player.close();
    }
  });
});

/**
 * Under `npm start` the editor saves to the repository's `levels/`, through the dev server,
 * which writes only a valid level named after its id. The test saves
 * `levels/zz-editor-save-test.json` and always deletes it afterwards.
 */
describe.sequential('saving to levels/ under npm start', () => {
  const ID = 'zz-editor-save-test';
  const FILE = join(REPO_ROOT, 'levels', `${ID}.json`);
  const remove = (): void => rmSync(FILE, { force: true });
  let server: ViteDevServer | undefined;
  let dev = '';
  let designer: WatchedPage;

  beforeAll(async () => {
    process.once('exit', remove);
    server = await createServer({ configFile: 'vite.config.ts', configLoader: 'runner', logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
    await server.listen();
    dev = server.resolvedUrls?.local[0] ?? '';
    designer = await openPage(browser, { viewport: { width: 1280, height: 720 } });
    await designer.page.goto(`${dev}editor.html`);
    await designer.page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 60_000 });
  });
  afterAll(async () => {
    remove();
    process.off('exit', remove);
    await designer?.close();
    await server?.close();
  });

  const put = (name: string, body: string, type = 'application/json'): Promise<Response> =>
    fetch(new URL(`levels/source/${name}`, dev), { method: 'PUT', headers: { 'Content-Type': type }, body });

  it('saves a new level as levels/<id>.json, the text the editor shows, which levels:check accepts', async () => {
    const p = designer.page;
    const save = p.getByRole('button', { name: 'Save to levels/' });
    expect(await save.isVisible()).toBe(true);
    await p.locator('#inspector-form').getByLabel('id', { exact: true }).fill(ID);
    await p.locator('#inspector-form').getByLabel('id', { exact: true }).press('Enter');
    await p.waitForFunction(() => document.querySelector('#problems')?.getAttribute('data-state') === 'checked' && document.querySelector('#problems')?.getAttribute('data-errors') === '0');
    await save.click();
    await expect.poll(() => p.locator('#status').textContent(), { timeout: 30_000 }).toBe(`Saved levels/${ID}.json: the game lists it now.`);
    expect(readFileSync(FILE, 'utf8')).toBe(await p.evaluate(() => window.__lifelineEditor!.text()));
    const check = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/levels-check.ts', `levels/${ID}.json`], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    expect(await p.getByLabel('Level to open').inputValue()).toBe(ID);
  });

  it('saves a change to it in place: one line of the file changes', async () => {
    const p = designer.page;
    const before = readFileSync(FILE, 'utf8');
    await p.locator('#inspector-form').getByLabel('days', { exact: true }).fill('8');
    await p.getByRole('button', { name: 'Save to levels/' }).click();
    await expect.poll(() => readFileSync(FILE, 'utf8'), { timeout: 30_000 }).not.toBe(before);
    const after = readFileSync(FILE, 'utf8').split('\n');
    expect(before.split('\n').filter((line) => !after.includes(line))).toEqual(['  "days": 7,']);
    expect(after).toContain('  "days": 8,');
    expect(designer.errors).toEqual([]);
  });

  it('refuses anything but a valid level named after its id, in levels/, sent as JSON, and writes nothing', async () => {
    const valid = readFileSync(FILE, 'utf8');
    expect((await put('..%2Fpackage.json', valid)).status).toBe(400);
    expect((await put('schema.json', valid)).status).toBe(400);
    expect((await put(`${ID}.json`, valid, 'text/plain')).status).toBe(403);
    const invalid = await put('zz-editor-save-other.json', valid);
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { problems: string[] }).problems[0]).toMatch(/^levels\/zz-editor-save-other\.json:\d+:\d+: id: the id "zz-editor-save-test" differs from the file name/);
    expect((await put('zz-editor-save-other.json', '{"id": "zz-editor-save-other"}')).status).toBe(422);
    expect((await put(`${ID}.json`, valid)).status, 'an existing file is replaced only when asked').toBe(409);
    expect(existsSync(join(REPO_ROOT, 'levels', 'zz-editor-save-other.json'))).toBe(false);
  });
});
