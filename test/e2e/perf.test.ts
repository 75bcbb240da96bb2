/**
 * Performance bars that hold on any machine (DESIGN §5), checked on every test run; the
 * timing ratios (startup, frame time) are in `npm run bench`, where they are measured with
 * enough repetitions to mean something:
 * - the game page's JavaScript stays within 450 KB gzipped;
 * - Lighthouse's mobile performance score for the menu is at least 90 (its simulated
 *   throttling makes the score a property of the page, not of this machine);
 * - after a warm-up game, five new games in a row do not grow the JavaScript heap by 10 % or more;
 * - with 30 convoys on the road and the clock running, p95 frame time is within 1.1× a bare
 *   Phaser scene's (frames are vsync-aligned, so the p95 moves in whole frames: a map that
 *   redraws itself as convoys glide misses frames and fails by a wide margin).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildHello, bundleFigures, frameFigures, memoryFigures } from '../../src/cli/bench-web';
import { buildGame } from '../../src/cli/web/build';
import { serveStatic } from '../../src/cli/web/server';
import { runLighthouse } from '../../src/cli/web/lighthouse';
import { siteUrl, sharedBrowser } from './site';

const baseUrl = siteUrl();
const browser = sharedBrowser();

it('everything the game page can load is within 450 KB of gzipped JavaScript', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lifeline-budget-'));
  try {
    const figures = bundleFigures(dir, await buildGame(dir));
    expect(figures.gameJsGzKB, `game JS ${figures.gameJsGzKB} KB gz (Phaser ${figures.phaserChunk?.gzKB} KB)`).toBeLessThanOrEqual(figures.budgetKB);
    expect(figures.phaserChunk?.lazy, 'Phaser is a lazily loaded chunk').toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('Lighthouse scores the menu at least 90 for performance on mobile', async () => {
  const figures = await runLighthouse(baseUrl, ['performance'], 'mobile');
  expect(figures.scores.performance, `metrics: ${JSON.stringify(figures.metrics)}; below full marks: ${figures.failing.map((f) => f.id).join(', ')}`).toBeGreaterThanOrEqual(90);
});

it('after a warm-up game, five new games in a row do not grow the JavaScript heap by 10 % or more', async () => {
  const figures = await memoryFigures(browser(), baseUrl);
  expect(figures.heapGrowthRatio, `heap after the warm-up and each game: ${figures.heapMB.join(', ')} MB; DOM nodes ${figures.domNodes.join(', ')}`).not.toBeNull();
  expect(figures.heapGrowthRatio!).toBeLessThan(figures.bar);
});

it('with 30 convoys moving, p95 frame time is within 1.1× an empty Phaser scene', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lifeline-hello-'));
  const hello = await (async () => {
    await buildHello(dir);
    return serveStatic(dir);
  })();
  try {
    const figures = await frameFigures(browser(), hello.url, baseUrl, 3, 30);
    const detail = `empty scene ${JSON.stringify(figures.emptyPhaserScene)}; game with convoys ${JSON.stringify(figures.gameWithConvoys)}`;
    expect(figures.convoysMoving, detail).toBe(30);
    expect(figures.p95Ratio, detail).not.toBeNull();
    expect(figures.p95Ratio!, detail).toBeLessThanOrEqual(figures.bar);
  } finally {
    await hello.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
