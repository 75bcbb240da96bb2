/** `npm run replay -- R [--level F]`: re-simulates a result file and checks every day's hash. */
import { reasonText } from '../app/i18n';
import { MAX_RESULT_BYTES, parseResult, resultContext, verifyResult } from '../sim/result';
import { EXIT, findLevelById, inputError, loadLevel, parseCli, readText, runCli, usageError } from './common';

const USAGE = 'usage: npm run replay -- <result.json> [--level <level.json>]';

runCli((args) => {
  const { values, positionals } = parseCli(args, { level: { type: 'string' }, help: { type: 'boolean' } }, USAGE, true);
  if (values.help) throw usageError('', USAGE);
  if (positionals.length !== 1) throw usageError('replay: give exactly one result file', USAGE);
  const file = positionals[0]!;
  const parsed = parseResult(readText(file, MAX_RESULT_BYTES));
  if (!parsed.ok) throw inputError(`${file}: ${reasonText(parsed.reason, 'en')}`);
  const result = parsed.value;
  const level = values.level ? loadLevel(values.level) : findLevelById(result.level.id);
  const scenario = resultContext(level, result);
  if (!scenario.ok) throw inputError(`${file}: not verified: ${reasonText(scenario.reason, 'en')}`);
  const verdict = verifyResult(scenario.ctx, result);
  if (!verdict.ok) throw inputError(`${file}: not verified: ${reasonText(verdict.reason, 'en')}`);
  process.stdout.write(`verified ${verdict.hash}\n`);
  return EXIT.ok;
});
