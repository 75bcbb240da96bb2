import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { levelsPlugin } from './build/levels-plugin';
import { phaserWithoutMatter } from './build/phaser-plugin';

/** The content security policy goes into the built page only (the dev server needs its websocket). */
function contentSecurityPolicy(): Plugin {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "connect-src 'self' data: blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`),
  };
}

export default defineConfig({
  base: './',
  plugins: [contentSecurityPolicy(), levelsPlugin(resolve(import.meta.dirname, 'levels')), phaserWithoutMatter(import.meta.dirname)],
  // Sounds and map data are served as files, not bundled into the game's JavaScript.
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
