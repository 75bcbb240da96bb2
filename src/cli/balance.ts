/**
 * `npm run balance -- --level F --runs N [--policy P] [--difficulty D]`: plays seeds 1..N.
 * Exits 1 when the level's `balanceTargets` give a band for this policy and difficulty and
 * the measured held rate leaves it.
 */
import { PLAYER_POLICIES } from '../ai/players';
import { checkTarget, describeTarget } from '../levels/balance-targets';
import { DIFFICULTIES } from '../sim/state';
import { choiceOption, EXIT, intOption, loadLevel, parseCli, runCli, usageError } from './common';
import { checkPolicySpec } from './coordinators';
import { playRuns, summariseRuns } from './runs';

const USAGE = `usage: npm run balance -- --level <file> --runs N [--policy ${PLAYER_POLICIES.join('|')}|<coordinator module>] [--difficulty easy|normal|hard]`;

runCli(async (args) => {
  const { values } = parseCli(
    args,
    { level: { type: 'string' }, runs: { type: 'string' }, policy: { type: 'string' }, difficulty: { type: 'string' }, help: { type: 'boolean' } },
    USAGE,
  );
  if (values.help) throw usageError('', USAGE);
  if (!values.level) throw usageError('balance: --level is required', USAGE);
  if (!values.runs) throw usageError('balance: --runs is required', USAGE);
  const runs = intOption(values.runs, 'runs', 1, 100_000, USAGE, 1);
  const policy = checkPolicySpec(values.policy ?? 'baseline', USAGE);
  const difficulty = choiceOption(values.difficulty, 'difficulty', DIFFICULTIES, USAGE, 'normal');
  const level = loadLevel(values.level);
  const started = performance.now();
  const outcomes = await playRuns({ level, policy, difficulty }, runs);
  const ms = performance.now() - started;
  const held = outcomes.filter((o) => o.outcome === 'held').length;
  const target = checkTarget(level.balanceTargets, policy, difficulty, held, runs);
  const summary = {
    level: level.id,
    policy,
    difficulty,
    ...summariseRuns(outcomes),
    ...(target && { target: { band: target.band, met: target.met } }),
    wallMs: Math.round(ms),
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  if (target === undefined || target.met) return EXIT.ok;
  process.stderr.write(`balance: ${values.level}: ${describeTarget(target, policy, difficulty)}\n`);
  return EXIT.invalid;
});
