/** The setup form: what the instructor types becomes a link, or problems on the fields at fault. */
import { describe, expect, it } from 'vitest';
import { parseShareLink } from '../../src/app/share';
import { buildLink, defaultForm, formFromLink, newInjectRow, type SetupForm } from '../../src/instructor/model';
import { instructor } from '../../src/strings/instructor';
import { loadLevelFile } from '../helpers';

const level = loadLevelFile('levels/bamako-2025.json');
const base = (): SetupForm => defaultForm(level, 42);

describe('the setup form', () => {
  it('makes a plain link from the defaults: all policies, no injects', () => {
    const built = buildLink(base(), level);
    expect(built.problems).toEqual([]);
    expect(built.link).toEqual({ level: 'bamako-2025', seed: 42, difficulty: 'normal', settings: { injects: [] } });
    expect(parseShareLink(built.search!, ['bamako-2025'])).toEqual({ kind: 'ok', link: built.link });
  });

  it('carries every choice into the link', () => {
    const form: SetupForm = {
      ...base(),
      difficulty: 'hard',
      seed: ' 7 ',
      timeLimit: '40',
      speedMode: 'locked',
      speedValue: '4',
      policies: ['hazardPay', 'closeSchools'],
      lang: 'fr',
      injects: [newInjectRow({ day: '12', kind: 'event', event: 'schools-closed' }), newInjectRow({ day: '3', kind: 'custom', titleEn: 'Strike', bodyEn: 'Tanker drivers strike.', titleFr: 'Grève', bodyFr: 'Les chauffeurs font grève.' })],
    };
    const built = buildLink(form, level);
    expect(built.problems).toEqual([]);
    expect(built.link).toEqual({
      level: 'bamako-2025',
      seed: 7,
      difficulty: 'hard',
      settings: {
        injects: [
          { day: 12, event: 'schools-closed' },
          { day: 3, title: { en: 'Strike', fr: 'Grève' }, body: { en: 'Tanker drivers strike.', fr: 'Les chauffeurs font grève.' } },
        ],
        policies: ['closeSchools', 'hazardPay'],
      },
      timeLimitMin: 40,
      speed: { locked: true, value: 4 },
      lang: 'fr',
    });
  });

  it('shows text written in one language to students of both', () => {
    const form = { ...base(), injects: [newInjectRow({ day: '2', kind: 'custom', titleFr: 'Pénurie', bodyFr: 'Plus de gazole à Kati.' })] };
    expect(buildLink(form, level).link?.settings.injects[0]).toEqual({ day: 2, title: { en: 'Pénurie', fr: 'Pénurie' }, body: { en: 'Plus de gazole à Kati.', fr: 'Plus de gazole à Kati.' } });
  });

  it.each([
    [{ seed: 'abc' }, 'seed', 'instructor.err.seed'],
    [{ seed: '99999999999' }, 'seed', 'instructor.err.seed'],
    [{ timeLimit: '0' }, 'time-limit', 'instructor.err.timeLimit'],
    [{ timeLimit: '1.5' }, 'time-limit', 'instructor.err.timeLimit'],
  ])('names the field at fault: %j', (patch, field, key) => {
    const built = buildLink({ ...base(), ...patch }, level);
    expect(built.link).toBeNull();
    expect(built.problems).toContainEqual(expect.objectContaining({ field, key }));
  });

  it('names the inject and the field at fault', () => {
    const late = newInjectRow({ day: '61', event: 'schools-closed' });
    const unchosen = newInjectRow({ day: '5', event: '' });
    const blank = newInjectRow({ day: '5', kind: 'custom' });
    const built = buildLink({ ...base(), injects: [late, unchosen, blank] }, level);
    expect(built.link).toBeNull();
    expect(built.problems).toEqual([
      { field: `inject-${late.key}-day`, key: 'instructor.err.injectDay', params: { n: 1, days: 60 } },
      { field: `inject-${unchosen.key}-event`, key: 'instructor.err.injectEvent', params: { n: 2 } },
      { field: `inject-${blank.key}-title-en`, key: 'instructor.err.injectTitle', params: { n: 3 } },
      { field: `inject-${blank.key}-body-en`, key: 'instructor.err.injectBody', params: { n: 3 } },
    ]);
    for (const p of built.problems) expect(instructor.en).toHaveProperty(p.key);
  });

  it('refuses texts longer than the game accepts', () => {
    const built = buildLink({ ...base(), injects: [newInjectRow({ day: '2', kind: 'custom', titleEn: 'x', bodyEn: 'y'.repeat(2001) })] }, level);
    expect(built.problems.map((p) => p.key)).toContain('instructor.err.textTooLong');
  });

  it('fills the form back from a link (a loaded settings file, the page’s own address)', () => {
    const form: SetupForm = { ...base(), timeLimit: '30', policies: ['curfew'], injects: [newInjectRow({ day: '9', event: 'us-embassy-alert' })] };
    const link = buildLink(form, level).link!;
    const again = formFromLink(link, level);
    expect(buildLink(again, level).link).toEqual(link);
    expect(again.policies).toEqual(['curfew']);
  });
});
