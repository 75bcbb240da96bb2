/**
 * A page for looking at the map on its own (npx vite, then /test/scenes/map-harness.html).
 * It plays some hours with the scripted baseline coordinator, then mounts the map.
 * Query: ?level=bamako-2025|tutorial &seed=N &days=N &hours=N &lang=en|fr &reduced=1 &speed=0|1|2|4
 *        &convoys=N (form N one-tanker convoys: the frame-time stress case; `level=tutorial&convoys=30`
 *        puts 30 on the road at once)
 *        &select=road:<id>|town:<id>|entry:<id>|convoy:first|unit:<id> &empty=1 (a bare Phaser scene, for comparison)
 * window.__map, window.__session and window.__selection are there for scripted checks;
 * window.__frames(ms) measures frame intervals.
 */
import { playerView } from '../../src/ai/coordinator';
import * as Phaser from 'phaser';
import { baseline } from '../../src/ai/players';
import { setLang, type Lang } from '../../src/app/i18n';
import { SelectionBus, type MapSelection } from '../../src/app/selection';
import { GameSession } from '../../src/app/session';
import { level as levelSchema } from '../../src/levels/schema';
import { buildContext } from '../../src/sim/context';
import type { EntryId, PlayerAction, RoadId } from '../../src/sim/state';
import { mountMap, type MapHandle } from '../../src/scenes';

const params = new URLSearchParams(location.search);
setLang((params.get('lang') ?? 'en') as Lang);
const levelId = params.get('level') === 'tutorial' ? 'tutorial' : 'bamako-2025';
// Fetched rather than imported: the dev server's level plugin serves levels/ as data.
const ctx = buildContext(levelSchema.parse(await (await fetch(`levels/${levelId}.json`)).json()));
const session = GameSession.start(ctx, Number(params.get('seed') ?? 1), 'normal');
const untilHour = Number(params.get('days') ?? 0) * 24 + Number(params.get('hours') ?? 0);
const stress = Number(params.get('convoys') ?? 0);

while (session.state.hour < untilHour && !session.over) {
  if (stress === 0) for (const action of baseline(playerView(session.state), ctx)) session.dispatch(action);
  session.advanceHours(1);
}

/**
 * Many small convoys on the road at once, a few formed each hour so that they spread along
 * the routes (the tutorial level's hauliers offer enough tankers for 30 in a morning).
 */
function formStressConvoys(count: number): void {
  let formed = 0;
  while (formed < count && session.state.hour < 24 * 4) {
    // The entry point with the most tankers on offer: the far border, so they stay on the road longest.
    const open = session.state.entries.filter((e) => e.open && e.offered > 0).sort((a, b) => b.offered - a.offered);
    for (let i = 0; i < 4 && formed < count && open.length > 0; i++) {
      const entry = open[0]!;
      if (entry.offered < 1) break;
      const routes = ctx.routes.get(entry.id) ?? [];
      const route = routes[formed % Math.max(1, routes.length)];
      if (!route) break;
      const action: PlayerAction = { type: 'convoy/form', entry: entry.id as EntryId, tankers: 1, route: route as RoadId[], departAt: session.state.hour, escort: [] };
      if (session.dispatch(action) === null) formed++;
      else break;
    }
    session.advanceHours(1);
  }
}

if (stress > 0) formStressConvoys(stress);

const selection = new SelectionBus();
const parent = document.getElementById('map')!;
const status = document.getElementById('status')!;

function parseSelection(text: string | null): MapSelection | null {
  if (!text) return null;
  const [kind, id = ''] = text.split(':');
  if (kind === 'convoy') {
    const convoy = id === 'first' ? session.state.convoys.find((c) => c.status === 'moving') ?? session.state.convoys[0] : session.state.convoys.find((c) => c.id === Number(id));
    return convoy ? { kind: 'convoy', id: convoy.id } : null;
  }
  if (kind === 'town' || kind === 'road' || kind === 'entry' || kind === 'unit') return { kind, id };
  return null;
}

async function mountEmpty(): Promise<{ destroy(): void }> {
  const ratio = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
  const rect = parent.getBoundingClientRect();
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: params.get('transparent') === '1' ? 'rgba(0,0,0,0)' : 0x111b22,
    transparent: params.get('transparent') === '1',
    scale: { mode: Phaser.Scale.NONE, width: rect.width * ratio, height: rect.height * ratio, zoom: 1 / ratio },
    input: { keyboard: false },
    audio: { noAudio: true },
    banner: false,
    scene: { create() {} },
  });
  return { destroy: () => game.destroy(true) };
}

let map: MapHandle | { destroy(): void };
if (params.get('empty') === '1') map = await mountEmpty();
else {
  map = await mountMap(session, parent, { selection, reducedMotion: params.get('reduced') === '1' });
  selection.set(parseSelection(params.get('select')));
}
parent.querySelector('canvas')?.addEventListener('webglcontextlost', () => console.error('WebGL context lost'));
selection.subscribe((s) => (status.textContent = s ? `selected ${s.kind} ${s.id}` : ''));

const speed = Number(params.get('speed') ?? 0) as 0 | 1 | 2 | 4;
session.setSpeed(speed);
let last = performance.now();
const loop = (now: number): void => {
  session.update(now - last);
  last = now;
  requestAnimationFrame(loop);
};
requestAnimationFrame(loop);

/** Frame intervals over `ms` milliseconds: mean, p50, p95, in ms. */
function frames(ms: number): Promise<{ count: number; mean: number; p50: number; p95: number }> {
  return new Promise((resolve) => {
    const deltas: number[] = [];
    let previous = performance.now();
    const end = previous + ms;
    const tick = (now: number): void => {
      deltas.push(now - previous);
      previous = now;
      if (now < end) requestAnimationFrame(tick);
      else {
        deltas.sort((a, b) => a - b);
        const at = (q: number): number => deltas[Math.min(deltas.length - 1, Math.floor(q * deltas.length))] ?? 0;
        resolve({ count: deltas.length, mean: deltas.reduce((s, d) => s + d, 0) / deltas.length, p50: at(0.5), p95: at(0.95) });
      }
    };
    requestAnimationFrame(tick);
  });
}

Object.assign(window, { __map: map, __session: session, __selection: selection, __frames: frames, __ready: true });
