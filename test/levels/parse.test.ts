import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_LEVEL_BYTES, parseLevel, type LevelProblem } from '../../src/levels/parse';

const mini = readFileSync(new URL('./fixtures/mini.json', import.meta.url), 'utf8');

/** The fixture with one exact, unique piece of text replaced; fails loudly if the fixture changed. */
function edit(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first < 0 || text.indexOf(from, first + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(from)} in the fixture`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}

/** 1-based line:col of a unique needle (plus `shift` characters into it), counted independently of the code under test. */
function positionOf(text: string, needle: string, shift = 0): { line: number; col: number } {
  const index = text.indexOf(needle);
  if (index < 0 || text.indexOf(needle, index + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(needle)} in the text`);
  const before = text.slice(0, index + shift).split('\n');
  return { line: before.length, col: (before[before.length - 1] ?? '').length + 1 };
}

interface Expected {
  line: number;
  col: number;
  path: string;
  message: string | RegExp;
  severity?: 'error' | 'warning';
}

function expectProblems(actual: readonly LevelProblem[], expected: readonly Expected[]): void {
  expect(actual.map(({ line, col, path }) => ({ line, col, path }))).toEqual(expected.map(({ line, col, path }) => ({ line, col, path })));
  actual.forEach((problem, i) => {
    const want = expected[i];
    if (want === undefined) return;
    if (typeof want.message === 'string') expect(problem.message).toBe(want.message);
    else expect(problem.message).toMatch(want.message);
    expect(problem.severity).toBe(want.severity ?? 'error');
    expect(problem.file).toBe('level.json');
  });
}

function problemsOf(text: string): LevelProblem[] {
  const result = parseLevel(text, 'level.json');
  if (result.ok) throw new Error('expected the level to be rejected');
  return result.problems;
}

describe('parseLevel accepts a valid level', () => {
  it('returns the level with defaults filled in and no warnings', () => {
    const result = parseLevel(mini, 'mini.json');
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (!result.ok) return;
    expect(result.value.id).toBe('mini');
    expect(result.value.towns[0]?.garrisonNeed).toBe(0);
    expect(result.value.randomEvents[0]?.fromDay).toBe(1);
  });

  it('accepts a byte-order mark and CRLF line endings', () => {
    expect(parseLevel(`\uFEFF${mini.replace(/\n/g, '\r\n')}`, 'mini.json').ok).toBe(true);
  });

  it('accepts a file of exactly 2 MiB, counted in UTF-8 bytes', () => {
    const padded = mini + ' '.repeat(MAX_LEVEL_BYTES - Buffer.byteLength(mini, 'utf8'));
    expect(Buffer.byteLength(padded, 'utf8')).toBe(MAX_LEVEL_BYTES);
    expect(parseLevel(padded, 'mini.json').ok).toBe(true);
    expectProblems(problemsOf(`${padded} `), [
      { line: 1, col: 1, path: '(root)', message: 'the file is 2.0 MiB; a level file may be at most 2.0 MiB' },
    ]);
  });
});

interface Case {
  name: string;
  text: () => string;
  expected: (text: string) => Expected[];
}

const kmAsString = (): string => edit(mini, '"km": 15', '"km": "15"');
const kmMissing = (): string => edit(mini, '"km": 15, ', '');
const kmMisspelt = (): string => edit(mini, '"km": 15', '"kms": 15');
const roadIdTwice = (): string => edit(mini, '"id": "kati-kita"', '"id": "bamako-kati"');
const roadToUnknownTown = (): string => edit(mini, '"to": "kati"', '"to": "katy"');
const eventAfterTheEnd = (): string => edit(mini, '"day": 15', '"day": 70');
const depotInKati = (): string => edit(mini, '"depot": { "town": "bamako"', '"depot": { "town": "kati"');
const sikassoCutOff = (): string => edit(mini, '"id": "bougouni-sikasso", "from": "bougouni", "to": "sikasso"', '"id": "kati-bougouni", "from": "kati", "to": "bougouni"');

