import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { levelsPlugin } from './build/levels-plugin';
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

export default defineConfig({
  base: './',
  plugins: [contentSecurityPolicy(), levelsPlugin(resolve(import.meta.dirname, 'levels')), phaserWithoutExtras(import.meta.dirname), offline()],
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
