/**
 * `--policy <name|path>`: a shipped coordinator by name, or a module that exports one
 * (`export const coordinator` or a default export), as docs/coordinators.md describes.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Coordinator } from '../ai/coordinator';
import { PLAYER_POLICIES, PLAYERS, type PlayerPolicyName } from '../ai/players';
import { inputError, usageError } from './common';

export const isShipped = (spec: string): spec is PlayerPolicyName => (PLAYER_POLICIES as readonly string[]).includes(spec);

/** A name that is not shipped must be a file: anything else is a usage error, named. */
export function checkPolicySpec(spec: string, usage: string): string {
  if (isShipped(spec)) return spec;
  if (!/[/\\]|\.(ts|js|mjs)$/.test(spec)) throw usageError(`--policy must be one of ${PLAYER_POLICIES.join(', ')}, or the path of a coordinator module`, usage);
  if (!existsSync(spec)) throw inputError(`${spec}: no such coordinator module`);
  return resolve(spec);
}

export async function loadCoordinator(spec: string): Promise<Coordinator> {
  if (isShipped(spec)) return PLAYERS[spec];
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(spec).href)) as Record<string, unknown>;
  } catch (e) {
    throw inputError(`${spec}: cannot load the coordinator module: ${e instanceof Error ? e.message : String(e)}`);
  }
  const coordinator = module.coordinator ?? module.default;
  if (typeof coordinator !== 'function') throw inputError(`${spec}: the module exports no coordinator (export a function named "coordinator", or a default export)`);
  return coordinator as Coordinator;
}
