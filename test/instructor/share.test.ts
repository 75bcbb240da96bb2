/**
 * Share links and settings files: what an instructor hands the class comes back exactly as
 * it was made, and anything else (cut, changed, foreign, from a newer game) is refused with
 * a reason, never a throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeSettingsFile,
  encodeShareLink,
  linkProblems,
  MAX_LINK_CHARS,
  MAX_SETTINGS_BYTES,
  normalizeShareLink,
  parseSettingsFile,
  parseShareLink,
  POLICY_BITS_V1,
  shareUrl,
  toBase64Url,
  type ShareLink,
} from '../../src/app/share';
import { POLICIES } from '../../src/levels/schema';
import type { Inject } from '../../src/sim/scenario';
import { loadLevelFile } from '../helpers';

const LEVELS = ['tutorial', 'bamako-2025', 'classroom-20min'];
const bamako = loadLevelFile('levels/bamako-2025.json');

const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 });
const pair = fc.record({ en: text, fr: text });
const effects = fc.record(
  {
    trust: fc.integer({ min: -100, max: 100 }),
    stockL: fc.integer({ min: -50_000_000, max: 50_000_000 }),
    morale: fc.record({ corridor: fc.constantFrom('senegal', 'cote-divoire'), delta: fc.integer({ min: -100, max: 100 }) }),
    foodPrice: fc.integer({ min: -100, max: 200 }),
  },
  { requiredKeys: [] },
);
const inject: fc.Arbitrary<Inject> = fc.oneof(
  fc.record({ day: fc.integer({ min: 1, max: 365 }), event: fc.constantFrom('blockade-declared', 'schools-closed', 'drivers-refuse'), effects: fc.option(effects, { nil: undefined }) }),
  fc.record({ day: fc.integer({ min: 1, max: 365 }), title: pair, body: pair, effects: fc.option(effects, { nil: undefined }) }),
).map((i) => Object.fromEntries(Object.entries(i).filter(([, v]) => v !== undefined)) as unknown as Inject);

const shareLink: fc.Arbitrary<ShareLink> = fc
  .record({
    level: fc.constantFrom(...LEVELS),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    difficulty: fc.constantFrom('easy' as const, 'normal' as const, 'hard' as const),
    injects: fc.array(inject, { maxLength: 6 }),
    policies: fc.option(fc.subarray([...POLICIES]), { nil: undefined }),
    timeLimitMin: fc.option(fc.integer({ min: 1, max: 240 }), { nil: undefined }),
    speed: fc.option(fc.record({ locked: fc.boolean(), value: fc.constantFrom(1 as const, 2 as const, 4 as const) }), { nil: undefined }),
    lang: fc.option(fc.constantFrom('en' as const, 'fr' as const), { nil: undefined }),
  })
  .map(({ injects, policies, ...rest }) => {
    const link: ShareLink = { level: rest.level, seed: rest.seed, difficulty: rest.difficulty, settings: { injects, ...(policies ? { policies } : {}) } };
    if (rest.timeLimitMin !== undefined) link.timeLimitMin = rest.timeLimitMin;
    if (rest.speed !== undefined) link.speed = rest.speed;
    if (rest.lang !== undefined) link.lang = rest.lang;
    return link;
  });

const classLink: ShareLink = {
  level: 'bamako-2025',
  seed: 2_000_000_000,
  difficulty: 'normal',
  settings: {
    injects: [
      { day: 12, event: 'kayes-convoys-destroyed' },
      { day: 30, event: 'power-plant-breakdown' },
    ],
    policies: ['hazardPay', 'curfew', 'closeSchools', 'purchaseCap'],
  },
  timeLimitMin: 45,
  speed: { locked: true, value: 2 },
  lang: 'fr',
};

/** A link's query string with a payload of our choosing. */
const withPayload = (payload: unknown, version = 1): string => `?s=${version}.${toBase64Url(new TextEncoder().encode(JSON.stringify(payload)))}`;

