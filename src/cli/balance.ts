/** `npm run balance -- --level F --runs N [--policy P] [--difficulty D]`: plays seeds 1..N. */
import { playMatch } from '../ai/match';
import { PLAYER_POLICIES } from '../ai/players';
import { buildContext } from '../sim/context';
import { outcomeOf } from '../sim/selectors';
import { DIFFICULTIES } from '../sim/state';
import { choiceOption, intOption, loadLevel, parseCli, runCli, usageError } from './common';
import { summariseRuns } from './runs';

const USAGE = 'usage: npm run balance -- --level <file> --runs N [--policy idle|baseline|random] [--difficulty easy|normal|hard]';

runCli((args) => {
  const { values } = parseCli(
    args,
    { level: { type: 'string' }, runs: { type: 'string' }, policy: { type: 'string' }, difficulty: { type: 'string' }, help: { type: 'boolean' } },
    USAGE,
  );
  if (values.help) throw usageError('', USAGE);
  if (!values.level) throw usageError('balance: --level is required', USAGE);
  if (!values.runs) throw usageError('balance: --runs is required', USAGE);
  const runs = intOption(values.runs, 'runs', 1, 100_000, USAGE, 1);
  const policy = choiceOption(values.policy, 'policy', PLAYER_POLICIES, USAGE, 'baseline');
  const difficulty = choiceOption(values.difficulty, 'difficulty', DIFFICULTIES, USAGE, 'normal');
  const level = loadLevel(values.level);
  const ctx = buildContext(level);
  const started = performance.now();
  const outcomes = [];
  for (let seed = 1; seed <= runs; seed++) outcomes.push(outcomeOf(ctx, playMatch(ctx, { seed, difficulty, policy }).state));
  const ms = performance.now() - started;
  const summary = { level: level.id, policy, difficulty, ...summariseRuns(outcomes), msPerRun: Math.round((ms / runs) * 10) / 10 };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
});
