/**
 * The setup form as data: what the instructor typed (strings, as the inputs hold them), the
 * share link it makes, and what is wrong with it (catalog keys, so the page says it in
 * English or French). Pure: the page renders it, tests read it.
 */
import type { StringKey } from '../app/i18n';
import type { Level, PolicyId } from '../levels/schema';
import { linkProblems, MAX_LINK_CHARS, MAX_SEED, MAX_TIME_LIMIT_MIN, normalizeShareLink, encodeShareLink, type ShareLink } from '../app/share';
import type { Effects } from '../levels/schema';
import type { Reason } from '../sim/reason';
import type { Inject } from '../sim/scenario';
import type { Difficulty } from '../sim/state';

export const MAX_INJECTS = 20;
export const MAX_TEXT_CHARS = 2000;
/** Past this length a QR code gets dense: still scannable close up, harder from the back of a room. */
export const QR_COMFORT_CHARS = 600;

export interface InjectRow {
  /** Stable key for the row's elements (ids, focus), not part of the link. */
  key: number;
  day: string;
  kind: 'event' | 'custom';
  event: string;
  titleEn: string;
  titleFr: string;
  bodyEn: string;
  bodyFr: string;
  /** Effects from a loaded settings file; the form does not edit them but keeps them. */
  effects?: Effects;
}

export interface SetupForm {
  level: string;
  difficulty: Difficulty;
  seed: string;
  timeLimit: string;
  speedMode: 'free' | 'locked';
  speedValue: '1' | '2' | '4';
  /** Policies ticked, among the level's. */
  policies: PolicyId[];
  injects: InjectRow[];
  lang: '' | 'en' | 'fr';
}

/** A problem for one field: `field` names the input (see `fieldId`), `key` the catalog message, `params` its values (a reason is said in words). */
export interface Problem {
  field: string;
  key: StringKey;
  params?: Record<string, string | number | Reason>;
}

export interface Built {
  link: ShareLink | null;
  problems: Problem[];
  /** The query string of the link, when there is one. */
  search: string | null;
}

let nextKey = 1;
export function newInjectRow(partial: Partial<Omit<InjectRow, 'key'>> = {}): InjectRow {
  return { key: nextKey++, day: '', kind: 'event', event: '', titleEn: '', titleFr: '', bodyEn: '', bodyFr: '', ...partial };
}

/** The form for a level as it is written: all of its policies, no injects. */
export function defaultForm(level: Level, seed: number): SetupForm {
  return {
    level: level.id,
    difficulty: 'normal',
    seed: String(seed),
    timeLimit: '',
    speedMode: 'free',
    speedValue: '1',
    policies: [...level.policies],
    injects: [],
    lang: '',
  };
}

const wholeNumber = (text: string): number | null => (/^\s*\d{1,10}\s*$/.test(text) ? Number(text) : null);

/** Text in one language only is shown to both: better the English text than an empty headline. */
function pair(en: string, fr: string): { en: string; fr: string } | null {
  const e = en.trim();
  const f = fr.trim();
  if (e === '' && f === '') return null;
  return { en: e === '' ? f : e, fr: f === '' ? e : f };
}

