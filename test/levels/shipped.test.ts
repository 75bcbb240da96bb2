/**
 * What every shipped level promises a student and a teacher: it loads without errors, it
 * speaks English and French, every fact it shows points at one of its own sources, the same
 * source reads the same in every level, and a city left to itself does not hold. The example
 * built in docs/levels.md keeps the same promises as it stands, and its steps add up to it.
 * Also: levels/schema.json documents every field for editors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gamesAnIdlePlayerSurvives } from '../../src/cli/do-nothing';
import { formatProblem, parseLevel, parseLevelFile } from '../../src/levels/parse';
import type { Level } from '../../src/levels/schema';
import { DIFFICULTIES } from '../../src/sim/state';

const LEVELS_DIR = new URL('../../levels/', import.meta.url);
const files = readdirSync(LEVELS_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .sort();

const WALKTHROUGH = new URL('../../docs/examples/walkthrough.json', import.meta.url);
/** The shipped levels, and the walk-through's level, which a designer copies into levels/ as it is. */
const checked = [...files.map((file) => ({ file, url: new URL(file, LEVELS_DIR) })), { file: 'walkthrough.json', url: WALKTHROUGH }];
const parsed = checked.map(({ file, url }) => ({ file, result: parseLevelFile(readFileSync(url), `levels/${file}`, { namedAfterId: true }) }));
const levels = parsed.flatMap(({ file, result }) => (result.ok ? [{ file, level: result.value }] : []));
const eachLevel = levels.map(({ file, level }) => [file, level] as const);

