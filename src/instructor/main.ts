/**
 * The instructor's setup page: a form (scenario, difficulty, seed, time limit, speed,
 * policies, injects, language) that becomes one share link, shown as text, as a QR code to
 * project, and as a settings file to keep. Every change is checked at once; problems are
 * listed (politely announced) and marked on their fields. The page's own address follows the
 * form, so a reload or a bookmark keeps the setup.
 */
import '../styles.css';
import './tool.css';
import './instructor.css';
import { correction, generate } from 'lean-qr';
import { addStrings, pick, reasonText, t } from '../app/i18n';
import { LevelListError, listLevels, loadLevel, type LevelEntry, type Loaded } from '../app/levels';
import { encodeSettingsFile, MAX_SETTINGS_BYTES, parseSettingsFile, parseShareLink, shareUrl, type ShareLink } from '../app/share';
import type { Level, PolicyId } from '../levels/schema';
import { clip, reason, type Reason } from '../sim/reason';
import type { Difficulty } from '../sim/state';
import { h } from '../ui/dom';
import { instructor } from '../strings/instructor';
import { buildLink, defaultForm, formFromLink, MAX_INJECTS, newInjectRow, QR_COMFORT_CHARS, type Built, type InjectRow, type Problem, type SetupForm } from './model';
import { byId, copyText, downloadText, setupLanguage } from './page';

addStrings(instructor);

/** The shipped levels' index entries (titles, lengths) and the levels themselves, or why one cannot be loaded. */
let entries: LevelEntry[] = [];
const levels = new Map<string, Loaded>();
const levelIds = (): string[] => entries.map((e) => e.id);

/** The level, or why it cannot be had, said in the page's language at the time of asking. */
function levelFor(id: string): Level | string {
  const loaded = levels.get(id);
  if (!loaded) return reasonText(reason('link.unknownLevel', { level: clip(id, 40) }));
  return loaded.ok ? loaded.level : [reasonText(loaded.reason), ...(loaded.problems ?? [])].join('; ');
}

function randomSeed(): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return (buffer[0] ?? 1) % 2 ** 31;
}

const formEl = byId<HTMLFormElement>('setup-form');
const levelList = byId('level-list');
const seedInput = byId<HTMLInputElement>('seed');
const timeInput = byId<HTMLInputElement>('time-limit');
const speedSelect = byId<HTMLSelectElement>('speed-value');
const policyList = byId('policy-list');
const injectList = byId<HTMLOListElement>('inject-list');
const injectsEmpty = byId('injects-empty');
const problemsBox = byId('problems');
const shareReady = byId('share-ready');
const shareSummary = byId('share-summary');
const urlField = byId<HTMLTextAreaElement>('share-url');
const urlLength = byId('share-length');
const openLink = byId<HTMLAnchorElement>('open-link');
const qrCanvas = byId<HTMLCanvasElement>('qr');
const qrNote = byId('qr-note');
const qrDialog = byId<HTMLDialogElement>('qr-dialog');
const status = byId('status');
const saveButton = byId<HTMLButtonElement>('save-settings');
const fileInput = byId<HTMLInputElement>('load-file');

let form: SetupForm;
let built: Built = { link: null, problems: [], search: null };
let url: string | null = null;
let qrDrawn = false;

function currentLevel(): Level | null {
  const level = levelFor(form.level);
  return typeof level === 'string' ? null : level;
}

/* ------------------------------------------------------------------ rendering the form */

function renderLevels(): void {
  levelList.replaceChildren(
    ...entries.map((entry) => {
      const id = `level-${entry.id}`;
      const input = h('input', { id, type: 'radio', name: 'level', value: entry.id, checked: entry.id === form.level, 'aria-describedby': `${id}-summary`, onchange: () => chooseLevel(entry.id) });
      // The whole card selects the scenario; the radio's name stays short (the summary is its description).
      return h(
        'div',
        { class: 'level-choice', onclick: (event: Event) => (event.target === input || (event.target as HTMLElement).closest('label') ? undefined : input.click()) },
        input,
        h('label', { for: id }, h('strong', null, pick(entry.title)), h('span', { class: 'muted' }, ` · ${t('instructor.days', { days: entry.days })}`)),
        h('span', { id: `${id}-summary`, class: 'summary' }, pick(entry.summary)),
      );
    }),
  );
}

