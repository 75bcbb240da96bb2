import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createInitialState } from '../../src/sim/init';
import type { Cell, CellId, Convoy, ConvoyId, EntryId, GameState, Intel, RoadId, Threat, TownId, UnitId } from '../../src/sim/state';
import { parseGeography } from '../../src/scenes/geography';
import { placeLabels, overlaps, candidateBox, type LabelRequest } from '../../src/scenes/labels';
import { buildLayout, distanceToSegment, pointAlong, routeKmOf, routeLengthKm, routePathOf } from '../../src/scenes/layout';
import { entryStatuses, intelEmphasis, intelMarkers, patrolMarkers, riskLevel, townStatuses } from '../../src/scenes/model';
import { Glide } from '../../src/scenes/motion';
import { shippedContext } from '../helpers';

const ctx = shippedContext('bamako-2025');
const layout = buildLayout(ctx);
const fresh = (): GameState => structuredClone(createInitialState(ctx, 1, 'normal'));

function convoy(partial: Partial<Convoy>): Convoy {
  const route = ['diboli-kayes', 'kayes-kita', 'kita-kati', 'kati-bamako'] as RoadId[];
  return {
    id: 7 as ConvoyId,
    number: 1,
    entry: 'diboli' as EntryId,
    corridor: 'senegal' as Convoy['corridor'],
    path: ['diboli', 'kayes', 'kita', 'kati', 'bamako'] as TownId[],
    route,
    leg: 0,
    km: 0,
    tankers: 12,
    tankersAtStart: 12,
    departAt: 0,
    escort: [],
    status: 'moving',
    heldUntil: 0,
    hitOn: [],
    seenLeg: -1,
    ...partial,
  };
}

describe('fog of war: what the map shows of the armed group', () => {
  it('shows nothing of cells and threats the player has no report of', () => {
    const state = fresh();
    state.cells = [{ id: 'cell-1' as CellId, town: 'kadiana' as TownId, strength: 3, readyAt: 0 } satisfies Cell];
    state.threats = [{ id: 1, kind: 'ambush', road: 'kadiana-kolondieba' as RoadId, cell: 'cell-1' as CellId, from: 0, until: 99 } satisfies Threat];
    state.intel = [];
    expect(intelMarkers(state)).toEqual([]);
  });

  it('shows a report where it was made, with its confidence, however the truth differs', () => {
    const state = fresh();
    state.hour = 30;
    state.intel = [
      { id: 1, hour: 20, kind: 'ambush', road: 'kayes-sandare' as RoadId, confidence: 60, source: 'informant' },
      { id: 2, hour: 28, kind: 'ambush', road: 'kayes-sandare' as RoadId, confidence: 45, source: 'patrol' },
      { id: 3, hour: 29, kind: 'cell', town: 'kadiana' as TownId, confidence: 80, source: 'garrison' },
    ] satisfies Intel[];
    const markers = intelMarkers(state);
    expect(markers).toHaveLength(2);
    const ambush = markers.find((m) => m.kind === 'ambush')!;
    // Two reports about the same road are one marker: the surest confidence, the newest age.
    expect(ambush).toMatchObject({ road: 'kayes-sandare', confidence: 60, ageHours: 2, reports: 2 });
    expect(markers.find((m) => m.kind === 'cell')).toMatchObject({ town: 'kadiana', confidence: 80, ageHours: 1 });
  });

  it('draws unsure and old reports fainter and smaller', () => {
    const sure = intelEmphasis({ confidence: 90, ageHours: 2 });
    const unsure = intelEmphasis({ confidence: 30, ageHours: 2 });
    const old = intelEmphasis({ confidence: 90, ageHours: 70 });
    expect(unsure.alpha).toBeLessThan(sure.alpha);
    expect(unsure.scale).toBeLessThan(sure.scale);
    expect(old.alpha).toBeLessThan(sure.alpha);
    expect(unsure.alpha).toBeGreaterThan(0.2);
  });
});

