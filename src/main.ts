/**
 * The page: the menu (plain HTML, interactive at once), then the game (the Phaser map is a
 * lazily loaded chunk), then the debrief. Owns the clock loop and the saves.
 */
import './styles.css';
import { formatDate, LANGS, pageText, pick, reasonText, setLang, t, type Lang } from './app/i18n';
import { readDraft } from './app/draft';
import { LevelListError, linkableIds, listLevels, loadLevel, onLevelFilesChanged, type LevelEntry, type LevelFileProblems } from './app/levels';
import { changesAnything, settingsInWords } from './app/briefing';
import { normalizeSettings, parseShareLink, type ShareLink } from './app/share';
import { makeSave, MAX_SAVE_BYTES, openSaveSlot, parseSave, memorySlot, type SaveFile, type SaveSlot } from './app/saves';
import { SelectionBus } from './app/selection';
import { GameSession } from './app/session';
import { registerServiceWorker } from './app/offline';
import { applyDisplaySettings, defaultSettings, loadSettings, saveSettings, wantsReducedMotion, type Settings } from './app/settings';
import { guardSlot } from './app/storage';
import type { GameAudio } from './audio';
import { downloadText } from './ui/dom';
import type { Reason } from './sim/reason';
import { NO_SETTINGS, scenarioContext } from './sim/scenario';
import type { Difficulty } from './sim/state';
import { showNotice } from './ui/notice';
import { GameScreen, preloadGame } from './game-screen';

type Screen = 'menu' | 'playing' | 'debrief';

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as T;
};

const menu = $('menu');
const gameArea = $('game');
const mapRoot = $('map');
const hudRoot = $('hud');
const debriefRoot = $('debrief');
const message = $('menu-message');
const continueButton = $<HTMLButtonElement>('continue');
const continueInfo = $('continue-info');
const announcer = $('announcer');

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();
let settings: Settings = loadSettings(storage, defaultSettings(navigator.languages));
applyDisplaySettings(settings, document.documentElement);
let slot: SaveSlot = memorySlot();
/** Settles once the save storage is open (or known to be unavailable) and `slot` is set. */
let slotReady: Promise<void> = Promise.resolve();
let audio: GameAudio | undefined;
let current: GameScreen | undefined;
let LEVELS: LevelEntry[] = [];
/** Ids a scenario link may name: LEVELS and, in the dev server, broken level files. */
let LINKABLE: string[] = [];

function setScreen(screen: Screen): void {
  document.body.dataset.screen = screen;
  menu.hidden = screen !== 'menu';
  gameArea.hidden = screen !== 'playing';
  debriefRoot.hidden = screen !== 'debrief';
}

function showMessage(text: string | null): void {
  message.hidden = text === null;
  message.textContent = text ?? '';
}

function announce(text: string): void {
  announcer.textContent = text;
}

// ---- Menu ---------------------------------------------------------------------------

function translatePage(): void {
  setLang(settings.lang);
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = pageText(el.dataset.i18n);
  renderLevelList();
  renderSources();
  lessonRender?.();
  void refreshContinue();
}

function renderLevelList(): void {
  const list = $('level-list');
  const chosen = (document.querySelector<HTMLInputElement>('input[name="level"]:checked')?.value ?? LEVELS[0]?.id) || '';
  list.replaceChildren(
    ...LEVELS.map((entry) => {
      const label = document.createElement('label');
      label.className = 'level-choice';
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'level';
      input.value = entry.id;
      input.checked = entry.id === chosen;
      const head = document.createElement('span');
      const title = document.createElement('strong');
      title.textContent = pick(entry.title);
      const meta = document.createElement('span');
      meta.className = 'muted';
      meta.textContent = ` · ${t('menu.days', { days: entry.days })}`;
      head.append(title, meta);
      const summary = document.createElement('span');
      summary.className = 'summary';
      summary.textContent = pick(entry.summary);
      label.append(input, head, summary);
      return label;
    }),
  );
}

/** Every source the shipped levels cite, once each. */
function renderSources(): void {
  const list = $('source-list');
  const seen = new Set<string>();
  const sources = LEVELS.flatMap((l) => l.sources).filter((s) => !seen.has(s.url) && seen.add(s.url));
  list.replaceChildren(
    ...sources.map((source) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = source.url;
      link.rel = 'noopener';
      link.target = '_blank';
      link.textContent = source.title;
      item.append(link, ` — ${source.publisher}, ${source.date}`);
      return item;
    }),
  );
}

