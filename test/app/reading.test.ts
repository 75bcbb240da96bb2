/**
 * Saves, results and class files are read by one pipeline: the same steps in the same order
 * (size, empty, JSON, an object, its format, its version, its schema), each refused in the
 * words of what the file was meant to be.
 */
import { describe, expect, it } from 'vitest';
import { MAX_SAVE_BYTES, parseSave, SAVE_VERSION } from '../../src/app/saves';
import { MAX_SETTINGS_BYTES, parseSettingsFile, SCENARIO_VERSION } from '../../src/app/share';
import type { Parsed, ReasonCode } from '../../src/sim/reason';
import { MAX_RESULT_BYTES, parseResult, RESULT_VERSION } from '../../src/sim/result';
import { expectClear } from '../reason-helpers';

interface Kind {
  name: string;
  format: string;
  version: number;
  max: number;
  parse: (text: string) => Parsed<unknown>;
  /** The reason each step gives, for this kind. */
  reasons: Record<'tooLarge' | 'empty' | 'notJson' | 'notObject' | 'foreign' | 'noVersion' | 'newer' | 'tooOld' | 'otherKind', ReasonCode>;
  /** A format of the game that this kind is not. */
  other: string;
}

const KINDS: Kind[] = [
  {
    name: 'a save',
    format: 'lifeline-bamako/save',
    version: SAVE_VERSION,
    max: MAX_SAVE_BYTES,
    parse: parseSave,
    reasons: { tooLarge: 'save.tooLarge', empty: 'save.empty', notJson: 'save.notJson', notObject: 'save.notObject', foreign: 'save.foreign', noVersion: 'save.noVersion', newer: 'save.newer', tooOld: 'save.tooOld', otherKind: 'save.isResult' },
    other: 'lifeline-bamako/result',
  },
  {
    name: 'a result',
    format: 'lifeline-bamako/result',
    version: RESULT_VERSION,
    max: MAX_RESULT_BYTES,
    parse: parseResult,
    reasons: { tooLarge: 'result.tooLarge', empty: 'result.empty', notJson: 'result.notJson', notObject: 'result.notObject', foreign: 'result.foreign', noVersion: 'result.noVersion', newer: 'result.newer', tooOld: 'result.tooOld', otherKind: 'result.isSave' },
    other: 'lifeline-bamako/save',
  },
  {
    name: 'a class file',
    format: 'lifeline-bamako/scenario',
    version: SCENARIO_VERSION,
    max: MAX_SETTINGS_BYTES,
    parse: (text) => parseSettingsFile(text),
    reasons: { tooLarge: 'settings.tooLarge', empty: 'settings.empty', notJson: 'settings.notJson', notObject: 'settings.notSettings', foreign: 'settings.foreign', noVersion: 'settings.unknownVersion', newer: 'settings.newer', tooOld: 'settings.unknownVersion', otherKind: 'settings.isResult' },
    other: 'lifeline-bamako/result',
  },
];

describe.each(KINDS)('$name', (kind) => {
  const doc = (extra: Record<string, unknown>): string => JSON.stringify({ format: kind.format, version: kind.version, ...extra });
  it.each<[string, () => string, keyof Kind['reasons']]>([
    ['too large', () => `{"pad":"${'x'.repeat(kind.max)}"}`, 'tooLarge'],
    ['empty', () => ' \n ', 'empty'],
    ['not JSON', () => '{format:', 'notJson'],
    ['a list', () => '[1, 2]', 'notObject'],
    ['another program’s file', () => JSON.stringify({ format: 'spreadsheet', version: 1 }), 'foreign'],
    ['another kind of this game’s files', () => JSON.stringify({ format: kind.other, version: 1 }), 'otherKind'],
    ['without a version', () => JSON.stringify({ format: kind.format }), 'noVersion'],
    ['from a newer game', () => doc({ version: kind.version + 1 }), 'newer'],
    ['older than any migration reaches', () => doc({ version: 0 }), 'tooOld'],
  ])('is refused when %s, in its own words', (_name, text, step) => {
    const parsed = kind.parse(text());
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason.code).toBe(kind.reasons[step]);
    expectClear(parsed.reason);
  });

  it('checks the schema last: a file past every other step is refused by it, naming a field', () => {
    const parsed = kind.parse(doc({ seed: 'forty' }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason.code).toMatch(/^(issue|rule)\./);
    expect(parsed.reason.params?.field).toBeDefined();
    expectClear(parsed.reason);
  });
});