describe('towns, units and entry points', () => {
  it('tells held and fallen rural towns apart, and counts garrisons in place and on the way', () => {
    const state = fresh();
    state.hour = 10;
    state.towns = state.towns.map((t) => (t.id === 'kita' ? { ...t, control: 'fallen' as const } : t));
    state.units = [
      { id: 'a' as UnitId, strength: 2, task: { kind: 'garrison', town: 'nioro' as TownId }, readyAt: 0 },
      { id: 'b' as UnitId, strength: 2, task: { kind: 'garrison', town: 'nioro' as TownId }, readyAt: 20 },
      { id: 'c' as UnitId, strength: 2, task: { kind: 'patrol', road: 'kayes-kita' as RoadId }, readyAt: 0 },
      { id: 'd' as UnitId, strength: 2, task: { kind: 'patrol', road: 'kayes-kita' as RoadId }, readyAt: 40 },
    ];
    const towns = new Map(townStatuses(ctx, state).map((t) => [t.id, t]));
    expect(towns.get('kita')?.control).toBe('fallen');
    expect(towns.get('nioro')).toMatchObject({ control: 'held', garrison: 1, arriving: 1 });
    expect(towns.get('bamako')?.control).toBeNull();
    expect(patrolMarkers(state)).toEqual([
      { unit: 'c', road: 'kayes-kita', arriving: false, slot: 0 },
      { unit: 'd', road: 'kayes-kita', arriving: true, slot: 1 },
    ]);
  });

  it('shows closed entry points as closed', () => {
    const state = fresh();
    const entries = new Map(entryStatuses(ctx, state).map((e) => [e.id, e]));
    expect(entries.get('kouremale')?.open).toBe(false);
    expect(entries.get('diboli')).toMatchObject({ open: true, country: 'SN' });
  });

  it('bands road risk into three levels', () => {
    expect([10, 39, 40, 59, 60, 100].map(riskLevel)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
  });
});

describe('convoys along their routes', () => {
  const c = convoy({});
  const path = routePathOf(ctx, layout, c);

  it('measures the route in kilometres from the entry point', () => {
    expect(routeLengthKm(path)).toBe(95 + 300 + 170 + 15);
    expect(routeKmOf(ctx, convoy({ leg: 0, km: 0 }))).toBe(0);
    expect(routeKmOf(ctx, convoy({ leg: 1, km: 100 }))).toBe(195);
  });

  it('counts a convoy turning back from the far end of its leg', () => {
    // On leg 1 (Kayes–Kita, 300 km), 100 km into the way back: 200 km from Kayes.
    expect(routeKmOf(ctx, convoy({ leg: 1, km: 100, status: 'returning' }))).toBe(95 + 200);
  });

  it('follows the roads: a convoy at a town is drawn at the town', () => {
    const atKayes = pointAlong(path, 95).point;
    expect(atKayes.x).toBeCloseTo(layout.towns.get('kayes')!.x);
    expect(atKayes.y).toBeCloseTo(layout.towns.get('kayes')!.y);
    const halfway = pointAlong(path, 95 + 150).point;
    const kayes = layout.towns.get('kayes')!;
    const kita = layout.towns.get('kita')!;
    expect(distanceToSegment(halfway, kayes, kita)).toBeLessThan(1e-6);
    expect(pointAlong(path, 1e6).point).toEqual(layout.towns.get('bamako'));
  });
});

describe('smooth motion between ticks', () => {
  it('glides from where it is drawn to the new target over the rest of the hour', () => {
    const glide = new Glide(0);
    glide.retarget(100, 0);
    expect(glide.at(0)).toBe(0);
    expect(glide.at(0.5)).toBeCloseTo(50);
    expect(glide.at(1)).toBe(100);
    expect(glide.moving).toBe(false);
  });

  it('starts a new glide from the point shown, without a jump', () => {
    const glide = new Glide(0);
    glide.retarget(100, 0);
    const shown = glide.at(0.5);
    glide.retarget(200, 0.5);
    expect(glide.at(0.5)).toBeCloseTo(shown);
    expect(glide.at(0.75)).toBeCloseTo(shown + (200 - shown) / 2);
  });

  it('jumps when told to (reduced motion, a paused game)', () => {
    const glide = new Glide(0);
    glide.snap(40);
    expect(glide.at(0.3)).toBe(40);
    expect(glide.moving).toBe(false);
  });

  it('carries on when the clock restarts without a new state (a speed change)', () => {
    const glide = new Glide(0);
    glide.retarget(100, 0.2);
    const before = glide.at(0.6);
    const after = glide.at(0.1);
    expect(after).toBeCloseTo(before);
    expect(glide.at(1)).toBe(100);
  });
});

describe('label placement', () => {
  const viewport = { x: 0, y: 0, width: 800, height: 600 };
  const request = (id: string, x: number, y: number, priority = 1): LabelRequest => ({ id, x, y, radius: 5, width: 60, height: 14, priority });

  it('places labels that do not overlap each other or the markers', () => {
    const requests = [request('a', 100, 100), request('b', 110, 104), request('c', 300, 300)];
    const markers = requests.map((r) => ({ x: r.x - 5, y: r.y - 5, width: 10, height: 10 }));
    const placed = placeLabels(requests, markers, viewport);
    const boxes = placed.filter((p) => p.visible).map((p) => ({ x: p.x, y: p.y, width: 60, height: 14 }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
      for (const marker of markers) expect(overlaps(boxes[i]!, marker)).toBe(false);
    }
    expect(placed.map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('gives the one free place to the more important label and hides the other', () => {
    const crowded = [request('minor', 100, 100, 3), request('capital', 100, 100, 0)];
    // Everything is taken but a strip to the right of the marker.
    const obstacles = [
      { x: 0, y: 0, width: 800, height: 92 },
      { x: 0, y: 108, width: 800, height: 500 },
      { x: 0, y: 92, width: 104, height: 16 },
    ];
    const placed = placeLabels(crowded, obstacles, viewport);
    expect(placed.find((p) => p.id === 'capital')).toMatchObject({ visible: true, anchor: 'right' });
    expect(placed.find((p) => p.id === 'minor')?.visible).toBe(false);
    // The selected town's label is shown even where it must overlap.
    const forced = placeLabels([{ ...crowded[0]!, force: true }, crowded[1]!], obstacles, viewport);
    expect(forced.find((p) => p.id === 'minor')?.visible).toBe(true);
  });

  it('steps aside for reports and convoys when it can, but keeps the name when it cannot', () => {
    const town = request('kayes', 100, 100);
    const right = candidateBox(town, 'right');
    const [aside] = placeLabels([town], [], viewport, [right]);
    expect(aside).toMatchObject({ visible: true });
    expect(aside!.anchor).not.toBe('right');
    const everywhere = { x: 0, y: 0, width: 800, height: 600 };
    const [kept] = placeLabels([town], [], viewport, [everywhere]);
    expect(kept).toMatchObject({ visible: true, anchor: 'right' });
  });

  it('crowded by reports on every side, puts the name where it covers the least of them', () => {
    const town = request('kolondieba', 300, 300);
    // A report on each of the eight places, and a bigger one on the right: the name goes where the overlap is smallest.
    const pins = (['right', 'left', 'above', 'below', 'above-right', 'below-right', 'above-left', 'below-left'] as const).map((anchor) => {
      const box = candidateBox(town, anchor);
      const w = anchor === 'below-left' ? 4 : 14;
      return { x: box.x + box.width / 2 - w / 2, y: box.y + box.height / 2 - 4, width: w, height: 8 };
    });
    const [placed] = placeLabels([town], [], viewport, pins);
    expect(placed).toMatchObject({ visible: true, anchor: 'below-left' });
  });

  it('keeps labels inside the viewport by flipping them', () => {
    const [placed] = placeLabels([request('edge', 790, 300)], [], viewport);
    expect(placed?.visible).toBe(true);
    expect(placed!.x + 60).toBeLessThanOrEqual(800);
    expect(candidateBox(request('edge', 790, 300), 'left').x).toBe(placed!.x);
  });
});

describe('the geography file', () => {
  const file = 'assets/map/west-africa.json';

  it('is small and has Mali, its neighbours, their borders and the sea', () => {
    expect(statSync(file).size).toBeLessThan(60 * 1024);
    const geography = parseGeography(JSON.parse(readFileSync(file, 'utf8')));
    expect(geography).not.toBeNull();
    const codes = geography!.countries.map((c) => c.iso2);
    for (const code of ['ML', 'SN', 'MR', 'DZ', 'NE', 'BF', 'CI', 'GN']) expect(codes).toContain(code);
    expect(geography!.maliBorder.length).toBeGreaterThan(0);
    expect(geography!.borders.length).toBeGreaterThan(0);
    expect(geography!.sea?.length).toBeGreaterThan(10);
    // Every level town lies in the box the file covers.
    const [west, south, east, north] = geography!.bbox;
    for (const town of ctx.level.towns) {
      expect(town.lon).toBeGreaterThan(west);
      expect(town.lon).toBeLessThan(east);
      expect(town.lat).toBeGreaterThan(south);
      expect(town.lat).toBeLessThan(north);
    }
  });

  it('rejects what is not geography without throwing', () => {
    expect(parseGeography(null)).toBeNull();
    expect(parseGeography({ type: 'Topology' })).toBeNull();
    const odd = parseGeography({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { kind: 'country', iso2: 'ML' }, geometry: { type: 'Polygon', coordinates: [[['x', 1]]] } }, 42] });
    expect(odd?.countries).toEqual([]);
  });
});
