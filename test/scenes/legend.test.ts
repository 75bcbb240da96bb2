/** The map's legend starts closed when, open, it would hide a town's marker. */
import { describe, expect, it } from 'vitest';
import { hidesAMarker } from '../../src/scenes/legend';

const legend = { left: 8, top: 560, right: 376, bottom: 712 };

describe('hidesAMarker', () => {
  it('is true for a marker under the box, or reaching into it', () => {
    expect(hidesAMarker(legend, [{ x: 90, y: 650, radius: 7 }])).toBe(true);
    expect(hidesAMarker(legend, [{ x: 382, y: 600, radius: 7 }])).toBe(true);
  });

  it('is false for markers clear of the box, margin included', () => {
    expect(hidesAMarker(legend, [{ x: 90, y: 540, radius: 7 }, { x: 400, y: 650, radius: 7 }, { x: 600, y: 700, radius: 12 }])).toBe(false);
    expect(hidesAMarker(legend, [])).toBe(false);
  });
});