export function buildLink(form: SetupForm, level: Level): Built {
  const problems: Problem[] = [];
  const seed = wholeNumber(form.seed);
  if (seed === null || seed > MAX_SEED) problems.push({ field: 'seed', key: 'instructor.err.seed', params: { max: MAX_SEED } });
  let timeLimitMin: number | undefined;
  if (form.timeLimit.trim() !== '') {
    const minutes = wholeNumber(form.timeLimit);
    if (minutes === null || minutes < 1 || minutes > MAX_TIME_LIMIT_MIN) problems.push({ field: 'time-limit', key: 'instructor.err.timeLimit', params: { max: MAX_TIME_LIMIT_MIN } });
    else timeLimitMin = minutes;
  }
  if (form.injects.length > MAX_INJECTS) problems.push({ field: 'add-inject', key: 'instructor.err.tooManyInjects', params: { max: MAX_INJECTS } });
  const events = new Set([...level.events, ...level.randomEvents].map((e) => e.id));
  const injects: Inject[] = [];
  form.injects.forEach((row, i) => {
    const n = i + 1;
    const day = wholeNumber(row.day);
    if (day === null || day < 1 || day > level.days) problems.push({ field: `inject-${row.key}-day`, key: 'instructor.err.injectDay', params: { n, days: level.days } });
    const inject: Inject = { day: day ?? 1 };
    if (row.kind === 'event') {
      if (!events.has(row.event)) problems.push({ field: `inject-${row.key}-event`, key: 'instructor.err.injectEvent', params: { n } });
      inject.event = row.event;
    } else {
      const title = pair(row.titleEn, row.titleFr);
      const body = pair(row.bodyEn, row.bodyFr);
      if (!title) problems.push({ field: `inject-${row.key}-title-en`, key: 'instructor.err.injectTitle', params: { n } });
      if (!body) problems.push({ field: `inject-${row.key}-body-en`, key: 'instructor.err.injectBody', params: { n } });
      for (const [field, text] of [
        ['title-en', row.titleEn],
        ['title-fr', row.titleFr],
        ['body-en', row.bodyEn],
        ['body-fr', row.bodyFr],
      ] as const) {
        if (text.trim().length > MAX_TEXT_CHARS) problems.push({ field: `inject-${row.key}-${field}`, key: 'instructor.err.textTooLong', params: { n, max: MAX_TEXT_CHARS } });
      }
      if (title) inject.title = title;
      if (body) inject.body = body;
    }
    if (row.effects) inject.effects = row.effects;
    injects.push(inject);
  });
  if (problems.length > 0) return { link: null, problems, search: null };

  const allPolicies = level.policies.every((p) => form.policies.includes(p));
  const link: ShareLink = normalizeShareLink({
    level: level.id,
    seed: seed!,
    difficulty: form.difficulty,
    settings: { injects, ...(allPolicies ? {} : { policies: level.policies.filter((p) => form.policies.includes(p)) }) },
    ...(timeLimitMin !== undefined ? { timeLimitMin } : {}),
    ...(form.speedMode === 'locked' ? { speed: { locked: true, value: Number(form.speedValue) as 1 | 2 | 4 } } : {}),
    ...(form.lang !== '' ? { lang: form.lang } : {}),
  });
  // The same check the game makes when it builds the scenario: nothing reaches the class that it would refuse.
  for (const reason of linkProblems(link, level)) problems.push({ field: 'injects', key: 'instructor.err.scenario', params: { reason } });
  const search = encodeShareLink(link);
  if (search.length > MAX_LINK_CHARS) problems.push({ field: 'injects', key: 'instructor.err.linkTooLong' });
  return problems.length > 0 ? { link: null, problems, search: null } : { link, problems, search };
}

/** The form that makes `link` (e.g. from a settings file or the page's own address). */
export function formFromLink(link: ShareLink, level: Level): SetupForm {
  const events = new Set([...level.events, ...level.randomEvents].map((e) => e.id));
  return {
    level: level.id,
    difficulty: link.difficulty,
    seed: String(link.seed),
    timeLimit: link.timeLimitMin === undefined ? '' : String(link.timeLimitMin),
    speedMode: link.speed?.locked ? 'locked' : 'free',
    speedValue: link.speed ? (String(link.speed.value) as '1' | '2' | '4') : '1',
    policies: link.settings.policies ? level.policies.filter((p) => link.settings.policies!.includes(p)) : [...level.policies],
    injects: link.settings.injects.map((inject) =>
      newInjectRow({
        day: String(inject.day),
        kind: inject.event !== undefined ? 'event' : 'custom',
        event: inject.event !== undefined && events.has(inject.event) ? inject.event : (inject.event ?? ''),
        titleEn: inject.title?.en ?? '',
        titleFr: inject.title?.fr ?? '',
        bodyEn: inject.body?.en ?? '',
        bodyFr: inject.body?.fr ?? '',
        ...(inject.effects ? { effects: inject.effects } : {}),
      }),
    ),
    lang: link.lang ?? '',
  };
}
