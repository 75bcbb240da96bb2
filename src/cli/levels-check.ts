/**
 * `npm run levels:check -- F…`: validates level files.
 *
 * Output: `ok <file>` on stdout for each valid file; every problem on stderr, one line
 * each, `file:line:col: json.path: message` (warnings read `…: json.path: warning: message`
 * and do not fail). Exit 0 if every file is valid, 1 if any is invalid or unreadable,
 * 2 for a usage error. Never a stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fileTooLarge, formatProblem, MAX_LEVEL_BYTES, parseLevel, type LevelProblem } from '../levels/parse';

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
  const text = readLevelText(file);
  if (typeof text !== 'string') return { valid: false, lines: [text.error] };
  const result = parseLevel(text, file);
  return result.ok ? { valid: true, warnings: result.warnings } : { valid: false, lines: result.problems.map(formatProblem) };
}

/** The file's text, or a one-line error; files over the limit are refused before reading them. */
function readLevelText(file: string): string | { error: string } {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { error: `${file}: cannot read: it is a directory` };
    if (stat.size > MAX_LEVEL_BYTES) return { error: formatProblem(fileTooLarge(file, stat.size)) };
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch (error) {
    return { error: `${file}: cannot read: ${readFailure(error)}` };
  }
}

function readFailure(error: unknown): string {
  if (error instanceof TypeError) return 'the file is not UTF-8 text';
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
