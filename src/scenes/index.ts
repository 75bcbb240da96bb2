/**
 * The map, mounted into a page element. This module and everything under src/scenes is the
 * only code that imports Phaser; the app loads it lazily (`await import('./scenes')`) so the
 * menu is interactive before the Phaser chunk arrives.
 */
import * as Phaser from 'phaser';
import { t } from '../app/i18n';
import type { SelectionBus } from '../app/selection';
import type { GameSession } from '../app/session';
import { isSoftwareContext } from './gpu';
import { createLegend, hidesAMarker, type Legend } from './legend';
import type { Insets } from './camera';
import { MapScene } from './map-scene';
import { OnDemandGame } from './on-demand-game';
import { prepareMap, type PreparedMap } from './prepare';
import { COLORS, pagePalette } from './style';

export interface MapHandle {
  destroy(): void;
  /**
   * Fit the canvas to its parent again, and re-read the parent's `--map-inset-*` properties
   * (done automatically by a ResizeObserver when the parent's size changes; call it after
   * changing the insets, e.g. when a side panel opens or closes).
   */
  resize(): void;
  canvas: HTMLCanvasElement;
}

export interface MapOptions {
  selection: SelectionBus;
  reducedMotion: boolean;
  /** The map's layout, backdrop and atlas, if the page started making them while Phaser loaded (see prepare.ts). */
  prepared?: Promise<PreparedMap>;
}

/** A map that has not drawn after this long will not: the caller gets an error to show. */
const START_TIMEOUT_MS = 30_000;

/** Big enough for the legend to start open. */
const LEGEND_OPEN_MIN = { width: 1000, height: 600 };

/**
 * How much of the map the page's panels cover, from CSS custom properties on the map's parent:
 * `--map-inset-top`, `--map-inset-right`, `--map-inset-bottom`, `--map-inset-left`, in px
 * (e.g. `#map { --map-inset-top: 72px; --map-inset-right: 420px }`, with media queries for
 * phones). The default view frames the towns in the rest, and labels stay there.
 */
export function readInsets(parent: HTMLElement): Insets {
  const style = getComputedStyle(parent);
  const read = (side: string): number => {
    const value = Number.parseFloat(style.getPropertyValue(`--map-inset-${side}`));
    return Number.isFinite(value) && value > 0 ? value : 0;
  };
  return { top: read('top'), right: read('right'), bottom: read('bottom'), left: read('left') };
}

function parentSize(parent: HTMLElement): { width: number; height: number } {
  const rect = parent.getBoundingClientRect();
  // A hidden parent measures 0: start at a sensible size, the ResizeObserver corrects it.
  return { width: Math.round(rect.width) || 1280, height: Math.round(rect.height) || 720 };
}

export async function mountMap(session: GameSession, parent: HTMLElement, options: MapOptions): Promise<MapHandle> {
  const prepared = await (options.prepared ?? prepareMap(session));
  const pixelRatio = prepared.pixelRatio;
  const size = parentSize(parent);

  let legend: Legend | null = null;
  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  const palette = pagePalette(document.documentElement);
  const scene = new MapScene({
    session,
    selection: options.selection,
    reducedMotion: options.reducedMotion,
    prepared,
    onReady: () => ready(),
    onLegendKey: () => legend?.toggle(),
    palette,
  });

  const game = new OnDemandGame({
    type: Phaser.AUTO,
    parent,
    // Mali's colour, as the backdrop's (see backdrop.ts): seen only before it is drawn.
    backgroundColor: COLORS.mali,
    // The canvas has device pixels; CSS shows it at the parent's size (zoom = 1 / ratio).
    scale: { mode: Phaser.Scale.NONE, width: size.width * pixelRatio, height: size.height * pixelRatio, zoom: 1 / pixelRatio },
    // Textures only (the lines and shapes are on the backdrop): no multisampling needed. One
    // texture per batch: with several, software WebGL (SwiftShader) drew some text with another
    // texture's pixels (a corridor name vanished into the backdrop). The map draws rarely and
    // has few objects, so the extra draw calls cost little.
    render: { antialias: true, antialiasGL: false, powerPreference: 'default', maxTextures: 1 },
    input: { keyboard: false, gamepad: false, mouse: { preventDefaultWheel: true }, touch: true },
    audio: { noAudio: true },
    banner: false,
    disableContextMenu: true,
    scene,
  });

  game.wantsFrame = () => scene.wantsFrame();
  try {
    await withTimeout(started, START_TIMEOUT_MS);
    performance.mark('lifeline:map-scene-created');
  } catch (error) {
    game.destroy(true);
    throw error;
  }
  const gl = (game.renderer as Partial<Phaser.Renderer.WebGL.WebGLRenderer>).gl;
  if (!gl || isSoftwareContext(gl)) scene.glideFps = 20;

  const canvas = game.canvas;
  // Out of the flow, so that the canvas never props its parent open when the parent shrinks.
  if (getComputedStyle(parent).position === 'static') parent.style.position = 'relative';
  Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', width: `${size.width}px`, height: `${size.height}px` });
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', t('map.roledescription'));
  canvas.setAttribute('aria-label', t('map.aria'));
  canvas.style.display = 'block';
  canvas.style.outlineOffset = '-3px';

  legend = createLegend(parent, size.width >= LEGEND_OPEN_MIN.width && size.height >= LEGEND_OPEN_MIN.height, palette);

  let last = { width: 0, height: 0, insets: '' };
  const resize = (): void => {
    const rect = parent.getBoundingClientRect();
    const width = Math.round(rect.width);
    const height = Math.round(rect.height);
    const insets = readInsets(parent);
    const key = JSON.stringify(insets);
    if (width === 0 || height === 0 || (width === last.width && height === last.height && key === last.insets)) return;
    const sized = width !== last.width || height !== last.height;
    last = { width, height, insets: key };
    if (sized) {
      game.scale.resize(width * pixelRatio, height * pixelRatio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      game.scale.refresh();
    }
    legend?.place(insets);
    scene.resizeView(width * pixelRatio, height * pixelRatio, false, insets);
  };
  const observer = new ResizeObserver(() => resize());
  observer.observe(parent);
  resize();
  // A legend that starts open must not hide a town of the default view (a small level's map
  // fills the screen to its corners); the player can still open it.
  if (legend && !legend.element.querySelector<HTMLElement>('.map-legend-panel')?.hidden) {
    const box = legend.element.getBoundingClientRect();
    const origin = canvas.getBoundingClientRect();
    const local = { left: box.left - origin.left, top: box.top - origin.top, right: box.right - origin.left, bottom: box.bottom - origin.top };
    if (hidesAMarker(local, scene.townMarkers())) legend.close();
  }
  // Phaser maps pointers with the canvas position it measured last; the page may have moved
  // the map since (a panel opening above it). Measure again before Phaser sees each event.
  const remeasure = (): void => game.scale.updateBounds();
  const pointerEvents = ['pointerdown', 'pointermove', 'wheel', 'touchstart', 'mousedown'] as const;
  for (const type of pointerEvents) parent.addEventListener(type, remeasure, { capture: true, passive: true });

  let destroyed = false;
  return {
    canvas,
    resize,
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      observer.disconnect();
      for (const type of pointerEvents) parent.removeEventListener(type, remeasure, { capture: true });
      legend?.destroy();
      // Stop listening to the game and the selection now; Phaser tears down at its next frame.
      scene.detach();
      game.destroy(true);
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the map did not start within ${ms / 1000} s`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