/** Every { en, fr } text in the level, with where it is. */
function texts(value: unknown, path = ''): { path: string; en: string; fr: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => texts(item, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (typeof record.en === 'string' && typeof record.fr === 'string') return [{ path, en: record.en, fr: record.fr }];
  return Object.entries(record).flatMap(([key, child]) => texts(child, path === '' ? key : `${path}.${key}`));
}

const allEvents = (level: Level) => [...level.events, ...level.randomEvents];

describe('shipped levels', () => {
  it('are found in levels/', () => {
    expect(files).toEqual(expect.arrayContaining(['tutorial.json', 'bamako-2025.json', 'classroom-20min.json', 'what-if-rn7-cut.json']));
  });

  it.each(parsed.map(({ file, result }) => [file, result] as const))('%s parses with no errors', (_file, result) => {
    expect(result.ok ? [] : result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it.each(eachLevel)('%s, as the game and a play-test receive it (normalised), reads back without errors', (file, level) => {
    const again = parseLevel(JSON.stringify(level), `levels/${file}`, { namedAfterId: true });
    expect(again.ok ? [] : again.problems.map(formatProblem)).toEqual([]);
  });

  it.each(eachLevel)('%s has the id of its file name', (file, level) => {
    expect(`${level.id}.json`).toBe(file);
  });

  it.each(eachLevel)('%s has every text in English and French, translated', (_file, level) => {
    const all = texts(level);
    expect(all.length).toBeGreaterThan(5);
    for (const t of all) {
      expect(t.en.trim(), `${t.path}.en`).not.toBe('');
      expect(t.fr.trim(), `${t.path}.fr`).not.toBe('');
      // Names may read the same in both languages; a sentence may not.
      if (t.en.length > 40) expect(t.fr, `${t.path}.fr is a copy of the English`).not.toBe(t.en);
    }
  });

  it.each(eachLevel)('%s cites only its own sources, and every source it lists', (_file, level) => {
    const listed = new Set(level.sources.map((s) => s.id));
    const cited = new Set(allEvents(level).flatMap((e) => e.sources));
    expect([...cited].filter((id) => !listed.has(id))).toEqual([]);
    expect([...listed].filter((id) => !cited.has(id))).toEqual([]);
    for (const source of level.sources) expect(source.url, source.id).toMatch(/^https:\/\//);
  });

  it('give the same source the same publisher, title, date and address in every level', () => {
    const seen = new Map<string, { file: string; entry: string }>();
    const byUrl = new Map<string, string>();
    for (const { file, level } of levels) {
      for (const { id, publisher, title, date, url } of level.sources) {
        const entry = JSON.stringify({ publisher, title, date, url });
        const first = seen.get(id);
        if (first === undefined) seen.set(id, { file, entry });
        else expect(entry, `source "${id}" in ${file} differs from ${first.file}`).toBe(first.entry);
        expect(byUrl.get(url) ?? id, `${url} has two ids`).toBe(id);
        byUrl.set(url, id);
      }
    }
  });

  it.each(eachLevel)('%s: a coordinator who does nothing collapses before the last day (every difficulty, seeds 1–3)', (_file, level) => {
    // The same judgement levels:check makes (on easy only, where it warns).
    expect(gamesAnIdlePlayerSurvives(level, DIFFICULTIES, [1, 2, 3])).toEqual([]);
  });
});

describe('the walk-through level of docs/levels.md', () => {
  const text = readFileSync(WALKTHROUGH, 'utf8');
  const doc = readFileSync(new URL('../../docs/levels.md', import.meta.url), 'utf8');
  const walkthrough = doc.slice(doc.indexOf('## 4. Walk-through'), doc.indexOf('### The complete file'));
  /** The JSON a step adds to the file, as the guide prints it. */
  const step = (n: number): string => {
    const section = walkthrough.slice(walkthrough.indexOf(`### Step ${n}:`), walkthrough.indexOf(`### Step ${n + 1}:`));
    const block = /```json\n([\s\S]*?)\n```/.exec(section);
    if (!block) throw new Error(`no JSON in step ${n} of the walk-through`);
    return block[1]!;
  };

  it('parses, named levels/walkthrough.json, with no errors and no warnings', () => {
    const result = parseLevel(text, 'levels/walkthrough.json', { namedAfterId: true });
    expect(result.ok ? result.warnings : result.problems).toEqual([]);
  });

  it('is printed in full in the guide', () => {
    expect(doc).toContain(`\`\`\`json\n${text}\`\`\``);
  });

  it('names one file for its id, and leaves nothing out of its steps', () => {
    expect(walkthrough).not.toMatch(/my-level|…|\.\.\./);
    expect(walkthrough).toContain('levels/walkthrough.json');
  });

  it('is its steps: steps 1 to 8 make a level that checks, and step 10 makes it the complete file', () => {
    const atStep8 = `${[1, 2, 3, 4, 5, 6, 7, 8].map(step).join('\n')}\n`;
    const checkedAtStep8 = parseLevel(atStep8, 'levels/walkthrough.json', { namedAfterId: true });
    expect(checkedAtStep8.ok ? checkedAtStep8.warnings.map((w) => w.message.slice(0, 19)) : checkedAtStep8.problems.map(formatProblem)).toEqual(['no "balanceTargets"']);
    // Step 10: "a comma at the end of the collapse line, and this line after it, before the last }".
    const collapse = '  "collapse": { "noFuelDays": 3 }\n}\n';
    expect(atStep8.endsWith(collapse)).toBe(true);
    const atStep10 = `${atStep8.slice(0, -collapse.length)}  "collapse": { "noFuelDays": 3 },\n${step(10)}\n}\n`;
    expect(atStep10).toBe(text);
  });

  it('gives the errors the guide shows for its broken copy, round by round', () => {
    const broken = text
      .replace('"to": "siby", "km": 75', '"to": "sibi", "km": 75')
      .replace('"normal": [0.9, 1]', '"normal": [1, 0.9]')
      .replace('"terrain": "paved", "risk": 40', '"terrain": "tarmac", "risk": 40');
    const report = (t: string): string[] => {
      const result = parseLevel(t, 'levels/walkthrough.json', { namedAfterId: true });
      return result.ok ? [] : result.problems.map(formatProblem);
    };
    const first = report(broken);
    const second = report(broken.replace('"tarmac"', '"paved"'));
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(2);
    for (const line of [...first, ...second]) expect(doc).toContain(line);
  });
});

describe('levels/schema.json as documentation', () => {
  const schema = JSON.parse(readFileSync(new URL('schema.json', LEVELS_DIR), 'utf8')) as Record<string, unknown>;

  /** Paths of properties (and tuple items) that have no description. */
  function undescribed(node: unknown, path: string): string[] {
    if (typeof node !== 'object' || node === null) return [];
    const n = node as { properties?: Record<string, { description?: string }>; items?: unknown; prefixItems?: { description?: string }[] };
    const out: string[] = [];
    for (const [key, child] of Object.entries(n.properties ?? {})) {
      if (!child.description) out.push(`${path}.${key}`);
      out.push(...undescribed(child, `${path}.${key}`));
    }
    (n.prefixItems ?? []).forEach((child, i) => {
      if (!child.description) out.push(`${path}[${i}]`);
      out.push(...undescribed(child, `${path}[${i}]`));
    });
    if (typeof n.items === 'object') out.push(...undescribed(n.items, `${path}[]`));
    return out;
  }

  it('describes every field', () => {
    expect(undescribed(schema, '')).toEqual([]);
  });

  it('gives examples editors can offer, and documents balanceTargets', () => {
    const properties = schema.properties as Record<string, { description?: string; examples?: unknown[] }>;
    expect(properties.days?.examples).toEqual([60]);
    expect(properties.balanceTargets?.description).toMatch(/baseline/);
    expect(JSON.stringify(schema).match(/"examples"/g)?.length ?? 0).toBeGreaterThan(40);
  });
});
