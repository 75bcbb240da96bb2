/**
 * The map's markers, drawn once with Canvas 2D into textures at the device's resolution, so
 * that the scene draws images (batched, cheap) rather than replaying vector paths every
 * frame, and HTML over the map can show the very same pictures. Each texture
 * is `scale` texture pixels per CSS pixel; images using them are shown at 1/scale.
 * Shapes carry meaning on their own (star, circle, square, crossed square, diamond, shield,
 * triangle, bar): colour is never the only cue.
 */
import type * as Phaser from 'phaser';
import { COLORS, SIZES } from './style';

export const ICON = {
  capital: 'icon-capital',
  city: 'icon-city',
  rural: 'icon-rural',
  fallen: 'icon-fallen',
  entryOpen: 'icon-entry-open',
  entryClosed: 'icon-entry-closed',
  shield: 'icon-shield',
  shieldArriving: 'icon-shield-arriving',
  ambush: 'icon-intel-ambush',
  checkpoint: 'icon-intel-checkpoint',
  cell: 'icon-intel-cell',
  convoyMoving: 'icon-convoy-moving',
  convoyWaiting: 'icon-convoy-waiting',
  convoyHeld: 'icon-convoy-held',
  convoyHalted: 'icon-convoy-halted',
  convoyDot: 'icon-convoy-dot',
  arrow: 'icon-arrow',
  badgeHeld: 'icon-badge-held',
  badgeHalted: 'icon-badge-halted',
  badgeReturning: 'icon-badge-returning',
  ring: 'icon-ring',
} as const;

export type IconKey = (typeof ICON)[keyof typeof ICON];

/** Convoy pill size in CSS pixels. */
export const PILL = { width: 30, height: 17 } as const;

interface Point {
  x: number;
  y: number;
}

const rgba = (color: number, alpha: number): string => `rgba(${(color >> 16) & 255}, ${(color >> 8) & 255}, ${color & 255}, ${alpha})`;

/** The few drawing calls the markers need, in the words of Phaser's Graphics, on a 2D canvas. */
class Pen {
  constructor(private readonly g: CanvasRenderingContext2D) {}

  fillStyle(color: number, alpha = 1): void {
    this.g.fillStyle = rgba(color, alpha);
  }

  lineStyle(width: number, color: number, alpha = 1): void {
    this.g.lineWidth = width;
    this.g.strokeStyle = rgba(color, alpha);
  }

  beginPath(): void {
    this.g.beginPath();
  }

  arc(x: number, y: number, radius: number, start: number, end: number, anticlockwise = false): void {
    this.g.arc(x, y, radius, start, end, anticlockwise);
  }

  strokePath(): void {
    this.g.stroke();
  }

  fillCircle(x: number, y: number, radius: number): void {
    this.g.beginPath();
    this.g.arc(x, y, radius, 0, Math.PI * 2);
    this.g.fill();
  }

  strokeCircle(x: number, y: number, radius: number): void {
    this.g.beginPath();
    this.g.arc(x, y, radius, 0, Math.PI * 2);
    this.g.stroke();
  }

  fillRect(x: number, y: number, width: number, height: number): void {
    this.g.fillRect(x, y, width, height);
  }

  strokeRect(x: number, y: number, width: number, height: number): void {
    this.g.strokeRect(x, y, width, height);
  }

  fillRoundedRect(x: number, y: number, width: number, height: number, radius: number): void {
    this.roundedRect(x, y, width, height, radius);
    this.g.fill();
  }

  strokeRoundedRect(x: number, y: number, width: number, height: number, radius: number): void {
    this.roundedRect(x, y, width, height, radius);
    this.g.stroke();
  }

  fillPoints(points: readonly Point[], closeShape = false): void {
    this.polygon(points, closeShape);
    this.g.fill();
  }

  strokePoints(points: readonly Point[], closeShape = false, closePath = false): void {
    this.polygon(points, closeShape || closePath);
    this.g.stroke();
  }

  lineBetween(x1: number, y1: number, x2: number, y2: number): void {
    this.g.beginPath();
    this.g.moveTo(x1, y1);
    this.g.lineTo(x2, y2);
    this.g.stroke();
  }

