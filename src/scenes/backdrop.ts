/**
 * The map's still layers: the sea, the neighbouring countries, coasts and borders, country
 * names, and the roads with their risk colours and highlights. They are drawn with Canvas 2D
 * into one picture the size of the view, which the scene shows as a single texture under its
 * markers, and drawn again only when the view moves or what they show changes.
 *
 * Why: WebGL redraws the whole scene every frame a convoy moves, and where WebGL is
 * software-rendered (school machines without a usable GPU) filling the country polygons and
 * stroking every road again each frame cost more than everything else on the map together.
 * One textured quad costs little, and Canvas 2D draws smooth edges without multisampling.
 *
 * Geometry is in world units (the scene's coordinates); widths, dashes and text sizes are in
 * CSS pixels and keep their size at every zoom, like the markers Phaser draws.
 */
import type { MapData } from './map-data';
import type { Point, View } from './projection';
import { COLORS, FONT, SIZES } from './style';

/** A line in world units, stroked `width` CSS pixels wide. Each polyline is stroked on its own (butt caps). */
export interface Stroke {
  lines: readonly (readonly Point[])[];
  /** CSS pixels. */
  width: number;
  color: number;
  alpha: number;
}

export interface CountryName {
  text: string;
  /** World units. */
  at: Point;
  mali: boolean;
}

/** A country name as drawn: its size in CSS pixels (for label placement) and whether it is shown. */
export interface PlacedCountryName extends CountryName {
  width: number;
  height: number;
  visible: boolean;
}

const NAME = {
  country: { size: SIZES.countryLabel, weight: 'normal', color: COLORS.countryLabel, alpha: 0.9, spacing: 3 },
  mali: { size: SIZES.maliLabel, weight: 'bold', color: COLORS.maliLabel, alpha: 0.85, spacing: 6 },
} as const;

const css = (color: number): string => `#${color.toString(16).padStart(6, '0')}`;

export class Backdrop {
  readonly canvas: HTMLCanvasElement;
  private readonly g: CanvasRenderingContext2D;
  private fills: { path: Path2D; color: string }[] = [];
  private outlines: { path: Path2D; width: number; color: string; alpha: number }[] = [];
  private names: PlacedCountryName[] = [];
  private strokes: readonly Stroke[] = [];
  private drawn: View | null = null;
  private dirty = true;

  /** `pixelRatio`: canvas pixels per CSS pixel, as for the scene's canvas. */
  constructor(private readonly pixelRatio: number) {
    this.canvas = document.createElement('canvas');
    // Drawn on the CPU (`willReadFrequently` asks for that): a few paths, now and then, are
    // faster there than through a software GPU, and the texture upload reads it anyway.
    const g = this.canvas.getContext('2d', { alpha: false, willReadFrequently: true });
    if (!g) throw new Error('this browser cannot draw the map (no 2D canvas)');
    this.g = g;
  }

  /** The country shapes (see map-data.ts; null: no geography, only roads) and names. */
  setMapData(data: MapData | null, names: readonly CountryName[]): void {
    this.fills = [];
    this.outlines = [];
    if (data) {
      // The canvas is cleared to Mali's colour: only the sea and the neighbours are filled.
      if (data.sea) this.fills.push({ path: new Path2D(data.sea), color: css(COLORS.sea) });
      this.fills.push({ path: new Path2D(data.land), color: css(COLORS.land) });
      const mali = new Path2D(data.maliBorder);
      this.outlines.push(
        { path: new Path2D(data.coast), width: 1.2, color: css(COLORS.coast), alpha: 1 },
        { path: new Path2D(data.borders), width: 1, color: css(COLORS.border), alpha: 1 },
        // Mali's border: a soft wide glow under a crisp line, so the country reads at a glance.
        { path: mali, width: 5, color: css(COLORS.maliBorder), alpha: 0.12 },
        { path: mali, width: 1.6, color: css(COLORS.maliBorder), alpha: 0.9 },
      );
    }
    this.names = names.map((name) => ({ ...name, ...this.measure(name), visible: true }));
    this.dirty = true;
  }

