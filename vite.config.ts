import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { levelsPlugin } from './build/levels-plugin';
import { mapDataPlugin } from './build/map-data-plugin';
import { phaserWithoutExtras } from './build/phaser-plugin';

/** Every built page's policy: scripts only from the site itself, no plug-ins, no foreign frames. */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'media-src': "'self' data: blob:",
  'connect-src': "'self' data: blob:",
  'worker-src': "'self' blob:",
  'object-src': "'none'",
  'base-uri': "'self'",
};

export const policyText = (policy: Readonly<Record<string, string>>): string =>
  Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources}`)
    .join('; ');

/** The content security policy goes into the built page only (the dev server needs its websocket). */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policyText(CONTENT_SECURITY_POLICY)}" />`),
  };
}

/** The game's colours for the browser's chrome and the installed app's splash screen. */
export const THEME_COLOUR = '#1d1b16';

/**
 * Offline classrooms: after the first visit a service worker (Workbox, through
 * vite-plugin-pwa) has every page, chunk, level, map file, sound and icon, so the game
 * starts and plays with no network. The page registers it itself (src/app/offline.ts), late,
 * so that precaching never competes with the game's own start. A new version waits until
 * every tab of the old one is closed: an open game never loses the chunks it was built with.
 */
function offline(): Plugin[] {
  return VitePWA({
    injectRegister: null,
    registerType: 'prompt',
    // The glob below has the icons already.
    includeManifestIcons: false,
    manifest: {
      id: './',
      name: 'Lifeline: Bamako',
      short_name: 'Lifeline',
      description: "Keep Mali's capital alive through the 2025 fuel blockade. A strategy game for the classroom.",
      lang: 'en',
      start_url: './',
      scope: './',
      display: 'standalone',
      orientation: 'any',
      background_color: THEME_COLOUR,
      theme_color: THEME_COLOUR,
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,json,wav,png,svg,webmanifest}'],
      // The Phaser chunk is ~1.3 MB before compression; Workbox skips files over 2 MiB by default.
      maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
      // Scenario links (`?level=…&seed=…`) open the same cached page.
      ignoreURLParametersMatching: [/.*/],
      // Pages that do not exist stay "not found" rather than turning into the game.
      navigateFallback: null,
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: false,
    },
  });
}

/** The lazily loaded modules that open a game: the map (with Phaser), its start before Phaser, the HUD. */
const GAME_MODULES = ['src/scenes/index.ts', 'src/scenes/prepare.ts', 'src/ui/hud/index.ts'];

/**
 * A class link (`?level=…`, `?s=…`) opens the game at once, and its first frame waits for the
 * map's code, the largest file. The page's own script asks for it only once it has arrived
 * and run, so a tiny script of its own (`assets/class-link-*.js`, async, from the site like
 * every script) asks for the game's chunks as soon as the page is parsed: the same files the
 * page imports later, as module preloads, so nothing is fetched twice. The menu alone
 * fetches none of them. Build only: the dev server serves modules one by one.
 */
export function classLinkPreload(): Plugin {
  let script: string | undefined;
  return {
    name: 'class-link-preload',
    apply: 'build',
    generateBundle: {
      // Before the HTML is written (vite:build-html), which then reads `script`.
      order: 'pre',
      handler(_options, bundle) {
        const chunks = Object.values(bundle).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const entry = chunks.find((c) => c.isEntry && /[\\/]index\.html$/.test(c.facadeModuleId ?? ''));
        const loaded = new Set<string>();
        const visit = (file: string, into: Set<string>): void => {
          if (into.has(file)) return;
          into.add(file);
          for (const next of byFile.get(file)?.imports ?? []) visit(next, into);
        };
        if (entry) visit(entry.fileName, loaded);
        const wanted = new Set<string>();
        for (const c of chunks) if (GAME_MODULES.some((m) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(m))) visit(c.fileName, wanted);
        const files = [...wanted].filter((f) => !loaded.has(f)).sort();
        if (files.length === 0) return;
        const code =
          `(()=>{const q=new URLSearchParams(location.search);if(!q.has("level")&&!q.has("s"))return;` +
          `for(const f of ${JSON.stringify(files)}){const l=document.createElement("link");l.rel="modulepreload";l.crossOrigin="";l.href=new URL(f,document.baseURI).href;document.head.append(l)}})();\n`;
        const ref = this.emitFile({ type: 'asset', name: 'class-link.js', source: code });
        script = this.getFileName(ref);
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!script || !ctx.filename.endsWith('index.html')) return html;
        return html.replace('</title>', `</title>\n    <script async src="./${script}"></script>`);
      },
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [
    contentSecurityPolicy(),
    levelsPlugin(resolve(import.meta.dirname, 'levels')),
    mapDataPlugin(resolve(import.meta.dirname, 'levels'), resolve(import.meta.dirname, 'assets/map/west-africa.json')),
    phaserWithoutExtras(import.meta.dirname),
    classLinkPreload(),
    offline(),
  ],
  // Sounds, icons and map data are served as files, not bundled into the game's JavaScript.
  publicDir: 'assets',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    // Every page at the top level (the game, the instructor's pages, the editor) is an entry.
    rollupOptions: {
      input: Object.fromEntries(
        readdirSync(import.meta.dirname)
          .filter((f) => f.endsWith('.html'))
          .map((f) => [f.replace(/\.html$/, ''), resolve(import.meta.dirname, f)]),
      ),
    },
  },
  server: { host: '127.0.0.1' },
});