function renderPolicies(): void {
  const level = currentLevel();
  policyList.replaceChildren(
    ...(level?.policies ?? []).map((policy) =>
      h(
        'label',
        null,
        h('input', {
          type: 'checkbox',
          name: 'policy',
          value: policy,
          checked: form.policies.includes(policy),
          onchange: (event: Event) => {
            const on = (event.target as HTMLInputElement).checked;
            form.policies = on ? [...form.policies, policy] : form.policies.filter((p) => p !== policy);
            refresh();
          },
        }),
        ' ',
        t(`hud.policy.${policy}`),
      ),
    ),
  );
}

function eventOptions(level: Level | null): { value: string; label: string }[] {
  if (!level) return [];
  return [
    ...level.events.map((e) => ({ value: e.id, label: t('instructor.inject.eventOnDay', { title: pick(e.title), day: e.day }) })),
    ...level.randomEvents.map((e) => ({ value: e.id, label: t('instructor.inject.eventRandom', { title: pick(e.title) }) })),
  ];
}

function injectRowElement(row: InjectRow, index: number, level: Level | null): HTMLElement {
  const id = (field: string): string => `inject-${row.key}-${field}`;
  const n = index + 1;
  const update = (patch: Partial<InjectRow>): void => {
    Object.assign(row, patch);
    refresh();
  };
  const text = (field: 'title-en' | 'title-fr' | 'body-en' | 'body-fr', prop: 'titleEn' | 'titleFr' | 'bodyEn' | 'bodyFr', label: string, lang: 'en' | 'fr', area: boolean): HTMLElement =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id(field) }, label),
      area
        ? h('textarea', { id: id(field), rows: 3, lang, maxlength: 2000, 'aria-describedby': id('error'), oninput: (e: Event) => update({ [prop]: (e.target as HTMLTextAreaElement).value }) }, row[prop])
        : h('input', { id: id(field), type: 'text', lang, maxlength: 200, value: row[prop], 'aria-describedby': id('error'), oninput: (e: Event) => update({ [prop]: (e.target as HTMLInputElement).value }) }),
    );
  const eventSelect = h(
    'select',
    { id: id('event'), 'aria-describedby': id('error'), onchange: (e: Event) => update({ event: (e.target as HTMLSelectElement).value }) },
    h('option', { value: '' }, t('instructor.inject.choose')),
    ...eventOptions(level).map((o) => h('option', { value: o.value, selected: o.value === row.event }, o.label)),
  );
  const custom = h(
    'div',
    { class: 'custom-fields', hidden: row.kind !== 'custom' },
    h('div', { class: 'two-col' }, text('title-en', 'titleEn', t('instructor.inject.titleEn'), 'en', false), text('title-fr', 'titleFr', t('instructor.inject.titleFr'), 'fr', false)),
    h('div', { class: 'two-col' }, text('body-en', 'bodyEn', t('instructor.inject.bodyEn'), 'en', true), text('body-fr', 'bodyFr', t('instructor.inject.bodyFr'), 'fr', true)),
    h('p', { class: 'help' }, t('instructor.inject.oneLanguage')),
  );
  const eventField = h('div', { class: 'field', hidden: row.kind !== 'event' }, h('label', { for: id('event') }, t('instructor.inject.event')), eventSelect);
  const kindName = id('kind');
  const kindRadio = (kind: InjectRow['kind'], label: string): HTMLElement =>
    h(
      'label',
      null,
      h('input', {
        type: 'radio',
        name: kindName,
        value: kind,
        checked: row.kind === kind,
        onchange: () => {
          row.kind = kind;
          eventField.hidden = kind !== 'event';
          custom.hidden = kind !== 'custom';
          refresh();
        },
      }),
      ' ',
      label,
    );
  return h(
    'li',
    { class: 'inject-row', 'data-key': row.key },
    h(
      'fieldset',
      null,
      h('legend', null, t('instructor.inject.legend', { n })),
      h(
        'div',
        { class: 'inject-head' },
        h(
          'div',
          { class: 'field' },
          h('label', { for: id('day') }, t('instructor.inject.day', { days: level?.days ?? '?' })),
          h('input', { id: id('day'), type: 'text', inputmode: 'numeric', class: 'short', autocomplete: 'off', value: row.day, 'aria-describedby': id('error'), oninput: (e: Event) => update({ day: (e.target as HTMLInputElement).value }) }),
        ),
        h('fieldset', { class: 'sub' }, h('legend', null, t('instructor.inject.kind')), h('div', { class: 'choices row' }, kindRadio('event', t('instructor.inject.kindEvent')), kindRadio('custom', t('instructor.inject.kindCustom')))),
        h('button', { type: 'button', class: 'remove', 'aria-label': t('instructor.inject.removeLabel', { n }), onclick: () => removeInject(row.key) }, t('instructor.inject.remove')),
      ),
      eventField,
      custom,
      row.effects ? h('p', { class: 'help' }, t('instructor.inject.keepsEffects')) : null,
      h('p', { id: id('error'), class: 'field-error', hidden: true }),
    ),
  );
}

