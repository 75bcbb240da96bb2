/**
 * The single-file offline build: `npm run build:offline` writes `dist-offline/lifeline-bamako.html`,
 * one self-contained page that runs from a USB stick or a shared folder with no server
 * (file://). vite-plugin-singlefile inlines the scripts and styles, the lazy Phaser chunk
 * included (which is why the served site does not use it); the levels, the map data and the
 * sounds go into the page as a JSON element that src/offline/embedded-assets.ts serves to the
 * game. The content security policy stays: inline scripts are allowed by their SHA-256 hashes.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { levelsPlugin } from './build/levels-plugin';
import { mapDataPlugin } from './build/map-data-plugin';
import { phaserWithoutExtras } from './build/phaser-plugin';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, policyText } from './vite.config';

export const OFFLINE_FILE = 'lifeline-bamako.html';
export const OFFLINE_DIR = 'dist-offline';
const ROOT = import.meta.dirname;
const ASSETS = join(ROOT, 'assets');
const MAIN_SCRIPT = '<script type="module" src="./src/main.ts"></script>';

/** The files the game fetches at run time, by path relative to the page: levels come from the bundle. */
function publicAssets(): Record<string, string> {
  const files: Record<string, string> = { 'map/west-africa.json': readFileSync(join(ASSETS, 'map/west-africa.json'), 'utf8') };
  for (const sound of readdirSync(join(ASSETS, 'sounds')).filter((f) => f.endsWith('.wav')).sort()) {
    files[`sounds/${sound}`] = `data:audio/wav;base64,${readFileSync(join(ASSETS, 'sounds', sound)).toString('base64')}`;
  }
  return files;
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Executable inline scripts (not the JSON data element), whose hashes the policy lists. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).filter((body) => body.length > 0);
}

/** The page's changes: the embedded-files module before the game, the favicon inline, no home-screen icon. */
function offlinePage(): Plugin {
  return {
    name: 'lifeline-offline-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(MAIN_SCRIPT)) throw new Error(`index.html no longer loads the game with ${MAIN_SCRIPT}; update vite.offline.config.ts`);
        const favicon = `data:image/svg+xml;base64,${readFileSync(join(ASSETS, 'icons/icon.svg')).toString('base64')}`;
        return (
          html
            // Before the game's own script, so that its requests find the embedded files.
            .replace(MAIN_SCRIPT, `<script type="module" src="./src/offline/embedded-assets.ts"></script>\n    ${MAIN_SCRIPT}`)
            .replace(/<link rel="icon" href="[^"]*"/, `<link rel="icon" href="${favicon}"`)
            .replace(/\s*<link rel="apple-touch-icon"[^>]*>/, '')
        );
      },
    },
  };
}

/** The levels, map data and sounds into the page, and the policy's script hashes. After vite-plugin-singlefile (both `post`; this one listed later). */
function embedAssets(): Plugin {
  return {
    name: 'lifeline-offline-assets',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html'];
        if (!page || page.type !== 'asset') throw new Error('the offline build produced no index.html');
        const files = publicAssets();
        for (const [name, output] of Object.entries(bundle)) {
          if (name === 'index.html') continue;
          if (output.type === 'asset' && /^(map\/)?levels\/[a-z0-9-]+\.json$/.test(name)) files[name] = String(output.source);
          delete bundle[name];
        }
        if (!files['levels/index.json']) throw new Error('the offline build found no levels/index.json to embed');
        // `<` escaped, so that no text in a level can close the script element.
        const data = `<script type="application/json" id="lifeline-assets">${JSON.stringify(files).replace(/</g, '\\u003c')}</script>`;
        // The page's own </body> is the last one (the inlined code has some in its strings).
        let html = String(page.source);
        const end = html.lastIndexOf('</body>');
        if (end < 0) throw new Error('the offline page has no </body>');
        html = `${html.slice(0, end)}${data}\n${html.slice(end)}`;
        const policy = { ...CONTENT_SECURITY_POLICY, 'script-src': inlineScripts(html).map(sha256).join(' ') };
        html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*" \/>/, `<meta http-equiv="Content-Security-Policy" content="${policyText(policy)}" />`);
        if (!html.includes(policy['script-src'])) throw new Error('the offline build could not set its content security policy');
        delete bundle['index.html'];
        this.emitFile({ type: 'asset', fileName: OFFLINE_FILE, source: html });
      },
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [offlinePage(), contentSecurityPolicy(), levelsPlugin(resolve(ROOT, 'levels')), mapDataPlugin(resolve(ROOT, 'levels'), join(ASSETS, 'map/west-africa.json')), phaserWithoutExtras(ROOT), viteSingleFile({ removeViteModuleLoader: true }), embedAssets()],
  // Nothing is copied beside the page: it needs nothing beside it.
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: OFFLINE_DIR,
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: resolve(ROOT, 'index.html') },
  },
});
