import { describe, expect, it } from 'vitest';
import { packShelves } from '../../src/scenes/atlas';
import { ICON, ICON_KEYS, ICON_SHAPES, iconImage, iconSvg } from '../../src/scenes/icons';

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('packing the atlas', () => {
  const sizes = [
    { width: 30, height: 17 },
    { width: 120, height: 20 },
    { width: 16, height: 16 },
    { width: 200, height: 19 },
    { width: 40, height: 40 },
    { width: 90, height: 17 },
    { width: 14, height: 16 },
  ];

  it('gives every frame its own place, a gap apart, inside the picture', () => {
    const gap = 2;
    const packed = packShelves(sizes, 256, gap);
    const boxes = sizes.map((s, i) => ({ ...packed.positions[i]!, width: s.width + gap, height: s.height + gap }));
    boxes.forEach((box, i) => {
      expect(box.x).toBeGreaterThanOrEqual(gap);
      expect(box.y).toBeGreaterThanOrEqual(gap);
      expect(box.x + box.width).toBeLessThanOrEqual(256);
      expect(box.y + box.height).toBeLessThanOrEqual(packed.height);
      for (const other of boxes.slice(i + 1)) expect(overlap(box, other)).toBe(false);
    });
    expect(packed.width).toBeLessThanOrEqual(256);
  });

  it('starts a new row when a frame does not fit on the current one', () => {
    const packed = packShelves([{ width: 100, height: 10 }, { width: 100, height: 10 }, { width: 100, height: 10 }], 220, 2);
    expect(packed.positions.map((p) => p.y)).toEqual([2, 2, 14]);
  });

  it('refuses a frame wider than the picture', () => {
    expect(() => packShelves([{ width: 300, height: 10 }], 256)).toThrow(RangeError);
  });
});

describe('marker shapes', () => {
  it('has a shape for every marker key, each with paths that fit its box', () => {
    expect(ICON_KEYS.sort()).toEqual(Object.values(ICON).sort());
    for (const key of ICON_KEYS) {
      const shape = ICON_SHAPES[key];
      expect(shape.parts.length, key).toBeGreaterThan(0);
      for (const part of shape.parts) {
        expect(part.fill ?? part.stroke, `${key}: a part that draws nothing`).toBeDefined();
        const numbers = (part.d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
        // Every coordinate (and arc radius) stays inside the marker's box, give or take half a stroke.
        for (const value of numbers) expect(value, `${key}: ${part.d}`).toBeLessThanOrEqual(Math.max(shape.width, shape.height) + 1);
      }
    }
  });

  it('as SVG for HTML: the same paths and colours, with its size', () => {
    const svg = iconSvg(ICON_SHAPES[ICON.entryClosed]);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="20" height="20" viewBox="0 0 20 20"/);
    for (const part of ICON_SHAPES[ICON.entryClosed].parts) expect(svg).toContain(`d="${part.d}"`);
    // A closed crossing is dark inside with a cream rim and bar.
    expect(svg).toContain('fill="#0d0c0a" stroke="#f4ecd8"');
    const image = iconImage(ICON.convoyMoving);
    expect(image).toMatchObject({ width: 30, height: 17 });
    expect(decodeURIComponent(image.url.replace(/^data:image\/svg\+xml,/, ''))).toBe(iconSvg(ICON_SHAPES[ICON.convoyMoving]));
  });

  it('keeps a half-transparent paint half-transparent in SVG', () => {
    expect(iconSvg(ICON_SHAPES[ICON.ring])).toContain('stroke-opacity="0.9"');
    expect(iconSvg(ICON_SHAPES[ICON.shieldArriving])).toContain('fill-opacity="0.85"');
  });
});