function renderInjects(): void {
  const level = currentLevel();
  injectList.replaceChildren(...form.injects.map((row, i) => injectRowElement(row, i, level)));
  injectsEmpty.hidden = form.injects.length > 0;
  byId<HTMLButtonElement>('add-inject').disabled = form.injects.length >= MAX_INJECTS;
}

/** Puts the form's values into the static controls (after a load or a language change). */
function renderForm(): void {
  renderLevels();
  for (const input of formEl.querySelectorAll<HTMLInputElement>('input[name="difficulty"]')) input.checked = input.value === form.difficulty;
  seedInput.value = form.seed;
  timeInput.value = form.timeLimit;
  for (const input of formEl.querySelectorAll<HTMLInputElement>('input[name="speed-mode"]')) input.checked = input.value === form.speedMode;
  speedSelect.value = form.speedValue;
  speedSelect.disabled = form.speedMode === 'free';
  for (const input of formEl.querySelectorAll<HTMLInputElement>('input[name="student-lang"]')) input.checked = input.value === form.lang;
  renderPolicies();
  renderInjects();
  refresh();
}

/* ------------------------------------------------------------------ the link */

const difficultyName = (d: Difficulty): string => t(`instructor.${d}`);

function problemText(p: Problem): string {
  return t(p.key, p.params ?? {});
}

