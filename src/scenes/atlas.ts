/**
 * Every marker and every fixed piece of text on the map (town names, their notes, corridor
 * names) drawn once with Canvas 2D into one picture: one texture for the GPU to take in, not
 * one per marker and per label. Where WebGL is software-rendered (school machines without a
 * usable GPU) each texture costs an upload and Phaser's bookkeeping; Phaser's text objects
 * also measure each font by drawing it and reading the pixels back. At start-up, the
 * sixty-odd small textures the map used to make were a large part of its time to the first frame.
 *
 * Frames are drawn at `scale` texture pixels per CSS pixel; images using them are shown at
 * 1/scale. The picture is drawn before Phaser runs (see prepare.ts), and every frame the map
 * may need during play is in it: nothing is drawn into it later.
 */
import type * as Phaser from 'phaser';
import { ICON_SHAPES, hexColour, type IconKey, type IconShape } from './icons';
import { FONT } from './style';

/** How a piece of text looks: CSS pixels, drawn with a dark outline so it reads on any ground. */
export interface TextLook {
  size: number;
  weight: 'normal' | 'bold';
  italic?: boolean;
  color: string;
  /** Outline colour and width in CSS pixels. */
  stroke: string;
  strokeWidth: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Where each of `sizes` goes: rows left to right, a new row when one is full (tallest first packs tighter). */
export function packShelves(sizes: readonly Size[], maxWidth: number, gap = 2): { positions: { x: number; y: number }[]; width: number; height: number } {
  const order = sizes.map((size, i) => ({ size, i })).sort((a, b) => b.size.height - a.size.height || a.i - b.i);
  const positions = new Array<{ x: number; y: number }>(sizes.length);
  let x = gap;
  let y = gap;
  let row = 0;
  let width = 0;
  for (const { size, i } of order) {
    if (size.width + 2 * gap > maxWidth) throw new RangeError(`an atlas frame of ${size.width} px does not fit in ${maxWidth} px`);
    if (x + size.width + gap > maxWidth) {
      x = gap;
      y += row + gap;
      row = 0;
    }
    positions[i] = { x, y };
    x += size.width + gap;
    row = Math.max(row, size.height);
    width = Math.max(width, x);
  }
  return { positions, width, height: y + row + gap };
}

interface Entry {
  key: string;
  /** CSS pixels. */
  size: Size;
  /** Texture pixels, with the frame's margin. */
  pixels: Size;
  draw(g: CanvasRenderingContext2D, scale: number): void;
}

/** Room around each frame (texture px), so that smooth sampling never picks up a neighbour's pixels. */
const GAP = 2;
const MAX_WIDTH = 2048;

export class MapAtlas {
  private readonly entries = new Map<string, Entry>();
  /** Where each entry was drawn, texture pixels (after `draw`). */
  private frames: { key: string; x: number; y: number; width: number; height: number }[] | null = null;
  private readonly canvas: HTMLCanvasElement;
  private readonly g: CanvasRenderingContext2D;

  constructor(
    /** Texture pixels per CSS pixel. */
    private readonly scale: number,
    /** The texture's key in the scene. */
    readonly key = 'map-atlas',
  ) {
    this.canvas = document.createElement('canvas');
    const g = this.canvas.getContext('2d');
    if (!g) throw new Error('this browser cannot draw the map (no 2D canvas)');
    this.g = g;
  }

  /** A marker, as frame `key`. */
  icon(key: IconKey): void {
    const shape = ICON_SHAPES[key];
    this.add(key, { width: shape.width, height: shape.height }, (g, scale) => {
      g.scale(scale, scale);
      drawShape(g, shape);
    });
  }

