/**
 * Hardened inputs (DESIGN §5, robustness): content is never inserted as HTML, and every
 * input that comes from outside (a file, a pasted code, a link, stored data) has a size
 * limit that is checked before the input is parsed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_RESULT_CODE_CHARS, parseResultCode } from '../../src/app/results';
import { MAX_SAVE_BYTES, parseSave } from '../../src/app/saves';
import { defaultSettings, loadSettings, MAX_SETTINGS_CHARS } from '../../src/app/settings';
import { MAX_LINK_CHARS, MAX_SETTINGS_BYTES, parseSettingsFile, parseShareLink } from '../../src/app/share';
import { MAX_LEVEL_BYTES, parseLevel } from '../../src/levels/parse';
import type { Reason, ReasonCode } from '../../src/sim/reason';
import { MAX_RESULT_BYTES, parseResult } from '../../src/sim/result';
import { english } from '../reason-helpers';

const ROOT = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? sourceFiles(path) : /\.(ts|js)$/.test(name) ? [path] : [];
  });
}

/** Code (comments and string contents aside) that would parse text as HTML. */
const HTML_SINKS = /\.(innerHTML|outerHTML)\s*[+]?=|\binsertAdjacentHTML\s*\(|\bdocument\s*\.\s*write(ln)?\s*\(|\bcreateContextualFragment\s*\(|\bsetHTMLUnsafe\s*\(|\.srcdoc\s*=|\bparseFromString\s*\(|\bnew\s+Function\s*\(|\beval\s*\(/;

/** The source without comments, so that a comment may name what the code must not do. */
const withoutComments = (code: string): string => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');

describe('no content is inserted as HTML', () => {
  const files = sourceFiles('src');

  it('the check recognises every way of doing it', () => {
    for (const bad of ['el.innerHTML = text', 'el.outerHTML += x', "el.insertAdjacentHTML('beforeend', x)", 'document.write(x)', 'range.createContextualFragment(x)', 'new DOMParser().parseFromString(x, "text/html")', 'frame.srcdoc = x', 'eval(code)', 'new Function(code)']) {
      expect(HTML_SINKS.test(bad), bad).toBe(true);
    }
    expect(HTML_SINKS.test('el.textContent = text')).toBe(false);
    expect(HTML_SINKS.test(withoutComments('// never el.innerHTML = x'))).toBe(false);
  });

  it('nowhere in src/', () => {
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((file) => HTML_SINKS.test(withoutComments(readFileSync(join(ROOT, file), 'utf8'))));
    expect(offenders).toEqual([]);
  });
});

describe('every import has a size limit, checked before parsing', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Refused with this reason, which says so in words. */
  const refusedFor = (r: unknown, code: ReasonCode, words: RegExp): boolean => {
    const result = r as { ok: boolean; reason?: Reason };
    return !result.ok && result.reason?.code === code && words.test(english(result.reason));
  };

  /** Input just over the limit: its shape is right, only its size is wrong. */
  const overJson = (limit: number, head: string): string => `${head}${' '.repeat(Math.max(0, limit - head.length))} }`;

  const limits: { name: string; limit: number; over: string; parse: (text: string) => unknown; refused: (result: unknown) => boolean }[] = [
    {
      name: `a saved game file (${MAX_SAVE_BYTES / 1024 / 1024} MiB)`,
      limit: MAX_SAVE_BYTES,
      over: overJson(MAX_SAVE_BYTES, '{ "format": "lifeline-bamako/save"'),
      parse: parseSave,
      refused: (r) => refusedFor(r, 'save.tooLarge', /larger than 8 MiB/),
    },
    {
      name: `a result file (${MAX_RESULT_BYTES / 1024 / 1024} MiB)`,
      limit: MAX_RESULT_BYTES,
      over: overJson(MAX_RESULT_BYTES, '{ "format": "lifeline-bamako/result"'),
      parse: parseResult,
      refused: (r) => refusedFor(r, 'result.tooLarge', /larger than 8 MiB/),
    },
    {
      name: `a scenario settings file (${MAX_SETTINGS_BYTES / 1024} KB)`,
      limit: MAX_SETTINGS_BYTES,
      over: overJson(MAX_SETTINGS_BYTES, '{ "format": "lifeline-bamako/scenario"'),
      parse: (text) => parseSettingsFile(text),
      refused: (r) => refusedFor(r, 'settings.tooLarge', /larger than 256 KB/),
    },
    {
      name: `a scenario link (${MAX_LINK_CHARS} characters)`,
      limit: MAX_LINK_CHARS,
      over: `?level=tutorial&x=${'a'.repeat(MAX_LINK_CHARS)}`,
      parse: (text) => parseShareLink(text, ['tutorial']),
      refused: (r) => (r as { kind: string }).kind === 'error' && refusedFor({ ok: false, reason: (r as { reason: Reason }).reason }, 'link.tooLong', /too long/),
    },
    {
      name: `a level file (${MAX_LEVEL_BYTES / 1024} KB)`,
      limit: MAX_LEVEL_BYTES,
      over: overJson(MAX_LEVEL_BYTES, '{ "id": "big"'),
      parse: (text) => parseLevel(text, 'levels/big.json'),
      refused: (r) => !(r as { ok: boolean }).ok && /may be at most/.test(JSON.stringify(r)),
    },
    {
      name: `the stored settings (${MAX_SETTINGS_CHARS} characters)`,
      limit: MAX_SETTINGS_CHARS,
      over: overJson(MAX_SETTINGS_CHARS, '{ "lang": "fr"'),
      parse: (text) => loadSettings({ getItem: () => text }, defaultSettings(['en'])),
      refused: (r) => (r as { lang: string }).lang === 'en',
    },
  ];

  it.each(limits)('$name', ({ over, limit, parse, refused }) => {
    expect(over.length).toBeGreaterThan(limit);
    const parseJson = vi.spyOn(JSON, 'parse');
    const result = parse(over);
    expect(refused(result), JSON.stringify(result).slice(0, 300)).toBe(true);
    // Refused on its size alone: nothing was parsed.
    expect(parseJson).not.toHaveBeenCalled();
  });

  it(`a pasted result code (${MAX_RESULT_CODE_CHARS / 1024 / 1024} MiB), before it is unpacked`, async () => {
    const inflate = vi.spyOn(globalThis, 'DecompressionStream');
    const result = await parseResultCode(`LB1.${'A'.repeat(MAX_RESULT_CODE_CHARS)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.code).toBe('code.tooLong');
    if (!result.ok) expect(english(result.reason)).toMatch(/longer than 2 MiB/);
    expect(inflate).not.toHaveBeenCalled();
  });

  it('every page that reads a file the user picks checks its size first', () => {
    const readers = sourceFiles('src').filter((file) => {
      const code = withoutComments(readFileSync(join(ROOT, file), 'utf8'));
      return /\.files\b/.test(code) && /\.text\(\)/.test(code);
    });
    expect(readers.length).toBeGreaterThanOrEqual(3);
    for (const file of readers) {
      const code = withoutComments(readFileSync(join(ROOT, file), 'utf8'));
      expect(/\.size\s*>\s*(\w+\.)?MAX_[A-Z_]+/.test(code), `${relative(ROOT, join(ROOT, file))} reads a picked file without comparing its size to a MAX_ limit`).toBe(true);
    }
  });
});
