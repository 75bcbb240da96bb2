/**
 * What the class dashboard takes in at once: a class's worth of results, never a folder of
 * thousands or a paste of megabytes; a load over the limits is refused whole, with a reason
 * said in English and French, before anything of it is read.
 */
import { describe, expect, it } from 'vitest';
import { filesProblem, MAX_PASTE_CHARS, MAX_RESULTS_PER_LOAD, readPaste, type LoadProblem } from '../../src/dashboard/intake';
import { MAX_RESULT_BYTES } from '../../src/sim/result';
import { dashboard } from '../../src/strings/dashboard';

const code = (i: number): string => `LB1.${'A'.repeat(20)}${i.toString(36)}`;

describe('a drop or a choice of files', () => {
  it.each([1, 40, MAX_RESULTS_PER_LOAD])('%i files are taken', (n) => {
    expect(filesProblem(n)).toBeNull();
  });

  it('one file more than the limit refuses the whole drop, saying how many and the limit', () => {
    expect(MAX_RESULTS_PER_LOAD).toBe(200);
    expect(filesProblem(MAX_RESULTS_PER_LOAD + 1)).toEqual({ key: 'dash.tooManyFiles', params: { n: 201, max: 200 } });
    expect(filesProblem(5000)).toEqual({ key: 'dash.tooManyFiles', params: { n: 5000, max: 200 } });
  });
});

describe('pasted text', () => {
  it('a class of codes, one a line or run together, is taken code by code', () => {
    const codes = Array.from({ length: MAX_RESULTS_PER_LOAD }, (_, i) => code(i));
    const pasted = readPaste(codes.join('\n'));
    expect(pasted.ok && pasted.items.map((item) => item.text)).toEqual(codes);
    expect(pasted.ok && pasted.items.every((item) => item.kind === 'code')).toBe(true);
  });

  it('one code more than the limit refuses the whole paste', () => {
    const pasted = readPaste(Array.from({ length: MAX_RESULTS_PER_LOAD + 1 }, (_, i) => code(i)).join(' '));
    expect(pasted).toEqual({ ok: false, problem: { key: 'dash.tooManyCodes', params: { n: 201, max: 200 } } });
  });

  it('a result file pasted whole is one result, up to the largest a result file may be', () => {
    const text = `{"version":1${' '.repeat(MAX_RESULT_BYTES - 20)}}`;
    expect(readPaste(text)).toEqual({ ok: true, items: [{ kind: 'file', text }] });
  });

  it('has room for a class of long games, and refuses more text than that before searching it', () => {
    expect(MAX_PASTE_CHARS).toBeGreaterThanOrEqual(MAX_RESULT_BYTES);
    expect(MAX_PASTE_CHARS).toBeGreaterThanOrEqual(MAX_RESULTS_PER_LOAD * 80 * 1024);
    expect(readPaste(`${code(1)} `.padEnd(MAX_PASTE_CHARS, 'A')).ok).toBe(true);
    expect(readPaste(`${code(1)} `.padEnd(MAX_PASTE_CHARS + 1, 'A'))).toEqual({ ok: false, problem: { key: 'dash.pasteTooLong', params: { max: 16 } } });
  });

  it('nothing, or text without a code, is said as such', () => {
    expect(readPaste('  \n ')).toEqual({ ok: false, problem: { key: 'dash.pasteEmpty', params: {} } });
    expect(readPaste('my result is great')).toEqual({ ok: false, problem: { key: 'dash.pasteNone', params: {} } });
  });
});

describe('the reasons', () => {
  const problems: LoadProblem['key'][] = ['dash.pasteEmpty', 'dash.pasteNone', 'dash.tooManyFiles', 'dash.tooManyCodes', 'dash.pasteTooLong'];
  it.each(problems)('%s is said in English and French, with the same placeholders', (key) => {
    const names = (s: string | undefined): string[] => [...(s ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    const en = (dashboard.en as Record<string, string>)[key];
    const fr = (dashboard.fr as Record<string, string>)[key];
    expect(en).toBeTruthy();
    expect(fr).toBeTruthy();
    expect(names(fr)).toEqual(names(en));
  });
});
