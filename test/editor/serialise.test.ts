/** The downloaded file: `$schema` first, the schema's field order, and a level the check accepts. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { levelFileName, serialiseLevel } from '../../src/editor/serialise';
import { templateLevel } from '../../src/editor/template';
import { parseLevel } from '../../src/levels/parse';
import { level, town } from '../../src/levels/schema';
import type { Draft } from '../../src/editor/model';

/** What the game serves from levels/<id>.json: checked and normalised, defaults filled in, fields in any order. */
const normalised = (id: string): Draft => {
  const result = parseLevel(readFileSync(`levels/${id}.json`, 'utf8'), id);
  if (!result.ok) throw new Error(`${id} does not parse`);
  return JSON.parse(JSON.stringify(result.value)) as Draft;
};

const shuffled = (record: Draft): Draft => Object.fromEntries(Object.entries(record).reverse());

describe('writing a level out', () => {
  it('puts $schema first, then the fields in the schema’s order', () => {
    const text = serialiseLevel(shuffled(normalised('bamako-2025')));
    const out = JSON.parse(text) as Draft;
    const keys = Object.keys(out);
    expect(keys[0]).toBe('$schema');
    expect(out.$schema).toBe('./schema.json');
    expect(keys).toEqual(Object.keys(level.shape).filter((k) => k in out));
    const firstTown = (out.towns as Draft[])[0]!;
    expect(Object.keys(firstTown)).toEqual(Object.keys(town.shape).filter((k) => k in firstTown));
  });

  it('is two-space JSON ending with a new line, like the shipped files', () => {
    const text = serialiseLevel(templateLevel());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "$schema": "./schema.json",');
  });

  it('leaves out simple defaults, as hand-written levels do', () => {
    const text = serialiseLevel(normalised('tutorial'));
    expect(text).not.toMatch(/"garrisonNeed": 0\b/);
    expect(text).not.toMatch(/"fromDay": 1\b/);
  });

  it.each(['tutorial', 'bamako-2025', 'classroom-20min', 'what-if-rn7-cut'])('round-trips %s: the written file checks clean and means the same level', (id) => {
    const original = parseLevel(readFileSync(`levels/${id}.json`, 'utf8'), id);
    const written = parseLevel(serialiseLevel(normalised(id)), `${id}.json`);
    expect(written.ok).toBe(true);
    if (!written.ok || !original.ok) return;
    expect(written.value).toEqual(original.value);
    expect(written.warnings.length).toBe(original.warnings.length);
  });

  it('keeps fields the schema does not know, so the check can point at them', () => {
    const text = serialiseLevel({ ...templateLevel(), colour: 'red' });
    const result = parseLevel(text, 'x.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message).join('\n')).toMatch(/unknown field "colour"/);
    expect(Object.keys(JSON.parse(text) as object).at(-1)).toBe('colour');
  });

  it('names the file after the level’s id', () => {
    expect(levelFileName(templateLevel())).toBe('my-level.json');
    expect(levelFileName({ id: 'Bad Id' })).toBe('level.json');
  });
});

describe('the template', () => {
  it('is a valid level whose one warning asks for balance targets, measured once the level is written', () => {
    const result = parseLevel(serialiseLevel(templateLevel()), 'my-level.json');
    expect((result.ok ? result.warnings : result.problems).map((p) => `${p.path}: ${p.severity}: ${p.message.slice(0, 19)}`)).toEqual([
      '(root): warning: no "balanceTargets"',
    ]);
  });

  it('cites a source that the shipped levels use, word for word', () => {
    const tutorial = JSON.parse(readFileSync('levels/tutorial.json', 'utf8')) as { sources: Draft[] };
    const [source] = templateLevel().sources as Draft[];
    expect(tutorial.sources.find((s) => s.id === source!.id)).toMatchObject({ url: source!.url, title: source!.title, publisher: source!.publisher, date: source!.date });
  });
});
