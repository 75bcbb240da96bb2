/** What the command-line tools share: argument errors, exit codes, loading levels and files. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { fileTooLarge, formatProblem, MAX_LEVEL_BYTES, parseLevelFile } from '../levels/parse';
import type { Level } from '../levels/schema';

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** An expected failure: printed as one line, never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export const usageError = (message: string, usage: string): CliError => new CliError(`${message}\n${usage}`, EXIT.usage);
export const inputError = (message: string): CliError => new CliError(message, EXIT.invalid);

export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, usage: string, positionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: positionals });
  } catch (e) {
    throw usageError(e instanceof Error ? e.message : String(e), usage);
  }
}

export function intOption(value: string | undefined, name: string, lo: number, hi: number, usage: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < lo || Number(value) > hi) throw usageError(`--${name} must be a whole number from ${lo} to ${hi}`, usage);
  return Number(value);
}

export function choiceOption<T extends string>(value: string | undefined, name: string, choices: readonly T[], usage: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw usageError(`--${name} must be one of ${choices.join(', ')}`, usage);
  return value as T;
}

export function readText(file: string, maxBytes: number): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw inputError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  if (size > maxBytes) throw inputError(`${file}: the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB`);
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw inputError(`${file}: cannot read: ${(e as Error).message}`);
  }
}

export function loadLevel(file: string): Level {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    throw inputError(`${file}: cannot read: no such file`);
  }
  if (size > MAX_LEVEL_BYTES) throw inputError(formatProblem(fileTooLarge(file, size)));
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw inputError(`${file}: cannot read: ${(e as Error).message}`);
  }
  const result = parseLevelFile(bytes, file);
  if (!result.ok) throw inputError(result.problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n'));
  return result.value;
}

/** The level file in `dir` whose id is `id`. */
export function findLevelById(id: string, dir = 'levels'): Level {
  const direct = join(dir, `${id}.json`);
  const candidates = [direct, ...safeList(dir).filter((f) => f.endsWith('.json') && f !== 'schema.json').map((f) => join(dir, f))];
  for (const file of candidates) {
    try {
      const level = loadLevel(file);
      if (level.id === id) return level;
    } catch {
      // A broken or unrelated file is simply not the one we look for.
    }
  }
  throw inputError(`no valid level with id "${id}" in ${dir}/ (give it with --level)`);
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Run a command's main, turning every failure into one line and an exit code. */
export function runCli(main: (args: string[]) => number | void | Promise<number | void>): void {
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .then((code) => {
      process.exitCode = code ?? EXIT.ok;
    })
    .catch((e: unknown) => report(e));
}

function report(e: unknown): void {
  if (e instanceof CliError) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = e.exitCode;
  } else {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = EXIT.invalid;
  }
}
