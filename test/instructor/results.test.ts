/**
 * Result codes: a whole game as one line to paste, read back exactly; anything else is
 * refused with a reason. And aliases: never a required real name, never hidden characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { playMatch } from '../../src/ai/match';
import { findResultCodes, isValidAlias, MAX_RESULT_CODE_CHARS, parseResultCode, resultCode, cleanAlias } from '../../src/app/results';
import { toBase64Url } from '../../src/app/share';
import { buildResult, MAX_RESULT_BYTES, parseResult, type ResultFile } from '../../src/sim/result';
import { shippedContext } from '../helpers';
import { english, expectClear } from '../reason-helpers';

const ctx = shippedContext('tutorial');
const match = playMatch(ctx, { seed: 5, difficulty: 'normal', policy: 'baseline' });
const result: ResultFile = buildResult({ ctx, state: match.state, log: match.log, dailyHashes: match.dailyHashes, player: { alias: 'A. K.' } });

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw') as unknown as ReadableWritablePair<Uint8Array, Uint8Array<ArrayBuffer>>);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
const codeOf = async (text: string): Promise<string> => `LB1.${toBase64Url(await deflate(new TextEncoder().encode(text)))}`;

describe('a result code', () => {
  it('carries the whole result and comes back identical', async () => {
    const code = await resultCode(result);
    expect(code.startsWith('LB1.')).toBe(true);
    expect(code).toMatch(/^LB1\.[A-Za-z0-9_-]+$/);
    // Much shorter than the file it carries.
    expect(code.length).toBeLessThan(JSON.stringify(result).length / 3);
    expect(await parseResultCode(code)).toEqual({ ok: true, value: result });
  });

  it('is read however a chat app or an e-mail wrapped it', async () => {
    const code = await resultCode(result);
    const wrapped = `  ${code.replace(/(.{64})/g, '$1\r\n')}\n\t`;
    expect(await parseResultCode(wrapped)).toEqual({ ok: true, value: result });
  });

  it('is found in a pasted message, one or several, wrapped or not', async () => {
    const code = await resultCode(result);
    const message = `Bonjour ! Voici mon code :\n${code.slice(0, 50)}\n${code.slice(50)}. Merci\n${code}`;
    const found = findResultCodes(message);
    expect(found.map((c) => c.replace(/ /g, ''))).toEqual([code, code]);
    for (const c of found) expect(await parseResultCode(c)).toEqual({ ok: true, value: result });
    expect(findResultCodes('no code here')).toEqual([]);
  });

  it('is found up to the next code or anything that is not a code character, however long', () => {
    // Pieces across a break are kept apart by a space: unpacking tells whether the last one belongs.
    expect(findResultCodes('LB1.ab-_\ncdLB22.ef, LB1234567.gh LB3.ij.kl')).toEqual(['LB1.ab-_ cd', 'LB22.ef', 'LB3.ij']);
    // Longer than any real code: read, never a stack overflow of the regular-expression engine.
    const long = `LB1.${'Ab9 '.repeat(4_000_000)}`;
    expect(findResultCodes(`${long}!`).map((c) => c.replace(/ /g, '').length)).toEqual([4 + 3 * 4_000_000]);
  });

  describe('in a class’s paste, however it was wrapped', async () => {
    const other: ResultFile = { ...result, player: { alias: 'B. T.' } };
    const [one, two] = [await resultCode(result), await resultCode(other)];
    /** Lines of at most `width` characters, as e-mail and chat apps wrap them. */
    const wrap = (code: string, width: number, eol = '\n'): string => code.replace(new RegExp(`(.{${width}})`, 'g'), `$1${eol}`).trimEnd();
    const quote = (text: string, mark = '> '): string =>
      text
        .split('\n')
        .map((line) => mark + line)
        .join('\n');
    it.each([
      ['names with a colon', `Student 1: ${one}\nStudent 2: ${two}`],
      ['numbers with a dot', `1. ${one}\n2. ${two}`],
      ['numbers with a bracket', `1) ${one}\n2) ${two}`],
      ['dash bullets', `- ${one}\n- ${two}`],
      ['round bullets', `• ${one}\n• ${two}`],
      ['star bullets, wrapped', `* ${wrap(one, 70)}\n* ${wrap(two, 70)}`],
      ['e-mail quoting, wrapped at 76', quote(`Here are the codes:\n${wrap(one, 76)}\n\n${wrap(two, 76)}\nThanks`)],
      ['quoting twice', quote(quote(`${wrap(one, 72)}\n${wrap(two, 72)}`), '>')],
      ['names on their own lines, Windows line ends', `Awa\r\n${wrap(one, 64, '\r\n')}\r\nMoussa\r\n${wrap(two, 64, '\r\n')}\r\n`],
      ['one line, a comma between', `${one}, ${two}.`],
      ['brackets and quotation marks', `(${one}) «${two}»`],
      ['tabs and blank lines around', `\n\n\t${one}\t\n\n   ${two}   \n`],
      ['code spans', `\`${one}\`\n\`${two}\``],
      ['a name after each code', `${one} Amadou\n${two} Fatou`],
      ['a message between, in words', `${wrap(one, 80)}\nsent from my phone\nand the second one is\n${two}\nsee you tomorrow`],
    ])('%s: every code is read', async (_name, paste) => {
      const found = findResultCodes(paste);
      expect(found).toHaveLength(2);
      const read = await Promise.all(found.map(parseResultCode));
      expect(read.map((r) => (r.ok ? r.value.player.alias : english(r.reason)))).toEqual(['A. K.', 'B. T.']);
    });
  });

  it.each([
    ['empty', '', 'code.empty', 'empty'],
    ['just spaces', '   \n ', 'code.empty', 'empty'],
    ['a link, not a code', 'https://example.org/?s=1.abc', 'code.foreign', 'not a Lifeline: Bamako result code (codes start with LB1.)'],
    ['the JSON itself', '{"format":"lifeline-bamako/result"}', 'code.foreign', 'not a Lifeline: Bamako result code'],
    ['from a newer game', 'LB2.AAAA', 'code.newer', 'made by a newer version of the game (code version 2; this one reads version 1)'],
    ['of version 0', 'LB0.AAAA', 'code.unknownVersion', 'unknown result code version 0'],
    ['with foreign characters', 'LB1.abc$%', 'code.badCharacters', 'damaged'],
    ['with nothing after the mark', 'LB1.', 'code.badCharacters', 'damaged'],
    ['not deflated', `LB1.${toBase64Url(new TextEncoder().encode('hello world, this is plain text'))}`, 'code.damaged', 'damaged'],
  ])('is refused when %s, with a reason', async (_name, code, reasonCode, words) => {
    const parsed = await parseResultCode(code);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason.code).toBe(reasonCode);
    expect(english(parsed.reason)).toContain(words);
    expectClear(parsed.reason);
  });

  it('is refused when it was cut short', async () => {
    const code = await resultCode(result);
    const parsed = await parseResultCode(code.slice(0, Math.floor(code.length * 0.6)));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(english(parsed.reason)).toMatch(/damaged|not JSON/);
  });

  it('is refused when it unpacks to something that is not a result', async () => {
    const notJson = await parseResultCode(await codeOf('hello'));
    expect(!notJson.ok && notJson.reason).toEqual({ code: 'result.notJson' });
    const foreign = await parseResultCode(await codeOf(JSON.stringify({ format: 'lifeline-bamako/save', version: 1 })));
    expect(!foreign.ok && english(foreign.reason)).toContain('this is a saved game, not a result');
    const edited = await parseResultCode(await codeOf(JSON.stringify({ ...result, seed: -4 })));
    expect(!edited.ok && english(edited.reason)).toBe('the field “seed” must be at least 0');
  });

  it('is refused when it is too long, or unpacks to more than a result file may be', async () => {
    const long = await parseResultCode(`LB1.${'A'.repeat(MAX_RESULT_CODE_CHARS)}`);
    expect(!long.ok && english(long.reason)).toContain('longer than');
    // A few kilobytes that would inflate to 9 MiB (a "zip bomb").
    const bomb = await codeOf(' '.repeat(MAX_RESULT_BYTES + 1024 * 1024));
    expect(bomb.length).toBeLessThan(40_000);
    const parsed = await parseResultCode(bomb);
    expect(!parsed.ok && parsed.reason).toEqual({ code: 'code.tooLargeUnpacked', params: { max: 8 } });
  });

  it('never throws on random text or on a code with a random edit', async () => {
    const code = await resultCode(result);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `LB1.${s}`),
          fc.base64String().map((s) => `LB1.${s}`),
          fc.tuple(fc.nat({ max: code.length - 1 }), fc.constantFrom('A', '-', '_', 'z', '9')).map(([at, c]) => code.slice(0, at) + c + code.slice(at + 1)),
        ),
        async (text) => {
          const parsed = await parseResultCode(text);
          if (!parsed.ok) expectClear(parsed.reason);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a result file of an older format', () => {
  it('of version 1 (no time limit or speed lock in its settings) still loads, as played without them', () => {
    const v1 = { ...result, version: 1, settings: { injects: [] } };
    const parsed = parseResult(JSON.stringify(v1));
    expect(parsed).toEqual({ ok: true, value: { ...result, version: 2, settings: { injects: [] } } });
  });

  it('from a newer game is refused, saying so', () => {
    const parsed = parseResult(JSON.stringify({ ...result, version: 3 }));
    expect(!parsed.ok && parsed.reason.code).toBe('result.newer');
  });
});

