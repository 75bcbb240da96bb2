import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawIcon, ICONS, ICONS_DIR, iconSvg, scanlines } from '../../scripts/make-icons';

/** The IDAT data of a PNG, inflated: the pixels whatever zlib version compressed them. */
function pixelsOf(png: Buffer): { width: number; height: number; raw: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    }
    if (type === 'IDAT') idat.push(data);
    at += length + 12;
  }
  return { width, height, raw: inflateSync(Buffer.concat(idat)) };
}

describe('the committed icons', () => {
  it.each(ICONS)('$file is what scripts/make-icons.ts draws (run `npm run icons` after changing it)', ({ file, size, shape }) => {
    const { width, height, raw } = pixelsOf(readFileSync(join(ICONS_DIR, file)));
    expect([width, height]).toEqual([size, size]);
    expect(Buffer.compare(raw, scanlines(drawIcon(size, shape), size))).toBe(0);
  });

  it('icon.svg is current', () => {
    expect(readFileSync(join(ICONS_DIR, 'icon.svg'), 'utf8')).toBe(iconSvg());
  });

  it('the maskable icon keeps the picture inside the safe circle (80 % of the size)', () => {
    const size = 512;
    const pixels = drawIcon(size, 'maskable');
    const outside: string[] = [];
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        if (Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2) <= 0.4 * size) continue;
        const at = (y * size + x) * 4;
        if (pixels[at] !== pixels[0] || pixels[at + 1] !== pixels[1] || pixels[at + 2] !== pixels[2]) outside.push(`${x},${y}`);
      }
    }
    expect(outside.slice(0, 5)).toEqual([]);
  });
});