const cases: Case[] = [
  {
    name: 'an empty file',
    text: () => '',
    expected: () => [{ line: 1, col: 1, path: '(root)', message: /^the file is empty/ }],
  },
  {
    name: 'whitespace only',
    text: () => ' \n\t \r\n  ',
    expected: () => [{ line: 1, col: 1, path: '(root)', message: /^the file is empty/ }],
  },
  {
    name: 'not JSON: a field without a value',
    text: () => '{"id": }',
    expected: () => [{ line: 1, col: 8, path: 'id', message: 'expected a value, found "}"' }],
  },
  {
    name: 'a trailing comma in an object, reported at the comma',
    text: () => '{\n  "id": "mini",\n}',
    expected: () => [{ line: 2, col: 15, path: '(root)', message: /^trailing comma/ }],
  },
  {
    name: 'a trailing comma in an array of the fixture',
    text: () => edit(mini, '["kita", "bougouni"]', '["kita", "bougouni",]'),
    expected: (t) => [{ ...positionOf(t, '"bougouni",]', 10), path: 'blockade.startTowns', message: /^trailing comma/ }],
  },
  {
    name: 'every syntax error, not just the first',
    text: () => '{\n  "a": 1\n  "b": tru,\n  "c": [1 2]\n}',
    expected: () => [
      { line: 3, col: 3, path: 'a', message: 'expected "," before "b"' },
      { line: 3, col: 8, path: 'b', message: /^unexpected "tru"/ },
      { line: 3, col: 11, path: 'b', message: 'expected a value, found ","' },
      { line: 4, col: 11, path: 'c[0]', message: 'expected "," before "2"' },
    ],
  },
  {
    name: 'a comment',
    text: () => '// level\n{}',
    expected: () => [{ line: 1, col: 1, path: '(root)', message: /^comments are not allowed/ }],
  },
  {
    name: 'a wrong type: km as a string',
    text: kmAsString,
    expected: (t) => [{ ...positionOf(t, '"15"'), path: 'roads[0].km', message: 'expected a number, got a string ("15")' }],
  },
  {
    name: 'a missing field, reported at its object',
    text: kmMissing,
    expected: (t) => [{ ...positionOf(t, '{ "id": "bamako-kati"'), path: 'roads[0].km', message: 'missing required field "km"' }],
  },
  {
    name: 'an unknown field, reported at its key with the allowed fields',
    text: kmMisspelt,
    expected: (t) => [
      { ...positionOf(t, '{ "id": "bamako-kati"'), path: 'roads[0].km', message: 'missing required field "km"' },
      {
        ...positionOf(t, '"kms"'),
        path: 'roads[0].kms',
        message: 'unknown field "kms" (did you mean "km"?); allowed fields: id, from, to, km, terrain, risk, corridor',
      },
    ],
  },
  {
    name: 'a value outside an enum, with a suggestion',
    text: () => edit(mini, '"kind": "capital"', '"kind": "captial"'),
    expected: (t) => [
      { ...positionOf(t, '"captial"'), path: 'towns[0].kind', message: 'expected one of "capital", "city", "rural", "border", got "captial" (did you mean "capital"?)' },
    ],
  },
  {
    name: 'a field written twice',
    text: () => edit(mini, '"days": 20', '"days": 20, "days": 30'),
    expected: (t) => [{ ...positionOf(t, '"days": 30'), path: 'days', message: 'duplicate field "days": a field may appear only once in an object' }],
  },
  {
    name: 'a duplicate id',
    text: roadIdTwice,
    expected: (t) => [
      { ...positionOf(t, '"bamako-kati", "from": "kati"'), path: 'roads[1].id', message: 'duplicate id "bamako-kati": already used by roads[0]; ids must be unique' },
    ],
  },
  {
    name: 'a scripted and a random event with one id',
    text: () => edit(mini, '"id": "ambush-rumour"', '"id": "queues"'),
    expected: (t) => [
      { ...positionOf(t, '"queues",\n      "chance"'), path: 'randomEvents[0].id', message: 'duplicate id "queues": already used by events[0]; ids must be unique' },
    ],
  },
  {
    name: 'a dangling reference: a road to an unknown town',
    text: roadToUnknownTown,
    expected: (t) => [{ ...positionOf(t, '"katy"'), path: 'roads[0].to', message: 'unknown town "katy" (did you mean "kati"?)' }],
  },
  {
    name: 'a dangling reference: an unknown corridor and an unknown source (failures list warnings too)',
    text: () => edit(edit(mini, '"corridor": "senegal", "delta": -10', '"corridor": "guinea", "delta": -10'), '"sources": ["ecofin-2025-10-27"]', '"sources": ["afp"]'),
    expected: (t) => [
      { ...positionOf(t, '{\n      "id": "ecofin'), path: 'sources[1]', message: 'source "ecofin-2025-10-27" is not cited by any event', severity: 'warning' },
      { ...positionOf(t, '"afp"'), path: 'events[1].sources[0]', message: 'unknown source "afp"; known sources: ap-2025-10-08, ecofin-2025-10-27' },
      { ...positionOf(t, '"guinea"'), path: 'events[1].effects.morale.corridor', message: 'unknown corridor "guinea"; known corridors: senegal, ivory-coast' },
    ],
  },
  {
    name: 'a road from a town to itself',
    text: () => edit(mini, '"from": "kita", "to": "kayes"', '"from": "kita", "to": "kita"'),
    expected: (t) => [
      { ...positionOf(t, '"to": "kita", "km": 427', 6), path: 'roads[2].to', message: 'the road starts and ends at "kita"; a road joins two different towns' },
      { ...positionOf(t, '"kayes-gate", "town": "kayes"', 22), path: 'entryPoints[0].town', message: 'entry point "kayes-gate" has no road route from "kayes" to the depot at "bamako"' },
    ],
  },
  {
    name: "an event beyond the level's days",
    text: eventAfterTheEnd,
    expected: (t) => [{ ...positionOf(t, '"day": 70', 7), path: 'events[1].day', message: 'event on day 70 but the level lasts 20 days' }],
  },
  {
    name: 'a depot outside the capital',
    text: depotInKati,
    expected: (t) => [
      {
        ...positionOf(t, '"kati", "stockL"'),
        path: 'depot.town',
        message: 'the depot must be a capital town, but "kati" is a rural town; change the town\'s kind or pick another town',
      },
    ],
  },
  {
    name: 'an entry point in a town that is not a border town',
    text: () => edit(mini, '"town": "sikasso"', '"town": "bougouni"'),
    expected: (t) => [
      { ...positionOf(t, '"bougouni", "corridor"'), path: 'entryPoints[1].town', message: /^entry point "sikasso-gate" must be a border town, but "bougouni" is a rural town/ },
    ],
  },
  {
    name: 'a garrison outside a rural town',
    text: () => edit(mini, '"garrison": "kati"', '"garrison": "kita"'),
    expected: (t) => [
      { ...positionOf(t, '"kita" }'), path: 'units[1].garrison', message: /^the garrison of unit "garrison-kati" must be a rural town, but "kita" is a city town/ },
    ],
  },
  {
    name: 'an entry point with no road to the depot',
    text: sikassoCutOff,
    expected: (t) => [
      { ...positionOf(t, '"sikasso", "corridor"'), path: 'entryPoints[1].town', message: 'entry point "sikasso-gate" has no road route from "sikasso" to the depot at "bamako"' },
    ],
  },
  {
    name: 'a 3 MiB input',
    text: () => `{"pad": "${'x'.repeat(3 * 1024 * 1024)}"}`,
    expected: () => [{ line: 1, col: 1, path: '(root)', message: 'the file is 3.0 MiB; a level file may be at most 2.0 MiB' }],
  },
  {
    name: '10,000 nested arrays, stopped at depth 65',
    text: () => '['.repeat(10_000) + ']'.repeat(10_000),
    expected: () => [{ line: 1, col: 65, path: '(root)', message: 'nested deeper than 64 levels; a level needs only a few' }],
  },
  {
    name: 'a JSON array at the top level',
    text: () => '[]',
    expected: () => [{ line: 1, col: 1, path: '(root)', message: 'expected an object { … }, got an array' }],
  },
  {
    name: 'null',
    text: () => 'null',
    expected: () => [{ line: 1, col: 1, path: '(root)', message: 'expected an object { … }, got null' }],
  },
];