function showProblems(problems: readonly Problem[]): void {
  for (const el of formEl.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
  for (const el of formEl.querySelectorAll<HTMLElement>('.field-error')) {
    el.hidden = true;
    el.textContent = '';
  }
  const messages = new Map<string, string[]>();
  for (const p of problems) {
    const field = document.getElementById(p.field);
    if (field && field !== formEl) field.setAttribute('aria-invalid', 'true');
    // Inject problems gather under their row; others under their field.
    const row = /^inject-(\d+)-/.exec(p.field);
    const errorId = row ? `inject-${row[1]}-error` : `${p.field}-error`;
    messages.set(errorId, [...(messages.get(errorId) ?? []), problemText(p)]);
  }
  for (const [errorId, lines] of messages) {
    const el = document.getElementById(errorId);
    if (el) {
      el.textContent = lines.join(' ');
      el.hidden = false;
    }
  }
  const text = problems.map(problemText).join('\n');
  if (problemsBox.dataset.text === text) return;
  problemsBox.dataset.text = text;
  problemsBox.hidden = problems.length === 0;
  problemsBox.replaceChildren(
    h('p', null, t('instructor.invalid')),
    h(
      'ul',
      null,
      ...problems.map((p) => {
        // Looked up on click: the inject rows may have been drawn again since.
        const focus = (event: Event): void => {
          event.preventDefault();
          document.getElementById(p.field)?.focus();
        };
        return h('li', null, document.getElementById(p.field) ? h('a', { href: `#${p.field}`, onclick: focus }, problemText(p)) : problemText(p));
      }),
    ),
  );
}

function drawQr(canvas: HTMLCanvasElement, text: string): boolean {
  try {
    // Medium error correction: a projected code survives glare and a phone held at an angle.
    generate(text, { minCorrectionLevel: correction.M }).toCanvas(canvas, { pad: 4, on: [0, 0, 0], off: [255, 255, 255] });
    return true;
  } catch {
    return false;
  }
}

function summaryText(link: ShareLink, level: Level): string {
  const entry = entries.find((l) => l.id === link.level);
  const parts = [t('instructor.summary', { level: entry ? pick(entry.title) : link.level, difficulty: difficultyName(link.difficulty), seed: String(link.seed) })];
  if (link.settings.injects.length > 0) parts.push(t('instructor.summaryInjects', { n: link.settings.injects.length }));
  if (link.settings.policies) parts.push(t('instructor.summaryPolicies', { n: link.settings.policies.length, total: level.policies.length }));
  if (link.timeLimitMin !== undefined) parts.push(t('instructor.summaryLimit', { n: link.timeLimitMin }));
  if (link.speed?.locked) parts.push(t('instructor.summarySpeed', { n: link.speed.value }));
  return parts.join(' · ');
}

function refresh(): void {
  const level = levelFor(form.level);
  if (typeof level === 'string') {
    built = { link: null, problems: [{ field: 'level-list', key: 'instructor.err.level', params: { reason: level } }], search: null };
  } else built = buildLink(form, level);
  showProblems(built.problems);
  const ok = built.link !== null && built.search !== null && typeof level !== 'string';
  shareReady.hidden = !ok;
  saveButton.disabled = !ok;
  if (!ok) {
    url = null;
    return;
  }
  url = shareUrl(window.location.href, built.link!);
  if (urlField.value !== url) {
    urlField.value = url;
    openLink.href = url;
    qrDrawn = drawQr(qrCanvas, url);
    qrCanvas.hidden = !qrDrawn;
    byId<HTMLButtonElement>('qr-large').disabled = !qrDrawn;
    history.replaceState(null, '', `${window.location.pathname}${built.search}`);
  }
  urlLength.textContent = t('instructor.linkLength', { n: url.length });
  qrNote.hidden = qrDrawn && url.length <= QR_COMFORT_CHARS;
  qrNote.textContent = qrDrawn ? t('instructor.qrLong', { n: url.length }) : t('instructor.qrTooLong');
  shareSummary.textContent = summaryText(built.link!, level as Level);
}

/* ------------------------------------------------------------------ changes */

function chooseLevel(id: string): void {
  const level = levelFor(id);
  form.level = id;
  // A new scenario has its own policies: all of them on, as written.
  form.policies = typeof level === 'string' ? [] : [...level.policies];
  renderPolicies();
  renderInjects();
  refresh();
}

function addInject(): void {
  if (form.injects.length >= MAX_INJECTS) return;
  const row = newInjectRow({ day: String(Math.min(currentLevel()?.days ?? 1, 2)) });
  form.injects.push(row);
  renderInjects();
  refresh();
  document.getElementById(`inject-${row.key}-day`)?.focus();
}

function removeInject(key: number): void {
  const index = form.injects.findIndex((r) => r.key === key);
  if (index < 0) return;
  form.injects.splice(index, 1);
  renderInjects();
  refresh();
  const next = form.injects[index] ?? form.injects[index - 1];
  (next ? document.getElementById(`inject-${next.key}-day`) : byId('add-inject'))?.focus();
  status.textContent = t('instructor.inject.removed');
}

function wire(): void {
  for (const input of formEl.querySelectorAll<HTMLInputElement>('input[name="difficulty"]')) {
    input.addEventListener('change', () => {
      if (input.checked) form.difficulty = input.value as Difficulty;
      refresh();
    });
  }
  seedInput.addEventListener('input', () => {
    form.seed = seedInput.value;
    refresh();
  });
  byId('random-seed').addEventListener('click', () => {
    form.seed = String(randomSeed());
    seedInput.value = form.seed;
    refresh();
  });
  timeInput.addEventListener('input', () => {
    form.timeLimit = timeInput.value;
    refresh();
  });
  for (const input of formEl.querySelectorAll<HTMLInputElement>('input[name="speed-mode"]')) {
    input.addEventListener('change', () => {
      if (input.checked) form.speedMode = input.value as SetupForm['speedMode'];
      speedSelect.disabled = form.speedMode === 'free';
      refresh();
    });
  }
  speedSelect.addEventListener('change', () => {
    form.speedValue = speedSelect.value as SetupForm['speedValue'];
    refresh();
  });
  for (const input of formEl.querySelectorAll<HTMLInputElement>('input[name="student-lang"]')) {
    input.addEventListener('change', () => {
      if (input.checked) form.lang = input.value as SetupForm['lang'];
      refresh();
    });
  }
  const setAllPolicies = (on: boolean): void => {
    form.policies = on ? [...(currentLevel()?.policies ?? [])] : ([] as PolicyId[]);
    renderPolicies();
    refresh();
  };
  byId('policies-all').addEventListener('click', () => setAllPolicies(true));
  byId('policies-none').addEventListener('click', () => setAllPolicies(false));
  byId('add-inject').addEventListener('click', addInject);
  formEl.addEventListener('submit', (event) => event.preventDefault());

  byId('copy-link').addEventListener('click', () => {
    if (!url) return;
    void copyText(url, urlField).then((ok) => {
      status.textContent = t(ok ? 'instructor.copied' : 'instructor.copyFailed');
    });
  });
  byId('qr-large').addEventListener('click', () => {
    if (!url) return;
    drawQr(byId<HTMLCanvasElement>('qr-big'), url);
    byId('qr-big-url').textContent = url;
    qrDialog.showModal();
  });
  byId('print').addEventListener('click', () => window.print());
  saveButton.addEventListener('click', () => {
    if (!built.link) return;
    downloadText(`lifeline-scenario-${built.link.level}-${built.link.seed}.json`, encodeSettingsFile(built.link), 'application/json');
  });
  byId('load-settings').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => void loadFile());
}