async function refreshContinue(): Promise<void> {
  const save = await readSave();
  continueButton.hidden = !save || !save.ok;
  continueInfo.hidden = continueButton.hidden;
  if (save?.ok) {
    const entry = LEVELS.find((l) => l.id === save.value.level.id);
    continueInfo.textContent = t('menu.continueInfo', { level: entry ? pick(entry.title) : save.value.level.id, day: save.value.day, days: entry?.days ?? '?' });
  }
}

async function readSave(): Promise<{ ok: true; value: SaveFile } | { ok: false; reason: Reason; text: string } | undefined> {
  let text: string | undefined;
  try {
    text = await slot.read();
  } catch {
    return undefined;
  }
  if (text === undefined) return undefined;
  const parsed = parseSave(text);
  return parsed.ok ? parsed : { ok: false, reason: parsed.reason, text };
}

function wireMenu(): void {
  $('new-game').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const level = String(form.get('level') ?? '');
    const difficulty = String(form.get('difficulty') ?? 'normal') as Difficulty;
    void startNewGame(level, randomSeed(), difficulty);
  });
  continueButton.addEventListener('click', () => void continueGame());
  for (const input of document.querySelectorAll<HTMLInputElement>('input[name="lang"]')) {
    input.checked = input.value === settings.lang;
    input.addEventListener('change', () => {
      if (!input.checked) return;
      settings = { ...settings, lang: input.value as Lang };
      saveSettings(storage, settings);
      translatePage();
    });
  }
  const sound = $<HTMLInputElement>('sound');
  const volume = $<HTMLInputElement>('volume');
  sound.checked = settings.sound;
  volume.value = String(Math.round(settings.volume * 100));
  sound.addEventListener('change', () => {
    settings = { ...settings, sound: sound.checked };
    saveSettings(storage, settings);
    audio?.setMuted(!sound.checked);
  });
  volume.addEventListener('input', () => {
    settings = { ...settings, volume: Number(volume.value) / 100 };
    saveSettings(storage, settings);
    audio?.setVolume(settings.volume);
  });
  // Accessibility modes: the style sheets read them from the root element; the map reads reduced motion when it starts.
  for (const [id, key] of [['reduced-motion', 'reducedMotion'], ['colour-blind', 'colourBlind'], ['pause-alerts', 'pauseOnAlerts']] as const) {
    const box = $<HTMLInputElement>(id);
    box.checked = settings[key];
    box.addEventListener('change', () => {
      settings = { ...settings, [key]: box.checked };
      saveSettings(storage, settings);
      applyDisplaySettings(settings, document.documentElement);
    });
  }
  const file = $<HTMLInputElement>('import-file');
  $('import-save').addEventListener('click', () => file.click());
  file.addEventListener('change', () => void importSave(file));
}

function randomSeed(): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return (buffer[0] ?? 1) % 2 ** 31;
}

async function importSave(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  if (file.size > MAX_SAVE_BYTES) return showMessage(t('menu.saveImportFailed', { reason: t('menu.reason.tooLarge') }));
  const parsed = parseSave(await file.text());
  if (!parsed.ok) return showMessage(t('menu.saveImportFailed', { reason: parsed.reason }));
  await slotReady;
  const previous = await slot.read().catch(() => undefined);
  if (previous !== undefined) await slot.keepBackup(previous).catch(() => undefined);
  await slot.write(JSON.stringify(parsed.value));
  showMessage(t('menu.saveImported'));
  await refreshContinue();
}

// ---- Game ---------------------------------------------------------------------------

/** A new game: from the menu, or from an instructor's link with its settings, speed and time limit. */
async function startNewGame(levelId: string, seed: number, difficulty: Difficulty, link?: ShareLink): Promise<void> {
  void preloadGame();
  const loaded = await loadLevel(levelId);
  if (!loaded.ok) {
    if (loaded.problems) showLevelProblems([{ file: loaded.file ?? `levels/${levelId}.json`, id: levelId, problems: loaded.problems }]);
    return showMessage(t('menu.loadFailed', { reason: reasonText(loaded.reason) }));
  }
  const settings = link?.settings ?? NO_SETTINGS;
  const built = scenarioContext(loaded.level, settings);
  if (!built.ok) return showMessage(t('menu.badLink', { reason: built.reason }));
  await play(GameSession.start(built.ctx, seed, difficulty, settings));
}

/** The autosave, if it is this link's game: the same scenario with the same settings. */
async function savedGameOf(link: ShareLink): Promise<SaveFile | undefined> {
  await slotReady;
  const save = await readSave();
  if (!save?.ok) return undefined;
  const s = save.value;
  const same = s.level.id === link.level && s.seed === link.seed && s.difficulty === link.difficulty;
  return same && JSON.stringify(normalizeSettings(s.settings)) === JSON.stringify(normalizeSettings(link.settings)) ? s : undefined;
}