describe('an alias', () => {
  it.each([
    ['AK', true],
    ['  Awa T.  ', true],
    ['Ñ’Ko ߒߞߏ', true],
    ['x'.repeat(40), true],
    ['🦁'.repeat(20), true],
    ['🦁'.repeat(21), false],
    ['', false],
    ['   ', false],
    ['x'.repeat(41), false],
    ['tab\there', false],
    ['line\nbreak', false],
    ['bell\u0007', false],
    ['right\u202Eto-left', false],
    ['isolate\u2067x\u2069', false],
    ['arabic\u061Cmark', false],
  ])('%j is valid: %s', (alias, valid) => {
    expect(isValidAlias(alias)).toBe(valid);
  });

  it('always fits in a result file', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (alias) => {
        const clean = cleanAlias(alias);
        if (clean === null) return;
        const file = buildResult({ ctx, state: match.state, log: [], dailyHashes: [], player: { alias: clean } });
        expect(parseResult(JSON.stringify(file)).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is the same rule in a result file: the dashboard refuses what the game refuses', () => {
    for (const alias of ['x'.repeat(41), 'right\u202Eto-left', '']) {
      const parsed = parseResult(JSON.stringify({ ...result, player: { alias } }));
      expect(parsed.ok, alias).toBe(false);
      if (!parsed.ok) expect(english(parsed.reason)).toBe('the field “player.alias” must be 1 to 40 characters, with no control or text-direction characters');
    }
  });

  it('is stored trimmed', () => {
    expect(cleanAlias('  K.D. ')).toBe('K.D.');
    expect(cleanAlias('\u0000')).toBeNull();
  });
});
