/**
 * Draws the game's icons into `assets/icons/` (the web manifest's icons, the favicon and the
 * home-screen icon), so that no image comes from outside the repository. The picture: an
 * orange fuel drop crossed by a dark road with a sand centre line, on the game's dark ground.
 *
 *     npx tsx scripts/make-icons.ts
 *
 * The PNG encoder is written here (a dozen lines over node:zlib) because an image library
 * would be a large dependency for four fixed pictures. Shapes are tested per pixel with 4×4
 * supersampling for smooth edges. Deterministic: a test checks that the committed icons
 * decode to exactly the pixels this script draws.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

export const ICONS_DIR = fileURLToPath(new URL('../assets/icons/', import.meta.url));

export const COLOURS = { ground: '#1d1b16', drop: '#e69f00', road: '#1d1b16', line: '#f3ead8' } as const;

/** `any` icons are a rounded square; `maskable` ones fill the square and keep the drop inside the safe circle. */
export type IconShape = 'any' | 'maskable';
export const ICONS: readonly { file: string; size: number; shape: IconShape }[] = [
  { file: 'icon-192.png', size: 192, shape: 'any' },
  { file: 'icon-512.png', size: 512, shape: 'any' },
  { file: 'maskable-512.png', size: 512, shape: 'maskable' },
  { file: 'apple-touch-icon.png', size: 180, shape: 'maskable' },
];

// The drawing, in a unit square (y down). The drop: a circle and its tangents to a tip.
const DROP = { cx: 0.5, cy: 0.6, r: 0.23, tipY: 0.15 };
const ROAD = { top: 0.58, bottom: 0.69 };
const LINE = { top: 0.625, bottom: 0.645, dash: 0.08, gap: 0.05 };
const CORNER = 0.18;

const tipDistance = DROP.cy - DROP.tipY;
const cosT = DROP.r / tipDistance;
const sinT = Math.sqrt(1 - cosT * cosT);
/** The drop's tangent points, left and right. */
const TANGENT = { dx: DROP.r * sinT, y: DROP.cy - DROP.r * cosT };

function inDrop(x: number, y: number): boolean {
  const dx = x - DROP.cx;
  const dy = y - DROP.cy;
  if (dx * dx + dy * dy <= DROP.r * DROP.r) return true;
  if (y < DROP.tipY || y > TANGENT.y) return false;
  // Inside the triangle tip–tangent–tangent: the half width grows linearly from the tip.
  return Math.abs(dx) <= (TANGENT.dx * (y - DROP.tipY)) / (TANGENT.y - DROP.tipY);
}

function inRoundedSquare(x: number, y: number): boolean {
  const qx = Math.max(CORNER - x, x - (1 - CORNER), 0);
  const qy = Math.max(CORNER - y, y - (1 - CORNER), 0);
  return qx * qx + qy * qy <= CORNER * CORNER;
}

function inLine(x: number, y: number): boolean {
  const period = LINE.dash + LINE.gap;
  // Three dashes centred on the drop's axis (a fourth would be a sliver at the drop's edge).
  if (y < LINE.top || y > LINE.bottom || Math.abs(x - DROP.cx) > LINE.dash / 2 + period) return false;
  const offset = (((x - DROP.cx + LINE.dash / 2) % period) + period) % period;
  return offset <= LINE.dash;
}

type Rgba = [number, number, number, number];
const rgb = (hex: string): Rgba => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16), 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** The colour at a point of the unit square. */
function colourAt(x: number, y: number, shape: IconShape): Rgba {
  if (shape === 'any' && !inRoundedSquare(x, y)) return CLEAR;
  if (!inDrop(x, y)) return rgb(COLOURS.ground);
  if (y >= ROAD.top && y <= ROAD.bottom) return inLine(x, y) ? rgb(COLOURS.line) : rgb(COLOURS.road);
  return rgb(COLOURS.drop);
}

const SUPERSAMPLE = 4;

/** RGBA pixels, row by row. */
export function drawIcon(size: number, shape: IconShape): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = colourAt((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size, shape);
          // Premultiplied, so that transparent samples do not darken the edge.
          sum[0]! += c[0] * c[3];
          sum[1]! += c[1] * c[3];
          sum[2]! += c[2] * c[3];
          sum[3]! += c[3];
        }
      }
      const at = (py * size + px) * 4;
      const alpha = sum[3]!;
      pixels[at + 3] = Math.round(alpha / SUPERSAMPLE ** 2);
      for (let k = 0; k < 3; k++) pixels[at + k] = alpha === 0 ? 0 : Math.round(sum[k]! / alpha);
    }
  }
  return pixels;
}

// ---- PNG ---------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** The rows as PNG stores them before compression: a filter byte (0, none) before each row. */
export function scanlines(pixels: Uint8Array, size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    raw.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return raw;
}

export function encodePng(pixels: Uint8Array, size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines(pixels, size), { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

// ---- SVG (the favicon) ------------------------------------------------------------------

const n = (v: number): string => String(Math.round(v * 1000) / 10);

/** The same picture as a scalable favicon, in a 100×100 view box. */
export function iconSvg(): string {
  const left = `${n(DROP.cx - TANGENT.dx)} ${n(TANGENT.y)}`;
  const right = `${n(DROP.cx + TANGENT.dx)} ${n(TANGENT.y)}`;
  const drop = `M${n(DROP.cx)} ${n(DROP.tipY)}L${right}A${n(DROP.r)} ${n(DROP.r)} 0 1 1 ${left}Z`;
  const dashes: string[] = [];
  const period = LINE.dash + LINE.gap;
  for (const x of [-1, 0, 1].map((k) => DROP.cx - LINE.dash / 2 + k * period)) {
    dashes.push(`<rect x="${n(x)}" y="${n(LINE.top)}" width="${n(LINE.dash)}" height="${n(LINE.bottom - LINE.top)}"/>`);
  }
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">',
    `<rect width="100" height="100" rx="${n(CORNER)}" fill="${COLOURS.ground}"/>`,
    `<clipPath id="d"><path d="${drop}"/></clipPath>`,
    `<path d="${drop}" fill="${COLOURS.drop}"/>`,
    `<g clip-path="url(#d)"><rect x="0" y="${n(ROAD.top)}" width="100" height="${n(ROAD.bottom - ROAD.top)}" fill="${COLOURS.road}"/>`,
    `<g fill="${COLOURS.line}">${dashes.join('')}</g></g>`,
    '</svg>',
    '',
  ].join('');
}

export function renderIcons(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const icon of ICONS) files.set(icon.file, encodePng(drawIcon(icon.size, icon.shape), icon.size));
  files.set('icon.svg', Buffer.from(iconSvg(), 'utf8'));
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync(ICONS_DIR, { recursive: true });
  for (const [file, bytes] of renderIcons()) {
    writeFileSync(join(ICONS_DIR, file), bytes);
    process.stdout.write(`${join('assets/icons', file)}  ${bytes.length} bytes\n`);
  }
}
