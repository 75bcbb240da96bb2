/**
 * The map's markers as vector shapes: SVG path data in CSS pixels, with their fill and
 * stroke. One description serves both places a marker appears: the map's atlas texture draws
 * it with Canvas 2D (`new Path2D(d)`, see atlas.ts), and HTML over the map (convoys, the
 * selection ring, the legend) shows it as an SVG image, which costs no picture encoding.
 * Pure data, no DOM: computed once when the module loads and tested under Node.
 *
 * Shapes carry meaning on their own (star, circle, square, crossed square, diamond, shield,
 * triangle, bar): colour is never the only cue.
 */
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

/** A colour (0xRRGGBB) and its opacity. */
export interface Paint {
  color: number;
  alpha: number;
}

/** One path of a marker, filled and then stroked (as SVG paints it). */
export interface IconPart {
  /** SVG path data, CSS pixels, y down. */
  d: string;
  fill?: Paint;
  stroke?: Paint & { width: number };
}

export interface IconShape {
  /** CSS pixels. */
  width: number;
  height: number;
  parts: readonly IconPart[];
}

interface Point {
  x: number;
  y: number;
}

// --- path data ----------------------------------------------------------------------------------

/** Numbers in path data: three decimals are a thousandth of a CSS pixel. */
const n = (value: number): string => String(Math.round(value * 1000) / 1000);

