/**
 * A page for looking at the HUD, the tutorial and the debrief without the map: it plays a
 * few days with the scripted baseline coordinator, then mounts the interface.
 * Query: ?level=bamako-2025|tutorial &days=N &lang=en|fr &view=hud|debrief &tab=city|convoys|…
 *        &select=road:<id>|town:<id>|entry:<id>|convoy:first|unit:<id> &tutorial=1 &seed=N
 */
import { playerView } from '../../src/ai/coordinator';
import { setLang, type Lang } from '../../src/app/i18n';
import { SelectionBus, type MapSelection } from '../../src/app/selection';
import { GameSession } from '../../src/app/session';
import { baseline } from '../../src/ai/players';
import { level as levelSchema } from '../../src/levels/schema';
import { buildContext } from '../../src/sim/context';
import { renderDebrief } from '../../src/ui/debrief';
import { mountHud } from '../../src/ui/hud';
import type { TabId } from '../../src/ui/hud/hud';
import { startTutorial } from '../../src/ui/tutorial';

const params = new URLSearchParams(location.search);
const lang = (params.get('lang') ?? 'en') as Lang;
setLang(lang);
const levelId = params.get('level') ?? 'bamako-2025';
// Fetched as data (the game loads its levels the same way), not bundled as modules.
const response = await fetch(`/levels/${encodeURIComponent(levelId)}.json`);
const ctx = buildContext(levelSchema.parse(await response.json()));
const session = GameSession.start(ctx, Number(params.get('seed') ?? 1), 'normal');
const days = Number(params.get('days') ?? 0);
const play = params.get('play') !== '0';
const announcer = document.getElementById('announcer')!;
const announce = (text: string): void => {
  announcer.textContent = text;
  (window as unknown as { __announced: string[] }).__announced.push(text);
};
(window as unknown as { __announced: string[] }).__announced = [];

const untilHour = params.get('view') === 'debrief' ? ctx.level.days * 24 + 24 : days * 24 + Number(params.get('hours') ?? 6);
while (session.state.hour < untilHour && !session.over) {
  if (play) for (const action of baseline(playerView(session.state), ctx)) session.dispatch(action);
  session.advanceHours(1);
}

const selection = new SelectionBus();
(window as unknown as { __session: GameSession }).__session = session;

if (params.get('view') === 'debrief') {
  document.body.dataset.screen = 'debrief';
  document.getElementById('game')!.hidden = true;
  const root = document.getElementById('debrief')!;
  root.hidden = false;
  renderDebrief(root, session, { onMenu: () => announce('menu'), onExportResult: () => announce('export'), onPrint: () => window.print() });
} else {
  const hudRoot = document.getElementById('hud')!;
  const hud = mountHud(session, hudRoot, {
    selection,
    announce,
    onMenu: () => announce('menu'),
    onExportSave: () => announce('save'),
    onExportResult: () => announce('result'),
  });
  if (params.get('tutorial') === '1') startTutorial(session, hudRoot, { announce });
  const tab = params.get('tab') as TabId | null;
  if (tab) (document.querySelector(`#hud-tab-${tab}`) as HTMLButtonElement | null)?.click();
  const select = params.get('select');
  if (select) {
    const [kind, id] = select.split(':') as [MapSelection['kind'], string];
    if (kind === 'convoy') {
      const convoy = session.state.convoys[0];
      if (convoy) selection.set({ kind: 'convoy', id: convoy.id });
    } else selection.set({ kind, id } as MapSelection);
  }
  let last = performance.now();
  const loop = (now: number): void => {
    session.update(now - last);
    last = now;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  (window as unknown as { __hud: typeof hud }).__hud = hud;
}
