/**
 * Every built page carries a content security policy that allows scripts from the site only
 * (no inline code, no eval, no plug-ins), and the pages run under it without a violation.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPage } from '../../src/cli/web/browser';
import { REPO_ROOT } from '../../src/cli/web/build';
import { nextMorning, siteUrl, sharedBrowser, stateNow } from './site';

const baseUrl = siteUrl();
/** Every top-level page of the repository is built (vite.config.ts). */
const PAGES = readdirSync(REPO_ROOT).filter((f) => f.endsWith('.html'));
const browser = sharedBrowser();

function policyOf(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe.each(PAGES)('%s', (page) => {
  it('has a content security policy: scripts from the site only, no plug-ins, no foreign base', async () => {
    const response = await fetch(new URL(page, baseUrl));
    expect(response.status).toBe(200);
    const policy = policyOf(await response.text());
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    for (const [directive, sources] of policy) {
      if (directive !== 'style-src') expect(sources, directive).not.toContain("'unsafe-inline'");
      expect(sources, directive).not.toContain("'unsafe-eval'");
      expect(sources, directive).not.toContain('*');
    }
  });

  it('runs under it without a violation', async () => {
    const tab = await openPage(browser());
    try {
      const violations: string[] = [];
      await tab.page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
      await tab.page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(e.violatedDirective + ' ' + e.blockedURI))`);
      await tab.page.goto(new URL(page, baseUrl).href);
      await tab.page.waitForLoadState('networkidle');
      expect(violations).toEqual([]);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

it('a played game raises no violation either (the map, the HUD, the sounds)', async () => {
  const tab = await openPage(browser());
  try {
    const { page } = tab;
    const violations: string[] = [];
    await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
    await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(e.violatedDirective + ' ' + e.blockedURI))`);
    await page.goto(baseUrl);
    await page.waitForFunction(() => window.__lifeline?.ready === true);
    await page.getByRole('checkbox', { name: 'Sound' }).check();
    await page.locator('#new-game input[name="level"][value="tutorial"]').check();
    await page.locator('#menu-start').click();
    await page.waitForFunction(() => document.body.dataset.screen === 'playing' && typeof window.__lifeline?.hash() === 'string', undefined, { timeout: 60_000 });
    const before = await stateNow(page);
    await page.getByRole('button', { name: /Next morning/ }).click();
    // The morning's news and everything it loads, then a quiet network.
    await nextMorning(page, before);
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    expect(tab.errors).toEqual([]);
  } finally {
    await tab.close();
  }
});
