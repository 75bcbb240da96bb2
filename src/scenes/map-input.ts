/**
 * Pointer, touch and keyboard on the map: drag to pan, wheel or pinch to zoom, tap to select;
 * with the canvas focused, arrow keys pan, + and − zoom, 0 frames the level again, Escape
 * clears the selection and L shows or hides the legend. Everything here moves the camera or
 * sets the shared selection; nothing changes the game.
 */
import * as Phaser from 'phaser';
import type { MapSelection, SelectionBus } from '../app/selection';
import { zoomAt, type Point, type View } from './projection';
import { ZOOM } from './style';

/** What input needs from the scene. */
export interface InputHost {
  scene: Phaser.Scene;
  canvas: HTMLCanvasElement;
  selection: SelectionBus;
  /** Canvas pixels per CSS pixel. */
  pixelRatio: number;
  view(): View;
  /** The player moved the view (drag, pinch). */
  moveView(view: View): void;
  zoomBy(factor: number, sx?: number, sy?: number): void;
  panBy(dxCss: number, dyCss: number): void;
  resetView(): void;
  /** What is under a canvas point. */
  pick(sx: number, sy: number): MapSelection | null;
  onLegendKey?: () => void;
}

/** A press moving less than this (CSS px) is a tap, not a drag. */
const TAP_SLOP = 6;

/** Listen to the map's input; returns a function that stops listening to the keyboard (Phaser's own listeners go with the game). */
export function attachMapInput(host: InputHost): () => void {
  const { scene, canvas, selection, pixelRatio: u } = host;
  const input = scene.input;
  input.addPointer(1);
  canvas.style.touchAction = 'none';
  canvas.style.cursor = 'grab';
  let drag: { x: number; y: number; scrollX: number; scrollY: number; moved: boolean } | null = null;
  let pinch: { distance: number; zoom: number; mid: Point } | null = null;

  const touches = (): Phaser.Input.Pointer[] => input.manager.pointers.filter((p) => p.isDown && p.wasTouch);
  const startPinch = ([a, b]: Phaser.Input.Pointer[]): void => {
    if (!a || !b) return;
    pinch = { distance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)), zoom: host.view().zoom, mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
  };
  const movePinch = ([a, b]: Phaser.Input.Pointer[]): void => {
    if (!pinch || !a || !b) return;
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    const distance = Math.max(1, Math.hypot(a.x - b.x, a.y - b.y));
    // Zoom about the fingers' midpoint, and follow the midpoint as it moves.
    let view = zoomAt(host.view(), pinch.zoom * (distance / pinch.distance), pinch.mid.x, pinch.mid.y);
    view = { ...view, scrollX: view.scrollX - (mid.x - pinch.mid.x) / view.zoom, scrollY: view.scrollY - (mid.y - pinch.mid.y) / view.zoom };
    host.moveView(view);
    pinch = { distance, zoom: host.view().zoom, mid };
  };

  input.on(Phaser.Input.Events.POINTER_DOWN, (pointer: Phaser.Input.Pointer) => {
    // Phaser prevents the default of mouse presses, so the canvas would not take focus by itself.
    canvas.focus({ preventScroll: true });
    const down = touches();
    if (down.length >= 2) {
      startPinch(down);
      drag = null;
      return;
    }
    const view = host.view();
    drag = { x: pointer.x, y: pointer.y, scrollX: view.scrollX, scrollY: view.scrollY, moved: false };
  });

  input.on(Phaser.Input.Events.POINTER_MOVE, (pointer: Phaser.Input.Pointer) => {
    const down = touches();
    if (pinch && down.length >= 2) {
      movePinch(down);
      return;
    }
    if (drag && pointer.isDown) {
      const dx = pointer.x - drag.x;
      const dy = pointer.y - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) > TAP_SLOP * u) drag.moved = true;
      if (drag.moved) {
        canvas.style.cursor = 'grabbing';
        const zoom = host.view().zoom;
        host.moveView({ ...host.view(), scrollX: drag.scrollX - dx / zoom, scrollY: drag.scrollY - dy / zoom });
      }
      return;
    }
    canvas.style.cursor = host.pick(pointer.x, pointer.y) ? 'pointer' : 'grab';
  });

  input.on(Phaser.Input.Events.POINTER_UP, (pointer: Phaser.Input.Pointer) => {
    if (pinch) {
      if (touches().length < 2) pinch = null;
      drag = null;
      return;
    }
    const tap = drag !== null && !drag.moved;
    drag = null;
    canvas.style.cursor = 'grab';
    if (tap) selection.set(host.pick(pointer.x, pointer.y));
  });
  input.on(Phaser.Input.Events.POINTER_UP_OUTSIDE, () => {
    drag = null;
    pinch = null;
  });

  input.on(Phaser.Input.Events.POINTER_WHEEL, (pointer: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number) => {
    // Mouse wheels step by ~100, trackpads by a few: both zoom in proportion.
    host.zoomBy(Math.exp(-Math.max(-300, Math.min(300, dy)) * 0.0015), pointer.x, pointer.y);
  });

  const onKey = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const step = event.shiftKey ? 240 : 80;
    switch (event.key) {
      case 'ArrowLeft':
        host.panBy(-step, 0);
        break;
      case 'ArrowRight':
        host.panBy(step, 0);
        break;
      case 'ArrowUp':
        host.panBy(0, -step);
        break;
      case 'ArrowDown':
        host.panBy(0, step);
        break;
      case '+':
      case '=':
        host.zoomBy(ZOOM.step);
        break;
      case '-':
      case '_':
        host.zoomBy(1 / ZOOM.step);
        break;
      case '0':
        host.resetView();
        break;
      case 'Escape':
        // Let Escape reach the page (e.g. to close a dialog) when there is nothing to clear.
        if (!selection.value) return;
        selection.set(null);
        break;
      case 'l':
      case 'L':
        if (!host.onLegendKey) return;
        host.onLegendKey();
        break;
      default:
        return;
    }
    event.preventDefault();
  };
  canvas.addEventListener('keydown', onKey);
  return () => canvas.removeEventListener('keydown', onKey);
}
