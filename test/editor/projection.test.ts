/** The editor's map: a click becomes the position under it, and a new road's length starts from the distance. */
import { describe, expect, it } from 'vitest';
import { boundsOf, defaultRoadKm, fitProjection, greatCircleKm, roundCoord } from '../../src/editor/projection';

const BAMAKO = { lat: 12.639, lon: -8.003 };
const KATI = { lat: 12.747, lon: -8.071 };
const KAYES = { lat: 14.45, lon: -11.433 };
const SIKASSO = { lat: 11.317, lon: -5.667 };

describe('the map projection', () => {
  const projection = fitProjection(boundsOf([BAMAKO, KAYES, SIKASSO]), 800, 500);

  it('puts every place back where it was when a map point is turned into a position', () => {
    for (const place of [BAMAKO, KATI, KAYES, SIKASSO, { lat: 9.5, lon: -13 }]) {
      const { x, y } = projection.project(place.lat, place.lon);
      const back = projection.invert(x, y);
      expect(back.lat).toBeCloseTo(place.lat, 9);
      expect(back.lon).toBeCloseTo(place.lon, 9);
    }
  });

  it('keeps a strip at the foot clear and still inverts exactly', () => {
    const inset = fitProjection(boundsOf([BAMAKO, KAYES, SIKASSO]), 800, 500, 24, 40);
    const south = inset.project(SIKASSO.lat - 0.6, SIKASSO.lon);
    expect(south.y).toBeLessThanOrEqual(500 - 40);
    const p = inset.project(KAYES.lat, KAYES.lon);
    expect(inset.invert(p.x, p.y).lat).toBeCloseTo(KAYES.lat, 9);
  });

  it('draws north up and west on the left, inside the view', () => {
    const kayes = projection.project(KAYES.lat, KAYES.lon);
    const sikasso = projection.project(SIKASSO.lat, SIKASSO.lon);
    expect(kayes.y).toBeLessThan(sikasso.y);
    expect(kayes.x).toBeLessThan(sikasso.x);
    for (const p of [kayes, sikasso]) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(800);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(500);
    }
  });

  it('keeps distances in proportion east–west and north–south (a degree of longitude is shorter)', () => {
    const a = projection.project(12, -8);
    const east = projection.project(12, -7);
    const north = projection.project(13, -8);
    const ratio = (east.x - a.x) / (a.y - north.y);
    expect(ratio).toBeCloseTo(Math.cos((12.88 * Math.PI) / 180), 1);
  });

  it('frames a level that has no towns yet on southern Mali', () => {
    const b = boundsOf([]);
    expect(b.south).toBeLessThan(BAMAKO.lat);
    expect(b.north).toBeGreaterThan(BAMAKO.lat);
    expect(b.west).toBeLessThan(BAMAKO.lon);
    expect(b.east).toBeGreaterThan(BAMAKO.lon);
  });
});

describe('the length of a new road', () => {
  it('is the great-circle distance plus a fifth, in whole kilometres', () => {
    // About 201 km north and 371 km west: 422 km as the crow flies (the RN1 is 612 km).
    const km = greatCircleKm(BAMAKO, KAYES);
    expect(km).toBeGreaterThan(415);
    expect(km).toBeLessThan(430);
    expect(defaultRoadKm(BAMAKO, KAYES)).toBe(Math.round(km * 1.2));
    expect(Number.isInteger(defaultRoadKm(BAMAKO, KATI))).toBe(true);
  });

  it('stays within the schema’s 1 to 2,000 km', () => {
    expect(defaultRoadKm(BAMAKO, BAMAKO)).toBe(1);
    expect(defaultRoadKm({ lat: 0, lon: 0 }, { lat: 40, lon: 60 })).toBe(2000);
  });

  it('is symmetric', () => {
    expect(defaultRoadKm(KAYES, SIKASSO)).toBe(defaultRoadKm(SIKASSO, KAYES));
  });
});

describe('coordinates', () => {
  it('are rounded to three decimals (about 100 m) without floating-point tails', () => {
    expect(roundCoord(12.639 + 0.01)).toBe(12.649);
    expect(roundCoord(-8.0034999)).toBe(-8.003);
    expect(String(roundCoord(0.1 + 0.2, 6))).toBe('0.3');
  });
});
