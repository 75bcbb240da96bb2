/**
 * `npm run sim -- --level F [--seed N] [--difficulty easy|normal|hard]
 *   [--policy <name|module>] [--days N] [--json] [--out R]`: one whole game headless.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { playMatch } from '../ai/match';
import { PLAYER_POLICIES } from '../ai/players';
import { buildContext } from '../sim/context';
import { buildResult } from '../sim/result';
import { outcomeOf } from '../sim/selectors';
import { DIFFICULTIES } from '../sim/state';
import { choiceOption, inputError, intOption, loadLevel, parseCli, runCli, usageError } from './common';
import { checkPolicySpec, loadCoordinator } from './coordinators';

const USAGE = `usage: npm run sim -- --level <file> [--seed N] [--difficulty easy|normal|hard] [--policy ${PLAYER_POLICIES.join('|')}|<coordinator module>] [--days N] [--json] [--out <result.json>]`;

runCli(async (args) => {
  const { values } = parseCli(
    args,
    {
      level: { type: 'string' },
      seed: { type: 'string' },
      difficulty: { type: 'string' },
      policy: { type: 'string' },
      days: { type: 'string' },
      json: { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
    USAGE,
  );
  if (values.help) throw usageError('', USAGE);
  if (!values.level) throw usageError('sim: --level is required', USAGE);
  const seed = intOption(values.seed, 'seed', 0, 2 ** 31 - 1, USAGE, 1);
  const difficulty = choiceOption(values.difficulty, 'difficulty', DIFFICULTIES, USAGE, 'normal');
  const spec = checkPolicySpec(values.policy ?? 'baseline', USAGE);
  // A coordinator module goes by its file name in the result (the full path says nothing to an instructor).
  const policy = basename(spec).slice(0, 40);
  const level = loadLevel(values.level);
  const days = intOption(values.days, 'days', 1, 365, USAGE, level.days);
  const ctx = buildContext(level, days);

  const match = playMatch(ctx, { seed, difficulty, policy: await loadCoordinator(spec) });
  const outcome = outcomeOf(ctx, match.state);
  if (values.out) {
    const result = buildResult({ ctx, state: match.state, log: match.log, dailyHashes: match.dailyHashes, player: { policy } });
    try {
      writeFileSync(values.out, `${JSON.stringify(result)}\n`);
    } catch (e) {
      throw inputError(`${values.out}: cannot write: ${(e as Error).message}`);
    }
  }
  if (values.json) {
    const summary = {
      level: level.id,
      seed,
      difficulty,
      policy,
      outcome: outcome.outcome,
      score: outcome.score,
      metrics: outcome.metrics,
      days: outcome.daysSurvived,
      finalStateHash: match.finalStateHash,
      actions: match.log.length,
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const m = outcome.metrics;
  const lines = [
    `${level.id} · seed ${seed} · ${difficulty} · ${policy}`,
    `outcome: ${outcome.outcome}${match.state.collapseReason ? ` (${match.state.collapseReason})` : ''} after ${outcome.daysSurvived} of ${ctx.level.days} days · score ${outcome.score}`,
    `tankers delivered ${m.tankersDelivered}, lost ${m.tankersLost} · services kept ${m.servicesKept}% · trust ${m.trust} · rural towns held ${m.ruralSecurity}%`,
    `lives lost ${m.livesLost} · school days lost ${m.educationDaysLost} · budget left ${m.budgetLeftM} M CFA`,
    `final state ${match.finalStateHash} · ${match.log.length} actions`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
});
