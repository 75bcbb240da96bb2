/**
 * `npm run build:offline`: the whole game as one HTML file that runs from disk, with no
 * server and no network (a USB stick, a shared folder, a laptop in a classroom without
 * Internet). See vite.offline.config.ts for how it is made.
 *
 *     npm run build:offline            # → dist-offline/lifeline-bamako.html
 */
import { statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, viteBuild } from '../src/cli/web/build';
import { OFFLINE_DIR, OFFLINE_FILE } from '../vite.offline.config';

/** Builds the single file into `outDir` and returns its path. */
export async function buildOffline(outDir = resolve(REPO_ROOT, OFFLINE_DIR)): Promise<string> {
  await viteBuild({ root: REPO_ROOT, configFile: resolve(REPO_ROOT, 'vite.offline.config.ts'), configLoader: 'runner', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return join(outDir, OFFLINE_FILE);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  buildOffline().then(
    (file) => {
      const mb = statSync(file).size / 1024 / 1024;
      process.stdout.write(`${relative(process.cwd(), file)}  ${mb.toFixed(1)} MB — open it in a browser, no server needed.\n`);
    },
    (error: unknown) => {
      process.stderr.write(`build:offline: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