describe('parseLevel rejects a malformed level with the exact line:col and path', () => {
  it.each(cases)('$name', ({ text, expected }) => {
    const input = text();
    expectProblems(problemsOf(input), expected(input));
  });

  it('reports the same positions with CRLF line endings', () => {
    const lf = kmAsString();
    const crlf = lf.replace(/\n/g, '\r\n');
    expect(problemsOf(crlf)).toEqual(problemsOf(lf));
  });

  it('reports every schema issue at once, each with a message that says what to write', () => {
    const text = [
      ['"days": 20', '"days": 1.5'],
      ['"country": "SN"', '"country": "Senegal"'],
      ['"strength": 3 }', '"strength": 0 }'],
      ['"startTowns": ["kita", "bougouni"]', '"startTowns": []'],
      ['"url": "https://www.ecofinagency', '"url": "www.ecofinagency'],
    ].reduce((t, [from = '', to = '']) => edit(t, from, to), mini);
    expectProblems(problemsOf(text), [
      { ...positionOf(text, '1.5'), path: 'days', message: 'expected a whole number, got 1.5' },
      { ...positionOf(text, '"www.ecofinagency'), path: 'sources[1].url', message: /^"www\.ecofinagency.*" is not a valid URL/ },
      { ...positionOf(text, '"Senegal"'), path: 'entryPoints[0].country', message: '"Senegal" does not match the pattern /^[A-Z]{2}$/' },
      { ...positionOf(text, '"strength": 0 }', 12), path: 'units[0].strength', message: 'must be at least 1, got 0' },
      { ...positionOf(text, '"startTowns": []', 14), path: 'blockade.startTowns', message: 'needs at least 1 item, got 0' },
    ]);
  });

  it("uses the schema's own hint where it has one", () => {
    const text = edit(mini, '"id": "mini"', '"id": "Mini Level"');
    expectProblems(problemsOf(text), [
      { ...positionOf(text, '"Mini Level"'), path: 'id', message: '"Mini Level" is not valid: ids are lower-case letters, digits and dashes, like "kayes" or "rn7-south"' },
    ]);
  });
});

