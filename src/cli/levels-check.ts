/**
 * `npm run levels:check -- F…`: validates level files.
 *
 * Output: `ok <file>` on stdout for each valid file; every problem on stderr, one line
 * each, `file:line:col: json.path: message` (warnings read `…: json.path: warning: message`
 * and do not fail). Exit 0 if every file is valid, 1 if any is invalid or unreadable,
 * 2 for a usage error. Never a stack trace.
 *
 * Beyond what the game checks when it loads a level, a valid level is played headless by a
 * coordinator who does nothing: a warning says so if the city survives that.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fileTooLarge, formatProblem, levelLocator, MAX_LEVEL_BYTES, parseLevelFile, type LevelProblem } from '../levels/parse';
import type { Level } from '../levels/schema';
import { gamesAnIdlePlayerSurvives } from './do-nothing';

const USAGE = 'usage: npm run levels:check -- <level.json>...';

const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

type Outcome = { valid: true; warnings: LevelProblem[] } | { valid: false; lines: string[] };

function main(args: readonly string[]): number {
  const files = parseArgs(args);
  if (typeof files === 'string') {
    process.stderr.write(`${files}${USAGE}\n`);
    return EXIT.usage;
  }
  let allValid = true;
  for (const file of files) {
    // `levels/*.json` also matches the generated schema, which is not a level.
    if (basename(file) === 'schema.json') {
      process.stdout.write(`skipped ${file} (the level schema, not a level)\n`);
      continue;
    }
    const outcome = checkFile(file);
    if (outcome.valid) {
      process.stdout.write(`ok ${file}\n`);
      for (const warning of outcome.warnings) process.stderr.write(`${formatProblem(warning)}\n`);
    } else {
      allValid = false;
      for (const line of outcome.lines) process.stderr.write(`${line}\n`);
    }
  }
  return allValid ? EXIT.ok : EXIT.invalid;
}

/** The files to check, or the text to print before the usage line. */
function parseArgs(args: readonly string[]): string[] | string {
  const files: string[] = [];
  let optionsEnded = false;
  for (const arg of args) {
    if (optionsEnded || !arg.startsWith('-') || arg === '-') files.push(arg);
    else if (arg === '--') optionsEnded = true;
    else if (arg === '--help' || arg === '-h') return '';
    else return `levels:check: unknown option "${arg}"\n`;
  }
  return files.length > 0 ? files : 'levels:check: no level files given\n';
}

function checkFile(file: string): Outcome {
  const bytes = readLevelBytes(file);
  if (!(bytes instanceof Uint8Array)) return { valid: false, lines: [bytes.error] };
  // Level files live in levels/ under their id: the game finds them by it.
  const result = parseLevelFile(bytes, file, { namedAfterId: true });
  if (!result.ok) return { valid: false, lines: result.problems.map(formatProblem) };
  return { valid: true, warnings: [...result.warnings, ...doNothingWarnings(result.value, bytes, file)] };
}

/**
 * A warning, not an error: the file is a level the game can load, and whether it is a good
 * one depends on rules that change; the shipped levels' test makes it an error for them.
 * Easy only, and three seeds, to stay quick: if doing nothing fails on easy, the player's
 * decisions matter; the test plays every difficulty.
 */
function doNothingWarnings(level: Level, bytes: Uint8Array, file: string): LevelProblem[] {
  const survived = gamesAnIdlePlayerSurvives(level, ['easy'], [1, 2, 3]);
  if (survived.length === 0) return [];
  const seeds = survived.map((game) => game.seed).join(', ');
  const message =
    `a coordinator who does nothing ${survived.some((g) => g.outcome === 'held') ? 'holds' : 'reaches the last day of'} this level on easy (seeds ${seeds}): ` +
    "the player's decisions do not matter; make it harder: fewer tankers a day, a smaller depot, more cells or more days (docs/levels.md, section 6)";
  return [levelLocator(new TextDecoder().decode(bytes), file).at(['days'], message, 'warning')];
}

/** The file's bytes, or a one-line error; files over the limit are refused before reading them. */
function readLevelBytes(file: string): Uint8Array | { error: string } {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { error: `${file}: cannot read: it is a directory` };
    if (stat.size > MAX_LEVEL_BYTES) return { error: formatProblem(fileTooLarge(file, stat.size)) };
    return readFileSync(file);
  } catch (error) {
    return { error: `${file}: cannot read: ${readFailure(error)}` };
  }
}

function readFailure(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // A bug here must still give one readable line, not a stack trace.
  process.stderr.write(`levels:check: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = EXIT.invalid;
}
