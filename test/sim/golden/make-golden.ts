/**
 * Records the golden games: one 60-day game of bamako-2025 per shipped coordinator (seed 7,
 * normal), as result files. test/sim/golden.test.ts replays each and requires the same
 * daily hashes.
 *
 *     npx tsx test/sim/golden/make-golden.ts
 *
 * Run it only after a deliberate change to the rules, and say so in the commit: a golden
 * file regenerated to make a failing test pass tests nothing.
 */
import { writeFileSync } from 'node:fs';
import { playMatch } from '../../../src/ai/match';
import { buildResult } from '../../../src/sim/result';
import { shippedContext } from '../../helpers';
import { GOLDEN_POLICIES, GOLDEN_SEED } from './policies';

const ctx = shippedContext('bamako-2025', 60);
for (const policy of GOLDEN_POLICIES) {
  const match = playMatch(ctx, { seed: GOLDEN_SEED, difficulty: 'normal', policy });
  const result = buildResult({ ctx, state: match.state, log: match.log, dailyHashes: match.dailyHashes, player: { policy } });
  writeFileSync(new URL(`./${policy}.json`, import.meta.url), `${JSON.stringify(result)}\n`);
  process.stdout.write(`${policy}: ${match.dailyHashes.length} days, ${match.log.length} actions, final state ${match.finalStateHash}\n`);
}
