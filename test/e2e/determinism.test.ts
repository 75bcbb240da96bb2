/**
 * Same level + seed + log ⇒ the same daily hashes in Chromium and in Node: a game played in
 * the browser is exported as a result file (through the HUD, as a student hands it in) and
 * replayed by the Node simulation, which must agree on every day's hash.
 */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { reasonText } from '../../src/app/i18n';
import { parseResult, resultContext, verifyResult } from '../../src/sim/result';
import { loadLevelFile } from '../helpers';
import { openPage } from '../../src/cli/web/browser';
import { siteUrl, sharedBrowser } from './site';

const baseUrl = siteUrl();
const browser = sharedBrowser();

it('a game played in the browser replays in Node to the same daily hashes and final hash', async () => {
  const tab = await openPage(browser());
  try {
    const { page } = tab;
    await page.goto(`${baseUrl}?level=tutorial&seed=7&difficulty=hard`);
    await page.waitForFunction(() => document.body.dataset.screen === 'playing' && typeof window.__lifeline?.hash() === 'string', undefined, { timeout: 60_000 });

    // A few commands so the log is not only clock ticks: a rationed plan and a convoy.
    await page.getByRole('tab', { name: /City/ }).click();
    await page.getByRole('button', { name: 'Essential only', exact: true }).click();
    await page.getByRole('button', { name: 'Commit the plan' }).click();
    await page.getByRole('tab', { name: /Convoys/ }).click();
    await page.getByRole('button', { name: 'Dispatch the convoy' }).click();
    const morning = page.getByRole('button', { name: /Next morning/ });
    for (let i = 0; i < 3; i++) await morning.click();
    const browserHash = await page.evaluate(() => window.__lifeline?.hash());

    await page.locator('summary', { hasText: 'Files' }).click();
    await page.getByRole('button', { name: 'Export the result file' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hand in your result' });
    await dialog.getByRole('textbox', { name: 'An alias or your initials' }).fill('T1');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download the result file' }).click()]);
    const text = await readFile(await download.path());
    const parsed = parseResult(text.toString('utf8'));
    if (!parsed.ok) throw new Error(`the exported result file does not parse: ${reasonText(parsed.reason, 'en')}`);
    const result = parsed.value;
    // From 00:00 on day 1, three mornings are 06:00 on days 1, 2 and 3: two midnights, two daily hashes.
    expect(result.dailyHashes.length).toBe(2);
    expect(result.log.some((a) => a.type === 'convoy/form')).toBe(true);
    expect(result.summary.finalStateHash).toBe(browserHash);

    const scenario = resultContext(loadLevelFile('levels/tutorial.json'), result);
    if (!scenario.ok) throw new Error(reasonText(scenario.reason, 'en'));
    expect(verifyResult(scenario.ctx, result)).toMatchObject({ ok: true, hash: browserHash });
    expect(tab.errors).toEqual([]);
  } finally {
    await tab.close();
  }
});