/**
 * A class link: the game it already started resumes where it was (the same hour, the time
 * limit's minutes already used); otherwise what the instructor's settings change is shown in
 * words before play, and a link that changes nothing opens the game at once.
 */
async function openClassLink(link: ShareLink): Promise<void> {
  // A saved game that can no longer be played (the level changed) is kept as a backup, and the link starts afresh.
  if ((await savedGameOf(link)) && (await continueGame())) return;
  if (!changesAnything(link.settings)) return startNewGame(link.level, link.seed, link.difficulty, link);
  const loaded = await loadLevel(link.level);
  if (!loaded.ok) return showMessage(t('menu.loadFailed', { reason: [reasonText(loaded.reason), ...(loaded.problems ?? [])].join('; ') }));
  const built = scenarioContext(loaded.level, link.settings);
  if (!built.ok) return showMessage(t('menu.badLink', { reason: built.reason }));
  const level = loaded.level;
  document.getElementById('lesson')?.remove();
  const card = document.createElement('section');
  card.id = 'lesson';
  card.className = 'card wide lesson';
  card.setAttribute('aria-labelledby', 'lesson-title');
  const title = document.createElement('h2');
  title.id = 'lesson-title';
  title.tabIndex = -1;
  const intro = document.createElement('p');
  const list = document.createElement('ul');
  const start = document.createElement('button');
  start.type = 'button';
  start.className = 'primary';
  const render = (): void => {
    title.textContent = `${t('lesson.title')}: ${pick(level.title)}`;
    intro.textContent = t('lesson.intro');
    list.replaceChildren(
      ...settingsInWords(link.settings, level, (id) => t(`hud.policy.${id}`)).map((line) => {
        const item = document.createElement('li');
        item.textContent = line;
        return item;
      }),
    );
    start.textContent = t('lesson.start');
  };
  render();
  lessonRender = render;
  start.addEventListener('click', () => {
    lessonRender = undefined;
    card.remove();
    void startNewGame(link.level, link.seed, link.difficulty, link);
  });
  card.append(title, intro, list, start);
  menu.querySelector('.menu-grid')?.prepend(card);
  title.focus();
}
/** Redraws the class card in the chosen language while it is shown. */
let lessonRender: (() => void) | undefined;

/** A play-test from the level editor: its draft, this tab only, never saved. */
async function startDraftGame(): Promise<void> {
  const sessionStore = (() => {
    try {
      return window.sessionStorage;
    } catch {
      return undefined;
    }
  })();
  const read = readDraft(sessionStore);
  if (!read.ok) return showMessage(t('menu.loadFailed', { reason: read.error }));
  const query = new URLSearchParams(window.location.search);
  const seedText = query.get('seed') ?? '1';
  const seed = /^\d{1,10}$/.test(seedText) && Number(seedText) < 2 ** 31 ? Number(seedText) : 1;
  const asked = query.get('difficulty');
  const difficulty: Difficulty = asked === 'easy' || asked === 'hard' ? asked : 'normal';
  try {
    const built = scenarioContext(read.level, NO_SETTINGS);
    if (!built.ok) return showMessage(t('menu.loadFailed', { reason: built.reason }));
    // The draft must not replace the player's saved game.
    slot = memorySlot();
    await play(GameSession.start(built.ctx, seed, difficulty));
  } catch (e) {
    showMessage(t('menu.loadFailed', { reason: e instanceof Error ? e.message : String(e) }));
  }
}

/** Resumes the saved game; false when there is none or it cannot be played (the menu then says why). */
async function continueGame(): Promise<boolean> {
  void preloadGame();
  const save = await readSave();
  if (!save) return false;
  const refuse = async (text: string, why: string): Promise<false> => (await rejectSave(text, why), false);
  if (!save.ok) return refuse(save.text, reasonText(save.reason));
  const loaded = await loadLevel(save.value.level.id);
  if (!loaded.ok) return refuse(JSON.stringify(save.value), t('menu.reason.levelMissing', { id: save.value.level.id }));
  const scenario = scenarioContext(loaded.level, save.value.settings);
  if (!scenario.ok) return refuse(JSON.stringify(save.value), reasonText(scenario.reason));
  const ctx = scenario.ctx;
  if (ctx.levelHash !== save.value.level.hash) return refuse(JSON.stringify(save.value), t('menu.reason.levelChanged'));
  const session = GameSession.resume(ctx, save.value.seed, save.value.difficulty, save.value.log, save.value.settings, save.value.lessonMs);
  if (session.hash !== save.value.stateHash) return refuse(JSON.stringify(save.value), t('menu.reason.replayDiffers'));
  await play(session);
  if (changesAnything(session.settings)) announce(t('lesson.resumed', { day: save.value.day, hour: formatDate(ctx.level.startDate, session.state.hour, true) }));
  return true;
}