  /** A line of text, as frame `key`; its size in CSS pixels. The same key twice is drawn once. */
  text(key: string, text: string, look: TextLook): Size {
    const known = this.entries.get(key);
    if (known) return known.size;
    const g = this.g;
    g.font = font(look, 1);
    const metrics = g.measureText(text);
    // The font's own line box (not this text's ink), so that every label of a look is as tall.
    const ascent = metrics.fontBoundingBoxAscent || look.size * 0.93;
    const descent = metrics.fontBoundingBoxDescent || look.size * 0.27;
    const size = { width: Math.ceil(metrics.width + look.strokeWidth), height: Math.ceil(ascent + descent + look.strokeWidth) };
    this.add(key, size, (c, scale) => {
      c.font = font(look, scale);
      c.textBaseline = 'alphabetic';
      c.lineJoin = 'round';
      c.lineWidth = look.strokeWidth * scale;
      c.strokeStyle = look.stroke;
      c.fillStyle = look.color;
      const x = (look.strokeWidth / 2) * scale;
      const y = (look.strokeWidth / 2 + ascent) * scale;
      c.strokeText(text, x, y);
      c.fillText(text, x, y);
    });
    return size;
  }

  /** A frame's size in CSS pixels. */
  size(key: string): Size {
    return this.entries.get(key)?.size ?? { width: 0, height: 0 };
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Draw every frame into one picture (before Phaser is there: only Canvas 2D is needed). */
  draw(): void {
    const list = [...this.entries.values()];
    const packed = packShelves(
      list.map((e) => e.pixels),
      Math.min(MAX_WIDTH, Math.max(256, nextPowerOfTwo(Math.sqrt(list.reduce((area, e) => area + (e.pixels.width + GAP) * (e.pixels.height + GAP), 0)) * 1.3))),
      GAP,
    );
    const { canvas, g } = this;
    canvas.width = packed.width;
    canvas.height = packed.height;
    this.frames = list.map((entry, i) => {
      const at = packed.positions[i]!;
      g.save();
      g.beginPath();
      g.rect(at.x, at.y, entry.pixels.width, entry.pixels.height);
      g.clip();
      g.setTransform(1, 0, 0, 1, at.x, at.y);
      entry.draw(g, this.scale);
      g.restore();
      return { key: entry.key, x: at.x, y: at.y, ...entry.pixels };
    });
  }

  /** Give the picture to a scene as one texture, with a frame per entry. */
  register(textures: Phaser.Textures.TextureManager): Phaser.Textures.Texture {
    if (!this.frames) this.draw();
    if (textures.exists(this.key)) textures.remove(this.key);
    // A plain texture from the canvas: Phaser's CanvasTexture would read every pixel back first.
    const texture = textures.addImage(this.key, this.canvas as unknown as HTMLImageElement)!;
    for (const frame of this.frames ?? []) texture.add(frame.key, 0, frame.x, frame.y, frame.width, frame.height);
    return texture;
  }

  private add(key: string, size: Size, draw: Entry['draw']): void {
    if (this.entries.has(key)) return;
    if (this.frames) throw new Error(`the atlas is drawn already: "${key}" comes too late`);
    const pixels = { width: Math.ceil(size.width * this.scale), height: Math.ceil(size.height * this.scale) };
    this.entries.set(key, { key, size, pixels, draw });
  }
}

function font(look: TextLook, scale: number): string {
  return `${look.italic ? 'italic ' : ''}${look.weight} ${look.size * scale}px ${FONT}`;
}

const nextPowerOfTwo = (value: number): number => 2 ** Math.ceil(Math.log2(Math.max(1, value)));

const rgba = ({ color, alpha }: { color: number; alpha: number }): string => (alpha >= 1 ? hexColour(color) : `rgba(${(color >> 16) & 255}, ${(color >> 8) & 255}, ${color & 255}, ${alpha})`);

/** A marker's parts with Canvas 2D, in CSS pixels: the same paths the SVG pictures use. */
function drawShape(g: CanvasRenderingContext2D, shape: IconShape): void {
  for (const part of shape.parts) {
    const path = new Path2D(part.d);
    if (part.fill) {
      g.fillStyle = rgba(part.fill);
      g.fill(path);
    }
    if (part.stroke) {
      g.strokeStyle = rgba(part.stroke);
      g.lineWidth = part.stroke.width;
      g.stroke(path);
    }
  }
}
