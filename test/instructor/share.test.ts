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
import type { Reason } from '../../src/sim/reason';
import { levelHash } from '../../src/sim/context';
import type { Inject } from '../../src/sim/scenario';
import { loadLevelFile } from '../helpers';
import { english, expectClear, french } from '../reason-helpers';

const LEVELS = ['tutorial', 'bamako-2025', 'classroom-20min'];
const bamako = loadLevelFile('levels/bamako-2025.json');

const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 });
const pair = fc.record({ en: text, fr: text });
/** The effects the instructor page offers, within its bounds. */
const effects = fc.record(
  {
    trust: fc.integer({ min: -20, max: 20 }),
    stockL: fc.integer({ min: -5_000_000, max: 5_000_000 }),
    morale: fc.record({ corridor: fc.constantFrom('senegal', 'cote-divoire'), delta: fc.integer({ min: -30, max: 30 }) }),
    foodPrice: fc.integer({ min: -50, max: 50 }),
    blockade: fc.constantFrom('senegal', 'guinea'),
  },
  { requiredKeys: [] },
);
const inject: fc.Arbitrary<Inject> = fc.oneof(
  fc.record({ day: fc.integer({ min: 1, max: 365 }), event: fc.constantFrom('blockade-declared', 'schools-closed', 'drivers-refuse') }),
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
    speedLock: fc.option(fc.constantFrom(1 as const, 2 as const, 4 as const), { nil: undefined }),
    lang: fc.option(fc.constantFrom('en' as const, 'fr' as const), { nil: undefined }),
  })
  .map(({ injects, policies, timeLimitMin, speedLock, ...rest }) => {
    const link: ShareLink = { level: rest.level, seed: rest.seed, difficulty: rest.difficulty, settings: { injects, ...(policies ? { policies } : {}) } };
    if (timeLimitMin !== undefined) link.settings.timeLimitMin = timeLimitMin;
    if (speedLock !== undefined) link.settings.speedLock = speedLock;
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
    timeLimitMin: 45,
    speedLock: 2,
  },
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
  /** Cut short, to a length base64url can have: it decodes, to JSON that stops in the middle. */
  const cut = good.slice(0, good.length - 9 - ((good.length - 9 - '?s=1.'.length) % 4 === 1 ? 1 : 0));
  it.each([
    ['too long', `?s=1.${'A'.repeat(MAX_LINK_CHARS)}`, 'too-long', 'link.tooLong', 'the link is too long'],
    ['plain and too long', `?level=tutorial&x=${'a'.repeat(3000)}`, 'too-long', 'link.tooLong', 'too long'],
    ['without a version', '?s=eyJsIjoidHV0b3JpYWwifQ', 'foreign', 'link.noVersion', 'not a Lifeline: Bamako scenario link'],
    ['with version 0', '?s=0.e30', 'foreign', 'link.unknownVersion', 'unknown version 0'],
    ['from a newer game', '?s=2.eyJsIjoidHV0b3JpYWwifQ', 'newer-version', 'link.newer', 'made by a newer version of the game (link version 2; this one reads version 1)'],
    ['from a much newer game', '?s=17.anything-at-all', 'newer-version', 'link.newer', 'newer version'],
    ['with foreign characters', '?s=1.abc$def', 'damaged', 'link.badCharacters', 'damaged'],
    ['cut short', cut, 'damaged', 'link.damaged', 'the link is damaged and cannot be read'],
    ['for a scenario the game lacks', withPayload({ l: 'paris-2030', s: 1, d: 'n' }), 'unknown-level', 'link.unknownLevel', 'no scenario “paris-2030”'],
    ['plain, for a scenario the game lacks', '?level=paris', 'unknown-level', 'link.unknownLevel', 'no scenario'],
    ['plain, with a bad seed', '?level=tutorial&seed=x', 'invalid', 'link.badSeed', 'the seed “x”'],
    ['with a negative seed', withPayload({ l: 'tutorial', s: -1, d: 'n' }), 'invalid', 'rule.wholeNumber', 'the seed must be a whole number from 0 to 2,147,483,647'],
    ['with a fractional seed', withPayload({ l: 'tutorial', s: 1.5, d: 'n' }), 'invalid', 'rule.wholeNumber', 'seed'],
    ['with a bad difficulty', withPayload({ l: 'tutorial', s: 1, d: 'x' }), 'invalid', 'issue.oneOf', 'the difficulty must be one of: easy, normal, hard'],
    ['without a scenario', withPayload({ s: 1, d: 'n' }), 'invalid', 'rule.levelId', 'no scenario is named'],
    ['with an inject on day 0', withPayload({ l: 'tutorial', s: 1, d: 'n', i: [{ d: 0, e: 'welcome' }] }), 'invalid', 'issue.tooSmall.number', 'the day of inject 1 must be at least 1'],
    ['with a half-written inject', withPayload({ l: 'tutorial', s: 1, d: 'n', i: [{ d: 2, t: ['a', 'b'] }] }), 'invalid', 'issue.injectEventOrText', 'inject 1 must name an event'],
    ['with an empty headline', withPayload({ l: 'tutorial', s: 1, d: 'n', i: [{ d: 2, t: ['', 'b'], b: ['c', 'd'] }] }), 'invalid', 'issue.empty', 'the English headline of inject 1 must not be empty'],
    ['with a headline that is not a pair', withPayload({ l: 'tutorial', s: 1, d: 'n', i: [{ d: 2, t: 'a', b: ['c', 'd'] }] }), 'invalid', 'rule.textPair', 'the headline of inject 1 must be an English and a French text'],
    // A hidden bonus: more than the instructor page offers, or an effect it does not offer at all.
    ['with a depot of 50 million litres', withPayload({ l: 'tutorial', s: 1, d: 'n', i: [{ d: 2, t: ['a', 'b'], b: ['c', 'd'], x: { stockL: 5e7 } }] }), 'invalid', 'issue.tooBig.number', '“stockL” in the effects of inject 1 must be at most 5,000,000'],
    ['with a weaker armed group', withPayload({ l: 'tutorial', s: 1, d: 'n', i: [{ d: 2, t: ['a', 'b'], b: ['c', 'd'], x: { cellStrength: -5 } }] }), 'invalid', 'issue.unknownFields', 'the effects of inject 1 has unknown fields: cellStrength'],
    ['with effects on a level event', withPayload({ l: 'tutorial', s: 1, d: 'n', i: [{ d: 2, e: 'welcome', x: { trust: 5 } }] }), 'invalid', 'issue.injectEventEffects', 'only an inject written for the class may have effects'],
    ['with policies from the future', withPayload({ l: 'tutorial', s: 1, d: 'n', p: 2 ** 20 }), 'invalid', 'rule.newerPolicies', 'policies this version of the game does not have'],
    ['with a policy list that is not one', withPayload({ l: 'tutorial', s: 1, d: 'n', p: -1 }), 'invalid', 'rule.policyList', 'the list of policies is not valid'],
    ['with a time limit of a day', withPayload({ l: 'tutorial', s: 1, d: 'n', m: 1440 }), 'invalid', 'rule.minutes', 'the time limit must be a whole number of minutes from 1 to 240'],
    ['with speed ×3', withPayload({ l: 'tutorial', s: 1, d: 'n', v: [1, 3] }), 'invalid', 'issue.oneOf', 'the speed must be one of: 1, 2, 4'],
    ['with a policy list naming a bit no policy has', withPayload({ l: 'tutorial', s: 1, d: 'n', p: 2 ** 30 }), 'invalid', 'rule.newerPolicies', 'policies this version of the game does not have'],
    ['with a speed that is not a setting', withPayload({ l: 'tutorial', s: 1, d: 'n', v: 'fast' }), 'invalid', 'rule.speedSetting', 'the speed setting is not valid'],
    ['in German', withPayload({ l: 'tutorial', s: 1, d: 'n', g: 'de' }), 'invalid', 'issue.oneOf', 'the language must be one of: en, fr'],
    ['with an unknown field', withPayload({ l: 'tutorial', s: 1, d: 'n', z: 1 }), 'invalid', 'issue.unknownFields', 'the link has unknown fields: z'],
    ['that is a list', withPayload([1, 2]), 'invalid', 'issue.type.object', 'the link must be a JSON object'],
  ])('is refused %s, with a reason', (_name, search, code, reasonCode, words) => {
    const parsed = parseShareLink(search, LEVELS);
    expect(parsed.kind).toBe('error');
    if (parsed.kind !== 'error') return;
    expect(parsed.code).toBe(code);
    // Settings that are not valid are said inside "the link's settings are not valid: …".
    const inner = parsed.reason.code === 'link.invalid' ? (parsed.reason.params!.problem as Reason) : parsed.reason;
    expect(code === 'invalid' && !reasonCode.startsWith('link.')).toBe(parsed.reason.code === 'link.invalid');
    expect(inner.code).toBe(reasonCode);
    expect(english(parsed.reason)).toContain(words);
    expectClear(parsed.reason);
  });

  it('says what is wrong in French too', () => {
    const parsed = parseShareLink(withPayload({ l: 'tutorial', s: 1, d: 'n', i: [{ d: 0, e: 'welcome' }] }), LEVELS);
    expect(parsed.kind === 'error' && french(parsed.reason)).toBe('les réglages du lien ne sont pas valides : le jour de l’injection 1 doit valoir au moins 1');
    const newer = parseShareLink('?s=2.eyJsIjoidHV0b3JpYWwifQ', LEVELS);
    expect(newer.kind === 'error' && french(newer.reason)).toContain('ce lien a été créé par une version plus récente du jeu (version de lien 2 ; celle-ci lit la version 1)');
  });

  it('never throws on random text or on a valid link with a random edit', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `?s=${s}`), fc.string().map((s) => `?s=1.${s}`), fc.jsonValue().map((v) => withPayload(v))), (search) => {
        const parsed = parseShareLink(search, LEVELS);
        if (parsed.kind === 'error') expectClear(parsed.reason);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.nat({ max: good.length - 1 }), fc.string({ minLength: 1, maxLength: 3 }), (at, s) => {
        const parsed = parseShareLink(good.slice(0, at) + s + good.slice(at + 1), LEVELS);
        if (parsed.kind === 'error') expectClear(parsed.reason);
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
    expect(doc).toMatchObject({ format: 'lifeline-bamako/scenario', version: 2, level: 'bamako-2025', seed: 2_000_000_000 });
  });

  it('keeps the hash of the level it was made for, for the dashboard', () => {
    const parsed = parseSettingsFile(encodeSettingsFile(classLink, bamako), LEVELS);
    expect(parsed).toEqual({ ok: true, value: { ...normalizeShareLink(classLink), levelHash: levelHash(bamako) } });
  });

  it('of version 1 (time limit and speed beside the settings) still loads', () => {
    const v1 = { format: 'lifeline-bamako/scenario', version: 1, level: 'bamako-2025', seed: 3, difficulty: 'hard', settings: { injects: [] }, timeLimitMin: 30, speed: { locked: true, value: 4 }, lang: 'en' };
    expect(parseSettingsFile(JSON.stringify(v1), LEVELS)).toEqual({ ok: true, value: { level: 'bamako-2025', seed: 3, difficulty: 'hard', settings: { injects: [], timeLimitMin: 30, speedLock: 4 }, lang: 'en' } });
    const free = { ...v1, speed: { locked: false, value: 2 } };
    expect(parseSettingsFile(JSON.stringify(free), LEVELS)).toEqual({ ok: true, value: { level: 'bamako-2025', seed: 3, difficulty: 'hard', settings: { injects: [], timeLimitMin: 30 }, lang: 'en' } });
  });

  const file = JSON.parse(encodeSettingsFile(classLink)) as Record<string, unknown>;
  it.each([
    ['empty', '', 'settings.empty', 'empty'],
    ['not JSON', 'level=tutorial', 'settings.notJson', 'not JSON'],
    ['a list', '[1]', 'settings.notSettings', 'not a scenario settings file'],
    ['a result file', JSON.stringify({ format: 'lifeline-bamako/result', version: 1 }), 'settings.isResult', 'student result file'],
    ['a saved game', JSON.stringify({ format: 'lifeline-bamako/save', version: 1 }), 'settings.isSave', 'saved game'],
    ['another program’s file', JSON.stringify({ format: 'spreadsheet' }), 'settings.foreign', 'not a Lifeline: Bamako scenario settings file (format "spreadsheet")'],
    ['without a format', JSON.stringify({ level: 'tutorial' }), 'settings.noFormat', 'no format'],
    ['from a newer game', JSON.stringify({ ...file, version: 3 }), 'settings.newer', 'newer version of the game'],
    ['of version 0', JSON.stringify({ ...file, version: 0 }), 'settings.unknownVersion', 'unknown settings file version 0'],
    ['too large', JSON.stringify({ ...file, pad: 'x'.repeat(MAX_SETTINGS_BYTES) }), 'settings.tooLarge', 'larger than 256 KB'],
    ['with a bad seed', JSON.stringify({ ...file, seed: 'forty' }), 'rule.wholeNumber', 'the seed must be a whole number'],
    ['with a speed that is not one', JSON.stringify({ ...file, settings: { injects: [], speedLock: 3 } }), 'issue.oneOf', 'the speed must be one of: 1, 2, 4'],
    ['with policies the game lacks', JSON.stringify({ ...file, settings: { injects: [], policies: ['martialLaw'] } }), 'issue.oneOf', '“0” in the list of policies must be one of: "purchaseCap"'],
    ['for a scenario the game lacks', JSON.stringify({ ...file, level: 'paris-2030' }), 'link.unknownLevel', 'no scenario “paris-2030”'],
    ['with an extra field', JSON.stringify({ ...file, teacher: 'M. Traoré' }), 'issue.unknownFields', 'the file has unknown fields: teacher'],
  ])('is refused when %s, with a reason', (_name, text, code, words) => {
    const parsed = parseSettingsFile(text, LEVELS);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason.code).toBe(code);
    expect(english(parsed.reason)).toContain(words);
    expectClear(parsed.reason);
  });

  it('never throws on random or edited documents', () => {
    const valid = encodeSettingsFile(classLink);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
          fc.tuple(fc.nat({ max: valid.length - 1 }), fc.string({ minLength: 1, maxLength: 3 })).map(([at, s]) => valid.slice(0, at) + s + valid.slice(at + 1)),
          fc.tuple(fc.constantFrom('level', 'seed', 'difficulty', 'settings', 'levelHash', 'lang', 'version'), fc.jsonValue({ maxDepth: 2 })).map(([key, value]) => JSON.stringify({ ...file, [key]: value })),
        ),
        (text) => {
          const parsed = parseSettingsFile(text, LEVELS);
          if (!parsed.ok) expectClear(parsed.reason);
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
    [{ injects: [{ day: 61, event: 'schools-closed' }] }, 'scenario.injectAfterEnd', 'lasts 60 days'],
    [{ injects: [{ day: 2, event: 'no-such-event' }] }, 'scenario.injectUnknownEvent', 'does not have'],
  ])('names what the game would refuse (%#)', (settings, code, words) => {
    const problems = linkProblems({ ...classLink, settings }, bamako);
    expect(problems.map((p) => p.code)).toEqual([code]);
    expect(english(problems[0]!)).toContain(words);
  });

  it('names a policy the scenario does not offer, and another scenario', () => {
    const tutorial = loadLevelFile('levels/tutorial.json');
    const problems = linkProblems({ ...classLink, settings: { injects: [], policies: ['emergencyAirlift'] } }, tutorial);
    expect(problems.map((p) => p.code)).toEqual(['link.forOtherLevel', 'scenario.policyMissing']);
    expect(problems.map(english)).toEqual(['the link is for scenario “bamako-2025”, not “tutorial”', 'the policy “emergencyAirlift” is not part of this scenario']);
    expect(french(problems[1]!)).toBe('la mesure « emergencyAirlift » ne fait pas partie de ce scénario');
  });
});