async function loadFile(): Promise<void> {
  const file = fileInput.files?.[0];
  fileInput.value = '';
  if (!file) return;
  const fail = (why: string | Reason): void => {
    status.textContent = t('instructor.loadFailed', { file: file.name, reason: why });
  };
  if (file.size > MAX_SETTINGS_BYTES) return fail(reason('settings.tooLarge', { kb: MAX_SETTINGS_BYTES / 1024 }));
  let text: string;
  try {
    text = await file.text();
  } catch {
    return fail(reason('file.unreadable'));
  }
  const parsed = parseSettingsFile(text, levelIds());
  if (!parsed.ok) return fail(parsed.reason);
  const level = levelFor(parsed.value.level);
  if (typeof level === 'string') return fail(level);
  // The form is replaced only by a file that was read in full: a bad file changes nothing.
  form = formFromLink(parsed.value, level);
  renderForm();
  status.textContent = t('instructor.loaded', { file: file.name });
}

/* ------------------------------------------------------------------ start */

function initialForm(): SetupForm {
  const fromUrl = parseShareLink(window.location.search, levelIds());
  if (fromUrl.kind === 'ok') {
    const level = levelFor(fromUrl.link.level);
    if (typeof level !== 'string') return formFromLink(fromUrl.link, level);
  }
  if (fromUrl.kind === 'error') status.textContent = t('instructor.urlFailed', { reason: fromUrl.reason });
  // The full campaign is what a class usually plays; the tutorial is one click away.
  const first = entries.find((l) => l.id === 'bamako-2025') ?? entries.find((l) => l.id !== 'tutorial') ?? entries[0];
  const level = first ? levelFor(first.id) : undefined;
  if (level === undefined || typeof level === 'string') return defaultForm({ id: first?.id ?? '', policies: [] as PolicyId[] } as Level, randomSeed());
  return defaultForm(level, randomSeed());
}

async function boot(): Promise<void> {
  try {
    entries = (await listLevels()).levels;
  } catch (error) {
    setupLanguage('instructor.pageTitle', () => undefined);
    status.textContent = t('instructor.err.level', { reason: error instanceof LevelListError ? error.reason : error instanceof Error ? error.message : String(error) });
    return;
  }
  await Promise.all(
    entries.map(async (entry) => {
      levels.set(entry.id, await loadLevel(entry.id));
    }),
  );
  form = initialForm();
  wire();
  setupLanguage('instructor.pageTitle', renderForm);
  document.body.dataset.ready = 'true';
}

void boot();