describe('parseLevel warns without failing', () => {
  it('about an uncited source, a town cut off from the depot and an event without sources', () => {
    const nioro = '{ "id": "nioro", "name": "Nioro", "lat": 15.183, "lon": -9.55, "kind": "rural", "country": "ML" }';
    const text = edit(edit(mini, '"sources": ["ecofin-2025-10-27"],', '"sources": [],'), '"towns": [', `"towns": [\n    ${nioro},`);
    const result = parseLevel(text, 'level.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expectProblems(result.warnings, [
      { ...positionOf(text, '{\n      "id": "ecofin'), path: 'sources[1]', message: 'source "ecofin-2025-10-27" is not cited by any event', severity: 'warning' },
      { ...positionOf(text, '{ "id": "nioro"'), path: 'towns[0]', message: 'rural town "nioro" cannot be reached by road from the depot at "bamako"', severity: 'warning' },
      { ...positionOf(text, '{\n      "id": "schools-close"'), path: 'events[1]', message: /^event "schools-close" cites no source/, severity: 'warning' },
    ]);
  });
});

describe('parseLevel never throws', () => {
  it('on any prefix of a valid level', () => {
    for (let end = 0; end < mini.trimEnd().length; end++) {
      const result = parseLevel(mini.slice(0, end), 'cut.json');
      expect(result.ok).toBe(false);
    }
  });

  it('on any JSON value, and every problem points inside the text', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const result = parseLevel(text, 'any.json');
        const lines = text.split(/\r\n|\r|\n/);
        for (const p of result.ok ? result.warnings : result.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(lines.length);
          expect(p.col).toBeGreaterThanOrEqual(1);
          expect(p.col).toBeLessThanOrEqual((lines[p.line - 1]?.length ?? 0) + 1);
          expect(p.message).not.toContain('\u0000');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('on long runs of brackets and punctuation', () => {
    const soup = fc.string({ unit: fc.constantFrom('[', ']', '{', '}', ',', ':', '"', '1', ' ', '\n'), maxLength: 20_000 });
    fc.assert(
      fc.property(soup, (text) => {
        expect(parseLevel(text, 'soup.json').ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
