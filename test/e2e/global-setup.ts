/**
 * Before the e2e tests: build the game into `dist/` and serve it on a free local port.
 * The tests read the address with `inject('baseUrl')`.
 *
 * `E2E_BASE_URL=http://…/` tests a site that is already running (e.g. `npm start`), and
 * `E2E_SKIP_BUILD=1` serves the `dist/` that is already there.
 */
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT, buildGame } from '../../src/cli/web/build';
import { serveStatic } from '../../src/cli/web/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.E2E_BASE_URL;
  if (given) {
    project.provide('baseUrl', given.endsWith('/') ? given : `${given}/`);
    return async () => undefined;
  }
  const dist = resolve(REPO_ROOT, 'dist');
  if (!process.env.E2E_SKIP_BUILD) await buildGame(dist, REPO_ROOT, 'e2e');
  const server = await serveStatic(dist);
  project.provide('baseUrl', server.url);
  return () => server.close();
}
