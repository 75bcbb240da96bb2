/**
 * Replays students' games off the page's thread: a 60-day game takes a few hundred
 * milliseconds to verify, and a class of thirty would otherwise freeze the dashboard.
 * The page first sends the shipped levels (a worker has no document to resolve their
 * address from), then one request per result.
 */
import type { Level } from '../levels/schema';
import { verifyRequest, type LevelLookup, type VerifyRequest } from './verify';

export type WorkerMessage = { type: 'levels'; levels: [string, Level | null][] } | ({ type: 'verify' } & VerifyRequest);

const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null; postMessage(message: unknown): void };
let levels: LevelLookup = new Map();

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'levels') levels = new Map(message.levels);
  else void verifyRequest(message, levels).then((response) => scope.postMessage(response));
};