  /** Country names with their sizes, in the order given to `setGeography`. */
  get countryNames(): readonly PlacedCountryName[] {
    return this.names;
  }

  /** Show only the country names that found room (`visible[i]` for the i-th name). */
  showCountryNames(visible: readonly boolean[]): void {
    this.names.forEach((name, i) => {
      const show = visible[i] ?? false;
      if (name.visible === show) return;
      name.visible = show;
      this.dirty = true;
    });
  }

  /** Roads and their highlights, drawn in order (the first underneath). */
  setStrokes(strokes: readonly Stroke[]): void {
    this.strokes = strokes;
    this.dirty = true;
  }

  /** Draw for `view` (canvas pixels), if the view or the content changed since the last time. Returns whether it drew. */
  render(view: View): boolean {
    const last = this.drawn;
    if (!this.dirty && last && last.width === view.width && last.height === view.height && last.zoom === view.zoom && last.scrollX === view.scrollX && last.scrollY === view.scrollY) return false;
    this.dirty = false;
    this.drawn = { ...view };
    const { canvas, g, pixelRatio: u } = this;
    if (canvas.width !== view.width || canvas.height !== view.height) {
      canvas.width = view.width;
      canvas.height = view.height;
    }
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.globalAlpha = 1;
    g.fillStyle = css(COLORS.mali);
    g.fillRect(0, 0, view.width, view.height);

    // World units → canvas pixels, as Phaser's camera does (zoom about the view's centre).
    const { zoom, scrollX, scrollY, width, height } = view;
    g.setTransform(zoom, 0, 0, zoom, width / 2 - (scrollX + width / 2) * zoom, height / 2 - (scrollY + height / 2) * zoom);
    /** World units per CSS pixel. */
    const k = u / zoom;
    for (const fill of this.fills) {
      g.fillStyle = fill.color;
      g.fill(fill.path);
    }
    g.lineJoin = 'round';
    g.lineCap = 'butt';
    for (const line of this.outlines) {
      g.globalAlpha = line.alpha;
      g.strokeStyle = line.color;
      g.lineWidth = line.width * k;
      g.stroke(line.path);
    }

    g.setTransform(1, 0, 0, 1, 0, 0);
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    for (const name of this.names) {
      if (!name.visible) continue;
      const look = name.mali ? NAME.mali : NAME.country;
      this.font(look, u);
      g.globalAlpha = look.alpha;
      g.fillStyle = look.color;
      const x = (name.at.x - scrollX - width / 2) * zoom + width / 2;
      const y = (name.at.y - scrollY - height / 2) * zoom + height / 2;
      // Letter spacing adds room after the last letter too: shift by half of it to stay centred.
      g.fillText(name.text, x + (look.spacing * u) / 2, y);
    }
    g.letterSpacing = '0px';

    g.setTransform(zoom, 0, 0, zoom, width / 2 - (scrollX + width / 2) * zoom, height / 2 - (scrollY + height / 2) * zoom);
    for (const stroke of this.strokes) {
      g.globalAlpha = stroke.alpha;
      g.strokeStyle = css(stroke.color);
      g.lineWidth = stroke.width * k;
      g.beginPath();
      for (const line of stroke.lines) {
        line.forEach((p, i) => (i === 0 ? g.moveTo(p.x, p.y) : g.lineTo(p.x, p.y)));
      }
      g.stroke();
    }
    g.globalAlpha = 1;
    return true;
  }

  /** Free the picture's memory now rather than at the next garbage collection. */
  destroy(): void {
    this.canvas.width = 0;
    this.canvas.height = 0;
  }

  private font(look: (typeof NAME)[keyof typeof NAME], scale: number): void {
    this.g.font = `${look.weight} ${look.size * scale}px ${FONT}`;
    this.g.letterSpacing = `${look.spacing * scale}px`;
  }

  private measure(name: CountryName): { width: number; height: number } {
    const look = name.mali ? NAME.mali : NAME.country;
    this.font(look, 1);
    const width = this.g.measureText(name.text).width;
    this.g.letterSpacing = '0px';
    return { width: Math.ceil(width), height: Math.ceil(look.size * 1.3) };
  }
}