const polygon = (points: readonly Point[], close = true): string => points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(p.x)} ${n(p.y)}`).join('') + (close ? 'Z' : '');

const line = (x1: number, y1: number, x2: number, y2: number): string => `M${n(x1)} ${n(y1)}L${n(x2)} ${n(y2)}`;

const rect = (x: number, y: number, width: number, height: number): string => `M${n(x)} ${n(y)}h${n(width)}v${n(height)}h${n(-width)}Z`;

function circle(cx: number, cy: number, r: number): string {
  return `M${n(cx - r)} ${n(cy)}A${n(r)} ${n(r)} 0 1 0 ${n(cx + r)} ${n(cy)}A${n(r)} ${n(r)} 0 1 0 ${n(cx - r)} ${n(cy)}Z`;
}

/** An arc clockwise on screen from `start` to `end` radians (as Canvas 2D's `arc` without `anticlockwise`). */
function arc(cx: number, cy: number, r: number, start: number, end: number): string {
  const large = end - start > Math.PI ? 1 : 0;
  return `M${n(cx + r * Math.cos(start))} ${n(cy + r * Math.sin(start))}A${n(r)} ${n(r)} 0 ${large} 1 ${n(cx + r * Math.cos(end))} ${n(cy + r * Math.sin(end))}`;
}

function roundedRect(x: number, y: number, width: number, height: number, radius: number): string {
  const r = Math.min(radius, width / 2, height / 2);
  const corner = (dx: number, dy: number): string => `A${n(r)} ${n(r)} 0 0 1 ${n(dx)} ${n(dy)}`;
  return (
    `M${n(x + r)} ${n(y)}H${n(x + width - r)}${corner(x + width, y + r)}V${n(y + height - r)}${corner(x + width - r, y + height)}` +
    `H${n(x + r)}${corner(x, y + height - r)}V${n(y + r)}${corner(x + r, y)}Z`
  );
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

const diamond = (c: number, r: number): Point[] => [
  { x: c, y: c - r },
  { x: c + r, y: c },
  { x: c, y: c + r },
  { x: c - r, y: c },
];

// --- the markers --------------------------------------------------------------------------------

const paint = (color: number, alpha = 1): Paint => ({ color, alpha });
const pen = (width: number, color: number, alpha = 1): Paint & { width: number } => ({ width, color, alpha });

const dark = COLORS.casing;
const cream = COLORS.townFill;

function pill(fill: number, stroke: number, strokeWidth: number, hollow = false): IconShape {
  const pad = 1.5;
  const d = roundedRect(pad, pad, PILL.width - 2 * pad, PILL.height - 2 * pad, (PILL.height - 2 * pad) / 2);
  const parts: IconPart[] = hollow
    ? [{ d, fill: paint(dark, 0.85), stroke: pen(strokeWidth, stroke) }]
    : [{ d, fill: paint(dark) }, { d, fill: paint(fill), stroke: pen(strokeWidth, stroke) }];
  return { width: PILL.width, height: PILL.height, parts };
}

/** Status badges at the left end of a convoy pill: a disc, and a sign on it. */
const badge = (fill: number, sign: readonly IconPart[]): IconShape => ({
  width: 16,
  height: 16,
  parts: [{ d: circle(8, 8, 6.8), fill: paint(fill), stroke: pen(1.6, dark) }, ...sign],
});

const shield = shieldPoints(7, 8, 11, 13.5);
const entry = diamond(10, SIZES.entry + 1);
const fallenR = SIZES.rural + 1;

export const ICON_SHAPES: Readonly<Record<IconKey, IconShape>> = {
  [ICON.capital]: { width: 26, height: 26, parts: [{ d: polygon(starPoints(13, 13.5, SIZES.capital, SIZES.capital * 0.45)), fill: paint(cream), stroke: pen(2, dark) }] },
  [ICON.city]: { width: 16, height: 16, parts: [{ d: circle(8, 8, SIZES.city), fill: paint(cream), stroke: pen(2, dark) }] },
  [ICON.rural]: { width: 14, height: 14, parts: [{ d: rect(7 - SIZES.rural, 7 - SIZES.rural, 2 * SIZES.rural, 2 * SIZES.rural), fill: paint(0xd9cfb8), stroke: pen(2, dark) }] },
  // A fallen town: a larger crossed square in vermillion.
  [ICON.fallen]: {
    width: 16,
    height: 16,
    parts: [
      { d: rect(8 - fallenR, 8 - fallenR, 2 * fallenR, 2 * fallenR), fill: paint(COLORS.fallen), stroke: pen(2, dark) },
      { d: line(8 - fallenR * 0.6, 8 - fallenR * 0.6, 8 + fallenR * 0.6, 8 + fallenR * 0.6) + line(8 - fallenR * 0.6, 8 + fallenR * 0.6, 8 + fallenR * 0.6, 8 - fallenR * 0.6), stroke: pen(2.2, dark) },
    ],
  },
  [ICON.entryOpen]: { width: 20, height: 20, parts: [{ d: polygon(entry), fill: paint(cream), stroke: pen(2, dark) }, { d: circle(10, 10, 2.2), fill: paint(dark) }] },
  // Closed: hollow, with a bar across like a no-entry sign.
  [ICON.entryClosed]: { width: 20, height: 20, parts: [{ d: polygon(entry), fill: paint(dark), stroke: pen(2, cream) }, { d: line(6, 10, 14, 10), stroke: pen(2, cream) }] },
  [ICON.shield]: { width: 14, height: 16, parts: [{ d: polygon(shield), fill: paint(COLORS.unit), stroke: pen(1.6, cream) }] },
  // A unit still on its way: the same shield, hollow.
  [ICON.shieldArriving]: { width: 14, height: 16, parts: [{ d: polygon(shield), fill: paint(dark, 0.85), stroke: pen(1.8, COLORS.unitLight) }] },
  // Intelligence: a warning triangle (ambush), a road barrier (checkpoint), an eye (armed men seen).
  [ICON.ambush]: {
    width: 20,
    height: 18,
    parts: [
      { d: polygon([{ x: 10, y: 1.5 }, { x: 18.5, y: 16.5 }, { x: 1.5, y: 16.5 }]), fill: paint(COLORS.intel), stroke: pen(1.6, dark) },
      { d: rect(9, 6.5, 2, 5.5) + rect(9, 13, 2, 2), fill: paint(dark) },
    ],
  },
  [ICON.checkpoint]: {
    width: 22,
    height: 14,
    parts: [
      { d: rect(1.5, 3, 19, 8), fill: paint(COLORS.intel) },
      { d: [0, 1, 2].map((i) => rect(5 + i * 5.5, 3, 2.5, 8)).join(''), fill: paint(dark) },
      { d: rect(1.5, 3, 19, 8), stroke: pen(1.6, dark) },
    ],
  },
  [ICON.cell]: {
    width: 20,
    height: 20,
    parts: [
      { d: circle(10, 10, 8.5), fill: paint(COLORS.intel), stroke: pen(1.6, dark) },
      { d: arc(10, 15.5, 7.6, Math.PI * 1.22, Math.PI * 1.78) + arc(10, 4.5, 7.6, Math.PI * 0.22, Math.PI * 0.78), stroke: pen(1.6, dark) },
      { d: circle(10, 10, 2.3), fill: paint(dark) },
    ],
  },
  [ICON.convoyMoving]: pill(COLORS.convoyFill, dark, 1.5),
  [ICON.convoyWaiting]: pill(COLORS.convoyFill, cream, 1.6, true),
  [ICON.convoyHeld]: pill(COLORS.convoyHeld, dark, 1.5),
  [ICON.convoyHalted]: pill(COLORS.convoyHalted, dark, 1.5),
  [ICON.convoyDot]: { width: 10, height: 10, parts: [{ d: circle(5, 5, 3.2), fill: paint(cream), stroke: pen(1.6, dark) }] },
  [ICON.arrow]: {
    width: 12,
    height: 12,
    parts: [{ d: polygon([{ x: 11, y: 6 }, { x: 2, y: 1.5 }, { x: 4.5, y: 6 }, { x: 2, y: 10.5 }]), fill: paint(cream), stroke: pen(1.3, dark) }],
  },
  // Held (!), halted (pause), returning (U-turn).
  [ICON.badgeHeld]: badge(COLORS.convoyHeld, [{ d: rect(7, 3.8, 2, 5.4) + rect(7, 10.4, 2, 2), fill: paint(dark) }]),
  [ICON.badgeHalted]: badge(COLORS.convoyHalted, [{ d: rect(5, 4.5, 2.2, 7) + rect(8.8, 4.5, 2.2, 7), fill: paint(dark) }]),
  [ICON.badgeReturning]: badge(cream, [
    { d: arc(8, 8, 3.6, Math.PI * 0.9, Math.PI * 2.25), stroke: pen(1.8, dark) },
    { d: polygon([{ x: 2.6, y: 6.2 }, { x: 6.6, y: 6.6 }, { x: 4.2, y: 10 }]), fill: paint(dark) },
  ]),
  [ICON.ring]: {
    width: 40,
    height: 40,
    parts: [
      { d: circle(20, 20, 15), stroke: pen(5, dark, 0.9) },
      { d: circle(20, 20, 15), stroke: pen(2.5, COLORS.selection) },
    ],
  },
};

export const ICON_KEYS = Object.keys(ICON_SHAPES) as IconKey[];

// --- as SVG, for HTML ------------------------------------------------------------------------------

export const hexColour = (color: number): string => `#${color.toString(16).padStart(6, '0')}`;