describe('a share link', () => {
  it('comes back exactly as it was made, for any settings', () => {
    fc.assert(
      fc.property(shareLink, (link) => {
        const parsed = parseShareLink(encodeShareLink(link), LEVELS);
        expect(parsed).toEqual({ kind: 'ok', link: normalizeShareLink(link) });
      }),
      { numRuns: 500 },
    );
  });

  it('survives being put in a full address and read back from it', () => {
    fc.assert(
      fc.property(shareLink, (link) => {
        const url = new URL(shareUrl('https://school.example.org/lifeline/instructor.html', link));
        expect(url.pathname).toBe('/lifeline/index.html');
        expect(parseShareLink(url.search, LEVELS)).toEqual({ kind: 'ok', link: normalizeShareLink(link) });
      }),
      { numRuns: 200 },
    );
  });

  it('is short enough for a QR code with a couple of injects, a time limit and a locked speed', () => {
    const url = shareUrl('https://school.example.org/lifeline-bamako/instructor.html', classLink);
    expect(url.length).toBeLessThan(600);
    expect(encodeShareLink(classLink)).toMatch(/^\?s=1\.[A-Za-z0-9_-]+$/);
  });

  it('keeps the plain form of DESIGN §4 working, with no settings', () => {
    expect(parseShareLink('?level=tutorial&seed=3&difficulty=hard', LEVELS)).toEqual({
      kind: 'ok',
      link: { level: 'tutorial', seed: 3, difficulty: 'hard', settings: { injects: [] } },
    });
    expect(parseShareLink('', LEVELS)).toEqual({ kind: 'none' });
    expect(parseShareLink('?utm_source=mail', LEVELS)).toEqual({ kind: 'none' });
  });

  it('numbers policies by a list that only ever grows at the end', () => {
    expect(POLICY_BITS_V1).toEqual(POLICIES.slice(0, POLICY_BITS_V1.length));
    expect(POLICIES.length).toBeLessThanOrEqual(31);
  });

  it('sorts policies and drops repeats; no policy list means all of the level’s', () => {
    const link: ShareLink = { level: 'tutorial', seed: 1, difficulty: 'easy', settings: { injects: [], policies: ['hazardPay', 'purchaseCap', 'hazardPay'] } };
    const parsed = parseShareLink(encodeShareLink(link), LEVELS);
    expect(parsed.kind === 'ok' && parsed.link.settings.policies).toEqual(['purchaseCap', 'hazardPay']);
    const none = parseShareLink(encodeShareLink({ ...link, settings: { injects: [], policies: [] } }), LEVELS);
    expect(none.kind === 'ok' && none.link.settings.policies).toEqual([]);
    const all = parseShareLink(encodeShareLink({ ...link, settings: { injects: [] } }), LEVELS);
    expect(all.kind === 'ok' && all.link.settings.policies).toBeUndefined();
  });

  const good = encodeShareLink(classLink);
  it.each([
    ['too long', `?s=1.${'A'.repeat(MAX_LINK_CHARS)}`, 'too-long', 'too long'],
    ['plain and too long', `?level=tutorial&x=${'a'.repeat(3000)}`, 'too-long', 'too long'],
    ['without a version', '?s=eyJsIjoidHV0b3JpYWwifQ', 'foreign', 'not a Lifeline: Bamako scenario link'],
    ['with version 0', '?s=0.e30', 'foreign', 'unknown version'],
    ['from a newer game', '?s=2.eyJsIjoidHV0b3JpYWwifQ', 'newer-version', 'made by a newer version of the game'],
    ['from a much newer game', '?s=17.anything-at-all', 'newer-version', 'newer version'],
    ['with foreign characters', '?s=1.abc$def', 'damaged', 'damaged'],
    ['cut short', good.slice(0, good.length - 9), 'damaged', 'damaged'],
    ['for a scenario the game lacks', withPayload({ l: 'paris-2030', s: 1, d: 'n' }), 'unknown-level', 'no scenario "paris-2030"'],
    ['plain, for a scenario the game lacks', '?level=paris', 'unknown-level', 'no scenario'],
    ['with a negative seed', withPayload({ l: 'tutorial', s: -1, d: 'n' }), 'invalid', 'seed'],
    ['with a fractional seed', withPayload({ l: 'tutorial', s: 1.5, d: 'n' }), 'invalid', 'seed'],
    ['with a bad difficulty', withPayload({ l: 'tutorial', s: 1, d: 'x' }), 'invalid', 'difficulty'],
    ['with an inject on day 0', withPayload({ l: 'tutorial', s: 1, d: 'n', i: [{ d: 0, e: 'welcome' }] }), 'invalid', 'inject 1, day'],
    ['with a half-written inject', withPayload({ l: 'tutorial', s: 1, d: 'n', i: [{ d: 2, t: ['a', 'b'] }] }), 'invalid', 'inject 1'],
    ['with an empty headline', withPayload({ l: 'tutorial', s: 1, d: 'n', i: [{ d: 2, t: ['', 'b'], b: ['c', 'd'] }] }), 'invalid', 'inject 1, title'],
    ['with policies from the future', withPayload({ l: 'tutorial', s: 1, d: 'n', p: 2 ** 20 }), 'invalid', 'policies'],
    ['with a time limit of a day', withPayload({ l: 'tutorial', s: 1, d: 'n', m: 1440 }), 'invalid', 'time limit'],
    ['with speed ×3', withPayload({ l: 'tutorial', s: 1, d: 'n', v: [1, 3] }), 'invalid', 'speed'],
    ['in German', withPayload({ l: 'tutorial', s: 1, d: 'n', g: 'de' }), 'invalid', 'language'],
    ['with an unknown field', withPayload({ l: 'tutorial', s: 1, d: 'n', z: 1 }), 'invalid', 'unknown fields: z'],
    ['that is a list', withPayload([1, 2]), 'invalid', 'not valid'],
  ])('is refused %s, with a reason', (_name, search, code, reason) => {
    const parsed = parseShareLink(search, LEVELS);
    expect(parsed.kind).toBe('error');
    if (parsed.kind !== 'error') return;
    expect(parsed.code).toBe(code);
    expect(parsed.reason).toContain(reason);
  });

  it('never throws on random text or on a valid link with a random edit', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `?s=${s}`), fc.string().map((s) => `?s=1.${s}`), fc.jsonValue().map((v) => withPayload(v))), (search) => {
        const parsed = parseShareLink(search, LEVELS);
        if (parsed.kind === 'error') expect(parsed.reason.length).toBeGreaterThan(10);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.nat({ max: good.length - 1 }), fc.string({ minLength: 1, maxLength: 3 }), (at, s) => {
        const parsed = parseShareLink(good.slice(0, at) + s + good.slice(at + 1), LEVELS);
        if (parsed.kind === 'error') expect(parsed.reason.length).toBeGreaterThan(10);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a settings file', () => {
  it('comes back as the link it was saved from', () => {
    fc.assert(
      fc.property(shareLink, (link) => {
        expect(parseSettingsFile(encodeSettingsFile(link), LEVELS)).toEqual({ ok: true, value: normalizeShareLink(link) });
      }),
      { numRuns: 300 },
    );
  });

  it('is readable JSON with its format and version', () => {
    const doc = JSON.parse(encodeSettingsFile(classLink)) as Record<string, unknown>;
    expect(doc).toMatchObject({ format: 'lifeline-bamako/scenario', version: 1, level: 'bamako-2025', seed: 2_000_000_000 });
  });

  const file = JSON.parse(encodeSettingsFile(classLink)) as Record<string, unknown>;
  it.each([
    ['empty', '', 'empty'],
    ['not JSON', 'level=tutorial', 'not JSON'],
    ['a list', '[1]', 'not a scenario settings file'],
    ['a result file', JSON.stringify({ format: 'lifeline-bamako/result', version: 1 }), 'student result file'],
    ['a saved game', JSON.stringify({ format: 'lifeline-bamako/save', version: 1 }), 'saved game'],
    ['another program’s file', JSON.stringify({ format: 'spreadsheet' }), 'not a Lifeline: Bamako scenario settings file'],
    ['without a format', JSON.stringify({ level: 'tutorial' }), 'no format'],
    ['from a newer game', JSON.stringify({ ...file, version: 2 }), 'newer version of the game'],
    ['of version 0', JSON.stringify({ ...file, version: 0 }), 'unknown settings file version'],
    ['too large', JSON.stringify({ ...file, pad: 'x'.repeat(MAX_SETTINGS_BYTES) }), 'larger than 256 KB'],
    ['with a bad seed', JSON.stringify({ ...file, seed: 'forty' }), 'seed'],
    ['for a scenario the game lacks', JSON.stringify({ ...file, level: 'paris-2030' }), 'no scenario "paris-2030"'],
    ['with an extra field', JSON.stringify({ ...file, teacher: 'M. Traoré' }), 'unknown fields: teacher'],
  ])('is refused when %s, with a reason', (_name, text, reason) => {
    const parsed = parseSettingsFile(text, LEVELS);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(reason);
  });

  it('never throws on random or edited documents', () => {
    const valid = encodeSettingsFile(classLink);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
          fc.tuple(fc.nat({ max: valid.length - 1 }), fc.string({ minLength: 1, maxLength: 3 })).map(([at, s]) => valid.slice(0, at) + s + valid.slice(at + 1)),
          fc.tuple(fc.constantFrom('level', 'seed', 'difficulty', 'settings', 'speed', 'lang', 'timeLimitMin', 'version'), fc.jsonValue({ maxDepth: 2 })).map(([key, value]) => JSON.stringify({ ...file, [key]: value })),
        ),
        (text) => {
          const parsed = parseSettingsFile(text, LEVELS);
          if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(3);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('a link checked against its level', () => {
  it('is playable as the instructor made it', () => {
    expect(linkProblems(classLink, bamako)).toEqual([]);
  });

  it.each([
    [{ injects: [{ day: 61, event: 'schools-closed' }] }, 'lasts 60 days'],
    [{ injects: [{ day: 2, event: 'no-such-event' }] }, 'does not have'],
  ])('names what the game would refuse (%#)', (settings, reason) => {
    expect(linkProblems({ ...classLink, settings }, bamako).join(' ')).toContain(reason);
  });

  it('names a policy the scenario does not offer', () => {
    const tutorial = loadLevelFile('levels/tutorial.json');
    expect(linkProblems({ ...classLink, level: 'tutorial', settings: { injects: [], policies: ['emergencyAirlift'] } }, tutorial).join(' ')).toContain('emergencyAirlift');
  });
});
