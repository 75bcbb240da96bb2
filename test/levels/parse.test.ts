import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_LEVEL_BYTES, parseLevel, parseLevelFile, type LevelProblem } from '../../src/levels/parse';

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
    name: 'every syntax error, not just the first, and a misspelt value once',
    text: () => '{\n  "a": 1\n  "b": tru,\n  "c": [1 2]\n}',
    expected: () => [
      { line: 3, col: 3, path: 'a', message: 'expected "," before "b"' },
      { line: 3, col: 8, path: 'b', message: /^unexpected "tru": expected a value/ },
      { line: 4, col: 11, path: 'c[0]', message: 'expected "," before "2"' },
    ],
  },
  {
    name: 'a comment',
    text: () => '// level\n{}',
    expected: () => [{ line: 1, col: 1, path: '(root)', message: /^comments are not allowed/ }],
  },
  {
    name: 'a comment after a field, reported at the object it is in, not at the field before it',
    text: () => edit(edit(mini, '"days": 20,', '"days": 20, // three weeks'), '"kind": "capital", "country": "ML" }', '"kind": "capital", /* depot */ "country": "ML" }'),
    expected: (t) => [
      { ...positionOf(t, '// three'), path: '(root)', message: /^comments are not allowed/ },
      { ...positionOf(t, '/* depot'), path: 'towns[0]', message: /^comments are not allowed/ },
    ],
  },
  {
    name: 'a string left open at the end of a line: one problem, not one per token after it',
    text: () => edit(mini, 'not a level to play.",', 'not a level to play.,'),
    expected: (t) => [{ ...positionOf(t, '"A small level'), path: 'summary.en', message: 'unterminated string: add the closing " (strings cannot span lines)' }],
  },
  {
    name: 'a closing quote missing mid-line: one problem, where the line first goes wrong',
    text: () => edit(mini, '"name": "Kita",', '"name": "Kita,'),
    expected: (t) => [{ ...positionOf(t, 'lat": 13.039'), path: 'towns[2].name', message: /^the double quotes on this line do not pair up: a closing " is missing before this point/ }],
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
    name: 'a misspelt field: one problem at its key, with the allowed fields (not also "missing km")',
    text: kmMisspelt,
    expected: (t) => [
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
    name: 'an event on a day past the end, measured against the level\'s own length',
    text: () => edit(mini, '"day": 15', '"day": 500'),
    expected: (t) => [{ ...positionOf(t, '"day": 500', 7), path: 'events[1].day', message: 'event on day 500 but the level lasts 20 days' }],
  },
  {
    name: 'a start date that has the right shape but is not on the calendar',
    text: () => edit(mini, '"startDate": "2025-09-03"', '"startDate": "2025-13-45"'),
    expected: (t) => [
      {
        ...positionOf(t, '"2025-13-45"'),
        path: 'startDate',
        message: '"2025-13-45" is not a real date: there is no month 13, months run from 01 to 12; write year-month-day, like 2025-09-03',
      },
    ],
  },
  {
    name: 'a 29 February outside a leap year, and a source dated in a thirteenth month',
    text: () => edit(edit(mini, '"startDate": "2025-09-03"', '"startDate": "2025-02-29"'), '"date": "2025-10-27"', '"date": "2025-13"'),
    expected: (t) => [
      { ...positionOf(t, '"2025-02-29"'), path: 'startDate', message: '"2025-02-29" is not a real date: February 2025 has days 01 to 28; write year-month-day, like 2025-09-03' },
      { ...positionOf(t, '"2025-13"'), path: 'sources[1].date', message: '"2025-13" is not a real date: there is no month 13, months run from 01 to 12; write year-month, like 2025-10' },
    ],
  },
  {
    name: 'a second capital',
    text: () => edit(mini, '"kind": "city"', '"kind": "capital"'),
    expected: (t) => [
      { ...positionOf(t, '"capital", "country": "ML" },\n    { "id": "kayes"'), path: 'towns[2].kind', message: 'a level has one capital, and "bamako" (towns[0]) is already it; make "kita" a city' },
    ],
  },
  {
    name: 'a cell that starts in the capital',
    text: () => edit(mini, '"startTowns": ["kita", "bougouni"]', '"startTowns": ["kita", "bamako"]'),
    expected: (t) => [
      { ...positionOf(t, '"bamako"]'), path: 'blockade.startTowns[1]', message: 'a cell cannot start in the capital "bamako": cells never enter it; pick a town on a road outside it' },
    ],
  },
  {
    name: 'garrisonNeed on a border town (0, what the schema fills in for every town, is no mistake)',
    text: () => edit(mini, '"kind": "border", "country": "ML" },\n    { "id": "bougouni"', '"kind": "border", "country": "ML", "garrisonNeed": 2 },\n    { "id": "bougouni"'),
    expected: (t) => [
      {
        ...positionOf(t, '"garrisonNeed": 2 },\n    { "id": "bougouni"', 16),
        path: 'towns[3].garrisonNeed',
        message: '"garrisonNeed" is for rural towns, the only ones that can be attacked, but "kayes" is a border town; remove the field or make the town rural',
      },
    ],
  },
  {
    name: 'a corridor no road belongs to',
    text: () => edit(mini, '"corridors": [', '"corridors": [\n    { "id": "guinea", "name": { "en": "Guinea corridor", "fr": "Corridor guinéen" } },'),
    expected: (t) => [
      { ...positionOf(t, '"guinea"'), path: 'corridors[0].id', message: 'no road belongs to corridor "guinea"; give its roads "corridor": "guinea", or remove the corridor' },
    ],
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
      { ...positionOf(text, '"Senegal"'), path: 'entryPoints[0].country', message: '"Senegal" is not valid: a two-letter country code in capitals, such as CI or GN' },
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

describe('a level file is named after its id', () => {
  it('passes when the names agree, in any folder', () => {
    expect(parseLevel(mini, 'levels/mini.json', { namedAfterId: true }).ok).toBe(true);
    expect(parseLevel(mini, 'C:\\levels\\mini.json', { namedAfterId: true }).ok).toBe(true);
  });

  it('fails at the id when they differ, and says both ways to fix it', () => {
    const result = parseLevel(mini, 'levels/my-level.json', { namedAfterId: true });
    expect(result.ok ? [] : result.problems.map(({ line, col, path, message }) => ({ line, col, path, message }))).toEqual([
      {
        ...positionOf(mini, '"mini"'),
        path: 'id',
        message: 'the id "mini" differs from the file name "my-level.json": the game finds a level by its id, so rename the file "mini.json" or set "id": "my-level"',
      },
    ]);
  });

  it('is not asked of a text with no file of its own (a draft, an import)', () => {
    expect(parseLevel(mini, 'draft.json').ok).toBe(true);
  });
});

describe('parseLevelFile reads the bytes and says when they are not UTF-8', () => {
  const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
  const utf16 = (text: string, endian: 'le' | 'be', bom: boolean): Uint8Array => {
    const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
    const units = bom ? `\uFEFF${text}` : text;
    for (let i = 0; i < units.length; i++) {
      const unit = units.charCodeAt(i);
      bytes[2 * i + (endian === 'le' ? 0 : 1)] = unit & 0xff;
      bytes[2 * i + (endian === 'le' ? 1 : 0)] = unit >> 8;
    }
    return bytes;
  };
  const only = (bytes: Uint8Array): LevelProblem => {
    const result = parseLevelFile(bytes, 'level.json');
    if (result.ok || result.problems.length !== 1) throw new Error(`expected one problem, got ${JSON.stringify(result)}`);
    return result.problems[0]!;
  };

  it('reads UTF-8, with or without a byte-order mark, as parseLevel reads the text', () => {
    expect(parseLevelFile(utf8(mini), 'mini.json')).toEqual(parseLevel(mini, 'mini.json'));
    expect(parseLevelFile(utf8(`\uFEFF${mini}`), 'mini.json').ok).toBe(true);
  });

  it.each([
    ['UTF-16 little-endian with a byte-order mark', utf16(mini, 'le', true), /^the file is UTF-16 text \(with a byte-order mark\), not UTF-8; save it again as UTF-8/],
    ['UTF-16 big-endian with a byte-order mark', utf16(mini, 'be', true), /^the file is UTF-16 text \(with a byte-order mark\), not UTF-8/],
    ['UTF-16 without a byte-order mark', utf16(mini, 'le', false), /^the file is UTF-16 text \(without a byte-order mark\), not UTF-8/],
    ['a binary file', Uint8Array.from({ length: 600 }, (_, i) => (i * 7919 + 13) % 256), /^the file is not text .*save it again as UTF-8/],
  ])('%s: one problem at 1:1 with the fix', (_name, bytes, message) => {
    const problem = only(bytes);
    expect({ line: problem.line, col: problem.col, path: problem.path }).toEqual({ line: 1, col: 1, path: '(root)' });
    expect(problem.message).toMatch(message);
  });

  it('Latin-1 text: one problem at the first accented letter, counted as an editor counts', () => {
    const text = edit(mini, '"fr": "Corridor du Sénégal"', '"fr": "Corridor du S\u00e9n\u00e9gal"');
    const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
    // The fixture has other accented letters before this one: they are the first.
    const first = [...text].findIndex((ch) => ch.charCodeAt(0) > 0x7f);
    const before = text.slice(0, first).split('\n');
    const problem = only(bytes);
    expect({ line: problem.line, col: problem.col }).toEqual({ line: before.length, col: before[before.length - 1]!.length + 1 });
    expect(problem.message).toMatch(/^byte 0x[0-9A-F]{2} is not UTF-8: the file looks like it was saved as Latin-1 or Windows-1252 .*save it again as UTF-8/);
  });

  it('counts a line after a four-byte character as editors do (two columns)', () => {
    const bytes = new Uint8Array([...utf8('{"a": "\u{1F600}'), 0xff]);
    expect({ line: only(bytes).line, col: only(bytes).col }).toEqual({ line: 1, col: 10 });
  });
});

describe('parseLevel warns without failing', () => {
  it('about a level with no balanceTargets, at the top of the file', () => {
    const text = edit(mini, ',\n  "balanceTargets": { "policy": "baseline", "runs": 4, "normal": [0, 1] }', '');
    const result = parseLevel(text, 'level.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expectProblems(result.warnings, [{ line: 1, col: 1, path: '(root)', message: /^no "balanceTargets": measure the level with `npm run balance/, severity: 'warning' }]);
  });

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