/** A marker as a standalone SVG document (Canvas 2D's miter limit, so both draw the same corners). */
export function iconSvg(shape: IconShape): string {
  const paths = shape.parts.map((part) => {
    const fill = part.fill ? `fill="${hexColour(part.fill.color)}"${part.fill.alpha < 1 ? ` fill-opacity="${part.fill.alpha}"` : ''}` : 'fill="none"';
    const stroke = part.stroke
      ? ` stroke="${hexColour(part.stroke.color)}" stroke-width="${part.stroke.width}"${part.stroke.alpha < 1 ? ` stroke-opacity="${part.stroke.alpha}"` : ''}`
      : '';
    return `<path d="${part.d}" ${fill}${stroke}/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${shape.width}" height="${shape.height}" viewBox="0 0 ${shape.width} ${shape.height}" stroke-miterlimit="10">${paths.join('')}</svg>`;
}

/** A marker picture for HTML: a data URL and its size in CSS pixels. */
export interface IconImage {
  url: string;
  width: number;
  height: number;
}

const images = new Map<IconKey, IconImage>();

export function iconImage(key: IconKey): IconImage {
  let image = images.get(key);
  if (!image) {
    const shape = ICON_SHAPES[key];
    image = { url: `data:image/svg+xml,${encodeURIComponent(iconSvg(shape))}`, width: shape.width, height: shape.height };
    images.set(key, image);
  }
  return image;
}