  private polygon(points: readonly Point[], close: boolean): void {
    this.g.beginPath();
    points.forEach((p, i) => (i === 0 ? this.g.moveTo(p.x, p.y) : this.g.lineTo(p.x, p.y)));
    if (close) this.g.closePath();
  }

  private roundedRect(x: number, y: number, width: number, height: number, radius: number): void {
    const r = Math.min(radius, width / 2, height / 2);
    this.g.beginPath();
    this.g.moveTo(x + r, y);
    this.g.arcTo(x + width, y, x + width, y + height, r);
    this.g.arcTo(x + width, y + height, x, y + height, r);
    this.g.arcTo(x, y + height, x, y, r);
    this.g.arcTo(x, y, x + width, y, r);
    this.g.closePath();
  }
}

type Draw = (g: Pen, s: number) => void;

function make(scene: Phaser.Scene, key: string, width: number, height: number, scale: number, draw: Draw): void {
  if (scene.textures.exists(key)) scene.textures.remove(key);
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const g = canvas.getContext('2d');
  if (!g) return;
  draw(new Pen(g), scale);
  scene.textures.addCanvas(key, canvas);
}

function starPoints(cx: number, cy: number, outer: number, inner: number, points = 5): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < points * 2; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / points;
    out.push({ x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) });
  }
  return out;
}

function shieldPoints(cx: number, cy: number, w: number, h: number): Point[] {
  const top = cy - h / 2;
  return [
    { x: cx - w / 2, y: top },
    { x: cx + w / 2, y: top },
    { x: cx + w / 2, y: top + h * 0.45 },
    { x: cx + w * 0.3, y: top + h * 0.78 },
    { x: cx, y: top + h },
    { x: cx - w * 0.3, y: top + h * 0.78 },
    { x: cx - w / 2, y: top + h * 0.45 },
  ];
}

function pill(g: Pen, s: number, fill: number, stroke: number, strokeWidth: number, hollow = false): void {
  const w = PILL.width * s;
  const h = PILL.height * s;
  const pad = 1.5 * s;
  g.fillStyle(COLORS.casing, hollow ? 0.85 : 1);
  g.fillRoundedRect(pad, pad, w - 2 * pad, h - 2 * pad, (h - 2 * pad) / 2);
  if (!hollow) {
    g.fillStyle(fill, 1);
    g.fillRoundedRect(pad, pad, w - 2 * pad, h - 2 * pad, (h - 2 * pad) / 2);
  }
  g.lineStyle(strokeWidth * s, stroke, 1);
  g.strokeRoundedRect(pad, pad, w - 2 * pad, h - 2 * pad, (h - 2 * pad) / 2);
}

