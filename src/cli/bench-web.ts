/**
 * Web benchmark figures for `npm run bench` (DESIGN §5), measured against a bare Phaser 4
 * hello world (`bench/hello/`) built with the same Vite options and loaded in the same
 * headless Chromium, so that the machine's speed cancels out of the ratios:
 * - bundle: the game's JavaScript gzipped (budget 450 KB), the Phaser chunk on its own;
 * - startup: time to the menu, and time to a playable map as a ratio to the hello world's
 *   first frame (bar ≤ 1.25); medians of interleaved cold loads, each in a fresh context;
 * - frames: p95 frame time (requestAnimationFrame deltas) with 30 convoys moving, as a ratio
 *   to the hello world's scene (bar ≤ 1.1).
 *
 * Run on its own with `npx tsx src/cli/bench-web.ts`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { resolveConfig } from 'vite';
import { launchBrowser } from '../../test/e2e/browser';
import { REPO_ROOT, buildGame, viteBuild, type BuiltChunk } from '../../test/e2e/build';
import { serveStatic, type StaticServer } from '../../test/e2e/server';

export interface BenchWebOptions {
  /** Measured loads of each page (after one warm-up load each). */
  loads?: number;
  /** Seconds of frames to sample per scene. */
  frameSeconds?: number;
  /** Convoys on the road for the frame-time figure. */
  convoys?: number;
  /** The project to build (default: this repository). */
  root?: string;
  /** Progress lines (to stderr by default, so stdout stays JSON). */
  log?: (line: string) => void;
}

const BUNDLE_BUDGET_KB = 450;
const MAP_RATIO_BAR = 1.25;
const FRAME_RATIO_BAR = 1.1;
const MAP_LINK = '?level=tutorial&seed=1&difficulty=normal';
const VIEWPORT = { width: 1280, height: 800 };
const LOAD_TIMEOUT_MS = 60_000;

const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
const ratio = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : round(a / b, 3));

function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
const median = (values: readonly number[]): number | null => {
  const m = quantile(values, 0.5);
  return m === null ? null : round(m);
};

// ---- Bundle --------------------------------------------------------------------------

interface JsFile {
  file: string;
  gzBytes: number;
}

function gzippedJs(outDir: string): JsFile[] {
  const assets = join(outDir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ file: `assets/${f}`, gzBytes: gzipSync(readFileSync(join(assets, f))).length }))
    .sort((a, b) => b.gzBytes - a.gzBytes);
}

const isPhaserChunk = (chunk: BuiltChunk): boolean => chunk.moduleIds.some((id) => /[\\/]node_modules[\\/]phaser[\\/]/.test(id));

function bundleFigures(outDir: string, chunks: BuiltChunk[]) {
  const files = gzippedJs(outDir);
  const total = files.reduce((sum, f) => sum + f.gzBytes, 0);
  const gzOf = (chunk: BuiltChunk | undefined): number | null => files.find((f) => f.file === chunk?.fileName)?.gzBytes ?? null;
  const phaser = chunks.find(isPhaserChunk);
  const entry = chunks.find((c) => c.isEntry);
  const phaserGz = gzOf(phaser);
  const entryGz = gzOf(entry);
  return {
    method: 'vite build with vite.config.ts; every .js file in dist/assets gzipped with node:zlib (level 6); 1 KB = 1024 bytes',
    gameJsGzKB: kb(total),
    budgetKB: BUNDLE_BUDGET_KB,
    withinBudget: total <= BUNDLE_BUDGET_KB * 1024,
    phaserChunk: phaser ? { file: phaser.fileName, gzKB: phaserGz === null ? null : kb(phaserGz), lazy: !phaser.isEntry } : null,
    menuEntryGzKB: entryGz === null ? null : kb(entryGz),
    everythingButPhaserGzKB: kb(total - (phaserGz ?? 0)),
    chunks: files.map((f) => ({ file: f.file, gzKB: kb(f.gzBytes) })),
  };
}

// ---- Pages ---------------------------------------------------------------------------

declare global {
  interface Window {
    /** Page times (ms since navigation start) recorded by the benchmark's watcher. */
    __benchMarks?: { menu?: number; map?: number; mapMethod?: string };
    /** Page time of the first rendered frame of a playable map (the hello world sets it; the game may). */
    __ready?: number;
  }
}

/**
 * Runs in every page before its own scripts: each animation frame, note when the menu's
 * level list exists, and when a playable map has been drawn. A page that reports its first
 * rendered frame itself (`window.__ready`, set by the hello world and, when it adopts the
 * hook, by the game) is taken at its word; otherwise the map counts as drawn at the frame
 * after the game says it is ready with a canvas on the playing screen.
 *
 * Page code is plain JavaScript text: tsx compiles functions with a `__name` helper that
 * does not exist in the page, so passing TypeScript functions to the browser would break
 * under `npm run bench`.
 */