async function rejectSave(text: string, reason: string): Promise<void> {
  await slotReady;
  await slot.keepBackup(text).catch(() => undefined);
  await slot.clear().catch(() => undefined);
  showMessage(t('menu.saveCorrupt', { reason }));
  await refreshContinue();
}

async function autosave(session: GameSession): Promise<void> {
  try {
    await slotReady;
    await slot.write(JSON.stringify(makeSave(session, new Date().toISOString())));
  } catch {
    announce(t('menu.storageUnavailable'));
  }
}

/** The student hands in a result: an alias (never a real name required), then a file or a code. */
function handIn(session: GameSession): void {
  void import('./instructor/export-dialog').then(({ openResultExport }) =>
    openResultExport({ result: (alias) => session.result(alias), fileName: `${session.ctx.level.id}-${session.state.seed}` }),
  );
}

let audioReady: Promise<GameAudio> | undefined;
function ensureAudio(): Promise<GameAudio> {
  audioReady ??= import('./audio').then(({ createAudio }) => (audio = createAudio({ muted: !settings.sound, volume: settings.volume })));
  return audioReady;
}

/**
 * The game's code and map data, fetched once: as soon as a game is asked for, or while the
 * menu sits idle, so that Start does not wait on the network.
 */
async function play(session: GameSession): Promise<void> {
  current?.close();
  showMessage(null);
  announce(t('menu.loading'));
  const base = `${session.ctx.level.id}-${session.state.seed}`;
  setScreen('playing');
  performance.mark('lifeline:play');
  const { screen, ready } = GameScreen.open(session, {
    hudRoot,
    mapRoot,
    selection: new SelectionBus(),
    reducedMotion: wantsReducedMotion(settings, window),
    announce,
    audio: ensureAudio,
    autosave,
    // Read at each alert: the setting may change from the menu between games.
    pauseOnAlerts: () => settings.pauseOnAlerts,
    setPauseOnAlerts: (on) => {
      settings = { ...settings, pauseOnAlerts: on };
      saveSettings(storage, settings);
      $<HTMLInputElement>('pause-alerts').checked = on;
    },
    hud: {
      onMenu: () => void backToMenu(),
      onExportSave: () => downloadText(`${base}-save.json`, JSON.stringify(makeSave(session, new Date().toISOString())), 'application/json'),
      onExportResult: () => handIn(session),
    },
    onFinished: (finished) => void finish(finished),
  });
  current = screen;
  await ready;
  announce('');
}

async function backToMenu(): Promise<void> {
  if (current) {
    current.session.setSpeed(0);
    await autosave(current.session);
    current.close();
    current = undefined;
  }
  setScreen('menu');
  await refreshContinue();
}

async function finish(session: GameSession): Promise<void> {
  await autosave(session);
  current?.close();
  current = undefined;
  // A game stopped by the time limit stays saved: the class link and Continue open it again, at its debrief.
  if (session.over) await slot.clear().catch(() => undefined);
  const { renderDebrief } = await import('./ui/debrief');
  setScreen('debrief');
  renderDebrief(debriefRoot, session, {
    onMenu: () => void backToMenu(),
    onExportResult: () => handIn(session),
  });
  debriefRoot.focus();
}

// ---- Start --------------------------------------------------------------------------

/** Read-only hooks for end-to-end tests and the benchmark; they change nothing. */
declare global {
  interface Window {
    __lifeline?: { hash(): string | null; day(): number | null; ready: boolean };
    __ready?: number;
  }
}
window.__lifeline = {
  hash: () => current?.session.hash ?? null,
  day: () => (current ? Math.floor(current.session.state.hour / 24) + 1 : null),
  ready: false,
};

/** Browsers allow sound only after a gesture; nothing loads or plays before the first one. */
function unlockAudioOnFirstGesture(): void {
  const unlock = (): void => {
    document.removeEventListener('pointerdown', unlock);
    document.removeEventListener('keydown', unlock);
    void ensureAudio().then((a) => a.unlock());
  };
  document.addEventListener('pointerdown', unlock);
  document.addEventListener('keydown', unlock);
}