/** Create every marker texture for this device pixel ratio. */
export function createIcons(scene: Phaser.Scene, scale: number): void {
  const dark = COLORS.casing;
  const cream = COLORS.townFill;

  make(scene, ICON.capital, 26, 26, scale, (g, s) => {
    const points = starPoints(13 * s, 13.5 * s, SIZES.capital * s, SIZES.capital * 0.45 * s);
    g.fillStyle(cream, 1);
    g.fillPoints(points, true);
    g.lineStyle(2 * s, dark, 1);
    g.strokePoints(points, true, true);
  });

  make(scene, ICON.city, 16, 16, scale, (g, s) => {
    g.fillStyle(cream, 1);
    g.fillCircle(8 * s, 8 * s, SIZES.city * s);
    g.lineStyle(2 * s, dark, 1);
    g.strokeCircle(8 * s, 8 * s, SIZES.city * s);
  });

  make(scene, ICON.rural, 14, 14, scale, (g, s) => {
    const r = SIZES.rural * s;
    g.fillStyle(0xd9cfb8, 1);
    g.fillRect(7 * s - r, 7 * s - r, 2 * r, 2 * r);
    g.lineStyle(2 * s, dark, 1);
    g.strokeRect(7 * s - r, 7 * s - r, 2 * r, 2 * r);
  });

  // A fallen town: a larger crossed square in vermillion.
  make(scene, ICON.fallen, 16, 16, scale, (g, s) => {
    const r = (SIZES.rural + 1) * s;
    const c = 8 * s;
    g.fillStyle(COLORS.fallen, 1);
    g.fillRect(c - r, c - r, 2 * r, 2 * r);
    g.lineStyle(2 * s, dark, 1);
    g.strokeRect(c - r, c - r, 2 * r, 2 * r);
    g.lineStyle(2.2 * s, dark, 1);
    g.lineBetween(c - r * 0.6, c - r * 0.6, c + r * 0.6, c + r * 0.6);
    g.lineBetween(c - r * 0.6, c + r * 0.6, c + r * 0.6, c - r * 0.6);
  });

  const diamond = (c: number, r: number): Point[] => [
    { x: c, y: c - r },
    { x: c + r, y: c },
    { x: c, y: c + r },
    { x: c - r, y: c },
  ];
  make(scene, ICON.entryOpen, 20, 20, scale, (g, s) => {
    const points = diamond(10 * s, (SIZES.entry + 1) * s);
    g.fillStyle(cream, 1);
    g.fillPoints(points, true);
    g.lineStyle(2 * s, dark, 1);
    g.strokePoints(points, true, true);
    g.fillStyle(dark, 1);
    g.fillCircle(10 * s, 10 * s, 2.2 * s);
  });
  // Closed: hollow, with a bar across like a no-entry sign.
  make(scene, ICON.entryClosed, 20, 20, scale, (g, s) => {
    const points = diamond(10 * s, (SIZES.entry + 1) * s);
    g.fillStyle(dark, 1);
    g.fillPoints(points, true);
    g.lineStyle(2 * s, cream, 1);
    g.strokePoints(points, true, true);
    g.lineBetween(6 * s, 10 * s, 14 * s, 10 * s);
  });

  make(scene, ICON.shield, 14, 16, scale, (g, s) => {
    const points = shieldPoints(7 * s, 8 * s, 11 * s, 13.5 * s);
    g.fillStyle(COLORS.unit, 1);
    g.fillPoints(points, true);
    g.lineStyle(1.6 * s, cream, 1);
    g.strokePoints(points, true, true);
  });
  // A unit still on its way: the same shield, hollow.
  make(scene, ICON.shieldArriving, 14, 16, scale, (g, s) => {
    const points = shieldPoints(7 * s, 8 * s, 11 * s, 13.5 * s);
    g.fillStyle(dark, 0.85);
    g.fillPoints(points, true);
    g.lineStyle(1.8 * s, COLORS.unitLight, 1);
    g.strokePoints(points, true, true);
  });

  // Intelligence: a warning triangle (ambush), a road barrier (checkpoint), a circle of dots (armed men seen).
  make(scene, ICON.ambush, 20, 18, scale, (g, s) => {
    const points = [{ x: 10 * s, y: 1.5 * s }, { x: 18.5 * s, y: 16.5 * s }, { x: 1.5 * s, y: 16.5 * s }];
    g.fillStyle(COLORS.intel, 1);
    g.fillPoints(points, true);
    g.lineStyle(1.6 * s, dark, 1);
    g.strokePoints(points, true, true);
    g.fillStyle(dark, 1);
    g.fillRect(9 * s, 6.5 * s, 2 * s, 5.5 * s);
    g.fillRect(9 * s, 13 * s, 2 * s, 2 * s);
  });
  make(scene, ICON.checkpoint, 22, 14, scale, (g, s) => {
    g.fillStyle(COLORS.intel, 1);
    g.fillRect(1.5 * s, 3 * s, 19 * s, 8 * s);
    g.fillStyle(dark, 1);
    for (let i = 0; i < 3; i++) g.fillRect((5 + i * 5.5) * s, 3 * s, 2.5 * s, 8 * s);
    g.lineStyle(1.6 * s, dark, 1);
    g.strokeRect(1.5 * s, 3 * s, 19 * s, 8 * s);
  });
  make(scene, ICON.cell, 20, 20, scale, (g, s) => {
    g.fillStyle(COLORS.intel, 1);
    g.fillCircle(10 * s, 10 * s, 8.5 * s);
    g.lineStyle(1.6 * s, dark, 1);
    g.strokeCircle(10 * s, 10 * s, 8.5 * s);
    // An eye: armed men were seen here.
    g.lineStyle(1.6 * s, dark, 1);
    g.beginPath();
    g.arc(10 * s, 15.5 * s, 7.6 * s, Math.PI * 1.22, Math.PI * 1.78, false);
    g.strokePath();
    g.beginPath();
    g.arc(10 * s, 4.5 * s, 7.6 * s, Math.PI * 0.22, Math.PI * 0.78, false);
    g.strokePath();
    g.fillStyle(dark, 1);
    g.fillCircle(10 * s, 10 * s, 2.3 * s);
  });

  make(scene, ICON.convoyMoving, PILL.width, PILL.height, scale, (g, s) => pill(g, s, COLORS.convoyFill, dark, 1.5));
  make(scene, ICON.convoyWaiting, PILL.width, PILL.height, scale, (g, s) => pill(g, s, COLORS.convoyFill, cream, 1.6, true));
  make(scene, ICON.convoyHeld, PILL.width, PILL.height, scale, (g, s) => pill(g, s, COLORS.convoyHeld, dark, 1.5));
  make(scene, ICON.convoyHalted, PILL.width, PILL.height, scale, (g, s) => pill(g, s, COLORS.convoyHalted, dark, 1.5));
  make(scene, ICON.convoyDot, 10, 10, scale, (g, s) => {
    g.fillStyle(cream, 1);
    g.fillCircle(5 * s, 5 * s, 3.2 * s);
    g.lineStyle(1.6 * s, dark, 1);
    g.strokeCircle(5 * s, 5 * s, 3.2 * s);
  });
  make(scene, ICON.arrow, 12, 12, scale, (g, s) => {
    const points = [{ x: 11 * s, y: 6 * s }, { x: 2 * s, y: 1.5 * s }, { x: 4.5 * s, y: 6 * s }, { x: 2 * s, y: 10.5 * s }];
    g.fillStyle(cream, 1);
    g.fillPoints(points, true);
    g.lineStyle(1.3 * s, dark, 1);
    g.strokePoints(points, true, true);
  });

  // Status badges at the left end of a convoy pill: held (!), halted (pause), returning (U-turn).
  const badge = (g: Pen, s: number, fill: number): void => {
    g.fillStyle(fill, 1);
    g.fillCircle(8 * s, 8 * s, 6.8 * s);
    g.lineStyle(1.6 * s, dark, 1);
    g.strokeCircle(8 * s, 8 * s, 6.8 * s);
    g.fillStyle(dark, 1);
  };
  make(scene, ICON.badgeHeld, 16, 16, scale, (g, s) => {
    badge(g, s, COLORS.convoyHeld);
    g.fillRect(7 * s, 3.8 * s, 2 * s, 5.4 * s);
    g.fillRect(7 * s, 10.4 * s, 2 * s, 2 * s);
  });
  make(scene, ICON.badgeHalted, 16, 16, scale, (g, s) => {
    badge(g, s, COLORS.convoyHalted);
    g.fillRect(5 * s, 4.5 * s, 2.2 * s, 7 * s);
    g.fillRect(8.8 * s, 4.5 * s, 2.2 * s, 7 * s);
  });
  make(scene, ICON.badgeReturning, 16, 16, scale, (g, s) => {
    badge(g, s, cream);
    g.lineStyle(1.8 * s, dark, 1);
    g.beginPath();
    g.arc(8 * s, 8 * s, 3.6 * s, Math.PI * 0.9, Math.PI * 2.25, false);
    g.strokePath();
    g.fillPoints([{ x: 2.6 * s, y: 6.2 * s }, { x: 6.6 * s, y: 6.6 * s }, { x: 4.2 * s, y: 10 * s }], true);
  });

  make(scene, ICON.ring, 40, 40, scale, (g, s) => {
    g.lineStyle(5 * s, dark, 0.9);
    g.strokeCircle(20 * s, 20 * s, 15 * s);
    g.lineStyle(2.5 * s, COLORS.selection, 1);
    g.strokeCircle(20 * s, 20 * s, 15 * s);
  });
}
