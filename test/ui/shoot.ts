/**
 * Screenshots of the HUD harness, for looking at the interface while working on it:
 *   npx vite --port 5199 &   npx tsx test/ui/shoot.ts <out-dir> <name>=<query>[@WxH|@Wxfull] ...
 * e.g. `hud=days=3&tab=convoys@1280x720 phone=days=3&lang=fr@360x640`. Environment:
 * SELECTOR (+ NTH, CLIP_H, CLIP_Y) shoots one element; ACTIONS="click|sel;key|Space;wait|500;print".
 */
import { launchBrowser } from '../../src/cli/web/browser';

const [out, ...shots] = process.argv.slice(2);
const base = process.env.HARNESS_URL ?? 'http://127.0.0.1:5199/test/ui/harness.html';
const env = process.env;

for (const shot of shots) {
  const name = shot.slice(0, shot.indexOf('='));
  const [query = '', size = '1280x720'] = shot.slice(shot.indexOf('=') + 1).split('@');
  const [width = 1280, height = 720] = size.split('x').map(Number);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width, height: Number.isFinite(height) ? height : 720 }, locale: 'en-GB' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  await page.goto(`${base}?${query}`);
  await page.waitForTimeout(1500);
  for (const step of env.ACTIONS ? env.ACTIONS.split(';') : []) {
    const [verb, arg = ''] = step.split('|');
    if (verb === 'click') await page.click(arg);
    if (verb === 'key') await page.keyboard.press(arg);
    if (verb === 'wait') await page.waitForTimeout(Number(arg));
    if (verb === 'print') {
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    }
  }
  const path = `${out}/${name}.png`;
  if (env.SELECTOR) {
    const el = page.locator(env.SELECTOR).nth(Number(env.NTH ?? 0));
    if (env.CLIP_H) {
      const box = await el.evaluate((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width };
      });
      await page.screenshot({ path, fullPage: true, clip: { x: box.x, y: box.y + Number(env.CLIP_Y ?? 0), width: box.width, height: Number(env.CLIP_H) } });
    } else await el.screenshot({ path });
  } else await page.screenshot({ path, fullPage: size.endsWith('full') });
  if (errors.length) console.log(name, 'errors:', errors);
  await browser.close();
}
