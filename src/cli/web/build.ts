/** Builds the game (or another page, for the benchmark) with Vite's API, as `npm run build` does. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig, type Rolldown } from 'vite';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export type BuiltChunk = Rolldown.OutputChunk;

/**
 * Runs a production build and returns its chunks. Vitest sets NODE_ENV=test, under which
 * Vite would keep libraries' development code; the build always gets `production`.
 */
export async function viteBuild(config: InlineConfig): Promise<BuiltChunk[]> {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const result = await build({ logLevel: 'warn', mode: 'production', ...config });
    const outputs = Array.isArray(result) ? result : [result];
    return outputs.flatMap((o) => ('output' in o ? o.output.filter((x): x is BuiltChunk => x.type === 'chunk') : []));
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
}

/**
 * The game itself, with the project's vite.config.ts, into `outDir` (default `dist/`).
 * The `e2e` mode is the production build with the game's states frozen, so that browser
 * tests catch any change made outside the rules.
 */
export function buildGame(outDir = resolve(REPO_ROOT, 'dist'), root = REPO_ROOT, mode: 'production' | 'e2e' = 'production'): Promise<BuiltChunk[]> {
  // The same config loader as `npm run build`.
  return viteBuild({ root, mode, configFile: resolve(root, 'vite.config.ts'), configLoader: 'runner', build: { outDir, emptyOutDir: true } });
}