async function boot(): Promise<void> {
  if (!LANGS.includes(settings.lang)) settings = { ...settings, lang: 'en' };
  // A scenario link goes straight to the game: start fetching it before anything else, and
  // do not make it wait for the menu's level list or the save storage.
  const query = new URLSearchParams(window.location.search);
  const linked = query.has('level') || query.has('s');
  if (linked) void preloadGame();
  // The linked level is fetched as soon as the shipped list names it: an id it does not name is never asked for.
  const linkedLevel = query.get('level');
  if (linkedLevel) {
    void listLevels().then(
      (index) => {
        if (!index.levels.some((l) => l.id === linkedLevel)) return;
        void loadLevel(linkedLevel);
        void preloadGame().prepare.then(({ fetchMapData }) => fetchMapData(linkedLevel));
      },
      () => undefined,
    );
  }
  unlockAudioOnFirstGesture();
  setScreen('menu');
  wireMenu();
  translatePage();
  const levelsReady = listLevels().then(
    (index) => {
      LEVELS = index.levels;
      LINKABLE = linkableIds(index);
      showLevelProblems(index.problems);
      translatePage();
    },
    (e: unknown) => showMessage(t('menu.loadFailed', { reason: e instanceof LevelListError ? e.reason : e instanceof Error ? e.message : String(e) })),
  );
  slotReady = openSaveSlot().then(async (opened) => {
    // A save that cannot be stored mid-game (storage full or revoked) stays in memory, and the player is told.
    slot = guardSlot(opened, (problem) => showNotice(t(problem === 'full' ? 'menu.storageFull' : 'menu.storageUnavailable'), t('menu.close')));
    if (!slot.persistent) showMessage(t('menu.storageUnavailable'));
    await refreshContinue();
  });
  await levelsReady;
  const draft = query.get('draft') === '1';
  if (draft) {
    await slotReady;
    await startDraftGame();
    window.__lifeline!.ready = true;
    return;
  }
  const link = parseShareLink(window.location.search, LINKABLE);
  // While the menu waits for a choice, load the game in the background, from the player's first
  // touch or key. Not at idle: evaluating Phaser blocks a phone's main thread for a few hundred ms
  // (Lighthouse mobile performance fell from 96 to 88–92), and the service worker fetches the files.
  if (link.kind !== 'ok') for (const type of ['pointerdown', 'keydown', 'focusin'] as const) document.addEventListener(type, () => void preloadGame(), { once: true, passive: true });
  if (link.kind === 'error') showMessage(t('menu.badLink', { reason: link.reason }));
  if (link.kind === 'ok') {
    // The class plays in the language the instructor chose, for this visit.
    if (link.link.lang && link.link.lang !== settings.lang) {
      settings = { ...settings, lang: link.link.lang };
      translatePage();
    }
    await openClassLink(link.link);
  } else await slotReady;
  window.__lifeline!.ready = true;
  registerServiceWorker();
}

/**
 * Designers, in `npm start`: every level file that does not load, with its problems as
 * `npm run levels:check` prints them, over the menu or the game until it is fixed. Saving a
 * level file reloads the scenario being played (same seed and settings).
 */
function showLevelProblems(files: readonly LevelFileProblems[]): void {
  document.getElementById('level-problems')?.remove();
  if (files.length === 0) return;
  const box = document.createElement('div');
  box.id = 'level-problems';
  box.setAttribute('role', 'alert');
  for (const { file, problems } of files) {
    const title = document.createElement('h2');
    title.textContent = t(problems.length === 1 ? 'menu.dev.oneProblem' : 'menu.dev.problems', { file, n: problems.length });
    const list = document.createElement('ul');
    for (const problem of problems) {
      const item = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = problem;
      item.append(code);
      list.append(item);
    }
    box.append(title, list);
  }
  const hint = document.createElement('p');
  hint.textContent = t('menu.dev.fixAndSave');
  // Until the next change to a level file: the designer may want the other levels meanwhile.
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = t('menu.close');
  close.addEventListener('click', () => box.remove());
  box.append(hint, close);
  document.body.append(box);
}

onLevelFilesChanged((index, changedId) => {
  LEVELS = index.levels;
  LINKABLE = linkableIds(index);
  renderLevelList();
  showLevelProblems(index.problems);
  const playing = current?.session;
  if (playing && playing.ctx.level.id === changedId && LEVELS.some((l) => l.id === changedId)) {
    void startNewGame(changedId, playing.state.seed, playing.state.difficulty, {
      level: changedId,
      seed: playing.state.seed,
      difficulty: playing.state.difficulty,
      settings: playing.settings,
    });
  }
});

void boot();