const WATCHER = `(() => {
  const marks = {};
  window.__benchMarks = marks;
  let mapSeenAt;
  const watch = () => {
    const now = performance.now();
    if (marks.menu === undefined && document.querySelector('#level-list input[name="level"]')) marks.menu = now;
    if (marks.map === undefined && typeof window.__ready === 'number') {
      marks.map = window.__ready;
      marks.mapMethod = 'window.__ready';
    } else if (marks.map === undefined && mapSeenAt !== undefined) {
      marks.map = now;
      marks.mapMethod = 'frame after __lifeline.ready with a canvas in #map';
    } else if (mapSeenAt === undefined && document.body && document.body.dataset.screen === 'playing'
        && document.querySelector('#map canvas') && window.__lifeline && window.__lifeline.ready === true) {
      mapSeenAt = now;
    }
    if (marks.map === undefined || marks.menu === undefined) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
})();`;

/** requestAnimationFrame deltas over `ms`, as page code (see WATCHER). */
const FRAME_DELTAS = (ms: number): string => `new Promise((done) => {
  const deltas = [];
  let last;
  let start;
  const frame = (t) => {
    if (last !== undefined) deltas.push(t - last);
    last = t;
    if (start === undefined) start = t;
    if (t - start < ${ms}) requestAnimationFrame(frame);
    else done(deltas);
  };
  requestAnimationFrame(frame);
})`;

interface Load {
  ms: number | null;
  fcp: number | null;
  method?: string;
}

async function coldLoad(browser: Browser, url: string, want: 'menu' | 'map'): Promise<Load> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({ content: WATCHER });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction((key) => window.__benchMarks?.[key] !== undefined, want, { timeout: LOAD_TIMEOUT_MS });
    // The first-paint entry is queued a little after the paint itself.
    if (want === 'menu') await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: LOAD_TIMEOUT_MS });
    return await page.evaluate((key) => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      const dcl = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? 0;
      const marks = window.__benchMarks ?? {};
      // The menu is usable once it is painted, filled in, and its scripts have run (DOMContentLoaded).
      const ms = key === 'menu' ? Math.max(marks.menu ?? 0, fcp ?? 0, dcl) : (marks.map ?? null);
      return { ms, fcp, method: marks.mapMethod };
    }, want);
  } finally {
    await context.close();
  }
}

/** requestAnimationFrame deltas over `seconds`, in the page. */
function frameDeltas(page: Page, seconds: number): Promise<number[]> {
  return page.evaluate<number[]>(FRAME_DELTAS(seconds * 1000));
}

function frameStats(deltas: number[]) {
  const p95 = quantile(deltas, 0.95);
  const mean = deltas.length === 0 ? null : round(deltas.reduce((a, b) => a + b, 0) / deltas.length, 2);
  return { frames: deltas.length, meanMs: mean, medianMs: median(deltas), p95Ms: p95 === null ? null : round(p95, 2) };
}

/** The hook the game exposes for this measurement (see the report when it is missing). */
type BenchHook = { spawnConvoys?: (n: number) => unknown };

async function frameFigures(browser: Browser, hello: string, game: string, seconds: number, convoys: number) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(hello, { timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction(() => typeof window.__ready === 'number', undefined, { timeout: LOAD_TIMEOUT_MS });
    await page.waitForTimeout(500);
    const empty = frameStats(await frameDeltas(page, seconds));

    await page.goto(game + MAP_LINK, { timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction(() => window.__lifeline?.ready === true && document.body.dataset.screen === 'playing', undefined, { timeout: LOAD_TIMEOUT_MS });
    await page.waitForTimeout(500);
    const idleMap = frameStats(await frameDeltas(page, seconds));

    const hasHook = await page.evaluate(() => typeof (window.__lifeline as { bench?: BenchHook } | undefined)?.bench?.spawnConvoys === 'function');
    let busy: ReturnType<typeof frameStats> | null = null;
    let convoysMoving: number | null = null;
    if (hasHook) {
      convoysMoving = await page.evaluate((n) => Number((window.__lifeline as unknown as { bench: Required<BenchHook> }).bench.spawnConvoys(n) ?? n), convoys);
      await page.waitForTimeout(500);
      busy = frameStats(await frameDeltas(page, seconds));
    }
    return {
      method: `p95 of requestAnimationFrame deltas over ${seconds} s, viewport ${VIEWPORT.width}×${VIEWPORT.height}, after 0.5 s to settle`,
      emptyPhaserScene: empty,
      gameMapIdle: idleMap,
      gameMapIdleRatio: ratio(idleMap.p95Ms, empty.p95Ms),
      gameMapIdleMeanRatio: ratio(idleMap.meanMs, empty.meanMs),
      gameWithConvoys: busy,
      convoysMoving,
      p95Ratio: busy ? ratio(busy.p95Ms, empty.p95Ms) : null,
      // p95 of vsync-aligned deltas moves in whole frames (16.7, 33.4 ms…); the mean shows smaller differences.
      meanRatio: busy ? ratio(busy.meanMs, empty.meanMs) : null,
      bar: FRAME_RATIO_BAR,
      withinBar: busy ? (ratio(busy.p95Ms, empty.p95Ms) ?? Infinity) <= FRAME_RATIO_BAR : null,
      ...(hasHook
        ? {}
        : {
            missing:
              `the game exposes no window.__lifeline.bench.spawnConvoys(n): needed to put ${convoys} convoys on the road ` +
              '(moving, clock running, HUD updating) for this figure',
          }),
    };
  } finally {
    await context.close();
  }
}

// ---- Run -----------------------------------------------------------------------------

export async function benchWeb(options: BenchWebOptions = {}): Promise<Record<string, unknown>> {
  const loads = options.loads ?? 5;
  const seconds = options.frameSeconds ?? 3;
  const convoys = options.convoys ?? 30;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const work = mkdtempSync(join(tmpdir(), 'lifeline-bench-web-'));
  const servers: StaticServer[] = [];
  let browser: Browser | undefined;
  try {
    log('bench-web: building the game and the Phaser hello world…');
    const gameDir = join(work, 'game');
    const helloDir = join(work, 'hello');
    const root = options.root ?? REPO_ROOT;
    const gameChunks = await buildGame(gameDir, root);
    // The same base and target as the game, whatever vite.config.ts says today.
    const config = await resolveConfig({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'silent' }, 'build', 'production', 'production');
    const helloChunks = await viteBuild({
      root: resolve(REPO_ROOT, 'bench/hello'),
      configFile: false,
      base: config.base,
      publicDir: false,
      build: { outDir: helloDir, emptyOutDir: true, target: config.build.target, chunkSizeWarningLimit: config.build.chunkSizeWarningLimit },
    });
    const bundle = bundleFigures(gameDir, gameChunks);
    const helloJsGzKB = kb(gzippedJs(helloDir).reduce((sum, f) => sum + f.gzBytes, 0));

    const [game, hello] = await Promise.all([serveStatic(gameDir), serveStatic(helloDir)]);
    servers.push(game, hello);
    browser = await launchBrowser();
    const b = browser;
    log(`bench-web: ${browser.version()}; ${loads} cold loads of each page, interleaved…`);

    const runs = {
      hello: [] as Load[],
      menu: [] as Load[],
      map: [] as Load[],
    };
    const order: [keyof typeof runs, () => Promise<Load>][] = [
      ['hello', () => coldLoad(b, hello.url, 'map')],
      ['menu', () => coldLoad(b, game.url, 'menu')],
      ['map', () => coldLoad(b, game.url + MAP_LINK, 'map')],
    ];
    for (const [, load] of order) await load(); // warm-up: disk cache, browser start-up
    for (let i = 0; i < loads; i++) {
      // Rotate which page goes first, so no page always follows the same neighbour.
      for (let k = 0; k < order.length; k++) {
        const [name, load] = order[(i + k) % order.length]!;
        runs[name].push(await load());
      }
    }
    const ms = (list: Load[]) => list.map((l) => l.ms).filter((v): v is number => v !== null);
    const helloMs = median(ms(runs.hello));
    const menuMs = median(ms(runs.menu));
    const mapMs = median(ms(runs.map));
    const startup = {
      method:
        `median of ${loads} cold loads each (fresh browser context, after one warm-up load of each), interleaved; ` +
        `times from navigation start; hello world: its first rendered frame; game map: ${MAP_LINK}`,
      helloFirstFrameMs: helloMs,
      gameMenuMs: menuMs,
      gameMenuFirstPaintMs: median(runs.menu.map((l) => l.fcp).filter((v): v is number => v !== null)),
      gameMapMs: mapMs,
      gameMapMethod: runs.map[0]?.method ?? null,
      menuToHelloRatio: ratio(menuMs, helloMs),
      mapToHelloRatio: ratio(mapMs, helloMs),
      bar: MAP_RATIO_BAR,
      withinBar: mapMs !== null && helloMs !== null ? mapMs / helloMs <= MAP_RATIO_BAR : null,
      samples: { hello: ms(runs.hello).map((v) => round(v)), menu: ms(runs.menu).map((v) => round(v)), map: ms(runs.map).map((v) => round(v)) },
    };

    log(`bench-web: frame times (${seconds} s per scene)…`);
    const frames = await frameFigures(browser, hello.url, game.url, seconds, convoys);
    return {
      web: {
        browser: `Chromium ${browser.version()} (headless, SwiftShader WebGL)`,
        bundle,
        helloWorld: { jsGzKB: helloJsGzKB, chunks: helloChunks.length },
        startup,
        frames,
      },
    };
  } finally {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  benchWeb().then(
    (figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`bench-web: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
