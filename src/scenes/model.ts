/**
 * What the map shows of a game state, as plain data: the fog of war lives here. The player
 * knows the armed group only through intelligence reports, so cells and threats never reach
 * the map; reports do, with their confidence. Pure, so it is tested under Node; the Phaser
 * layers only draw what these functions return.
 */
import type { Immutable } from 'immer';
import type { LevelContext } from '../sim/context';
import type { Convoy, ConvoyStatus, GameState, Intel } from '../sim/state';

export type RiskLevel = 'low' | 'medium' | 'high';

/** Risk bands of a road's known risk (0–100); high-risk roads are also drawn dashed and wider. */
export function riskLevel(risk: number): RiskLevel {
  if (risk >= 60) return 'high';
  if (risk >= 40) return 'medium';
  return 'low';
}

export interface TownStatus {
  id: string;
  control: 'held' | 'fallen' | null;
  /** Units garrisoning the town and in place. */
  garrison: number;
  /** Units ordered to garrison it, still on their way. */
  arriving: number;
}

export function townStatuses(ctx: LevelContext, state: Immutable<GameState>): TownStatus[] {
  const control = new Map(state.towns.map((t) => [t.id as string, t.control]));
  const garrison = new Map<string, { ready: number; arriving: number }>();
  for (const unit of state.units) {
    if (unit.task.kind !== 'garrison') continue;
    const entry = garrison.get(unit.task.town) ?? { ready: 0, arriving: 0 };
    if (state.hour >= unit.readyAt) entry.ready += 1;
    else entry.arriving += 1;
    garrison.set(unit.task.town, entry);
  }
  return ctx.level.towns.map((t) => ({
    id: t.id,
    control: control.get(t.id) ?? null,
    garrison: garrison.get(t.id)?.ready ?? 0,
    arriving: garrison.get(t.id)?.arriving ?? 0,
  }));
}

export interface PatrolMarker {
  unit: string;
  road: string;
  /** Still on the way to the road. */
  arriving: boolean;
  /** Index among the patrols on the same road, to set them side by side. */
  slot: number;
}

export function patrolMarkers(state: Immutable<GameState>): PatrolMarker[] {
  const perRoad = new Map<string, number>();
  const out: PatrolMarker[] = [];
  for (const unit of state.units) {
    if (unit.task.kind !== 'patrol') continue;
    const slot = perRoad.get(unit.task.road) ?? 0;
    perRoad.set(unit.task.road, slot + 1);
    out.push({ unit: unit.id, road: unit.task.road, arriving: state.hour < unit.readyAt, slot });
  }
  return out;
}

export interface IntelMarker {
  /** Stable across states while the reports it groups exist: kind and place. */
  key: string;
  kind: Immutable<Intel>['kind'];
  road?: string;
  town?: string;
  /** The highest confidence among the reports grouped here, percent. */
  confidence: number;
  /** Hours since the newest report. */
  ageHours: number;
  reports: number;
  /** Index among the markers at the same place. */
  slot: number;
}

/** Reports of the same kind about the same road or town are shown as one marker. */
export function intelMarkers(state: Immutable<GameState>): IntelMarker[] {
  const byKey = new Map<string, IntelMarker>();
  for (const item of state.intel) {
    const place = item.road ? `road:${item.road}` : item.town ? `town:${item.town}` : null;
    if (!place) continue;
    const key = `${item.kind}@${place}`;
    const age = Math.max(0, state.hour - item.hour);
    const existing = byKey.get(key);
    if (existing) {
      existing.confidence = Math.max(existing.confidence, item.confidence);
      existing.ageHours = Math.min(existing.ageHours, age);
      existing.reports += 1;
    } else {
      byKey.set(key, {
        key,
        kind: item.kind,
        ...(item.road ? { road: item.road } : { town: item.town }),
        confidence: item.confidence,
        ageHours: age,
        reports: 1,
        slot: 0,
      });
    }
  }
  const markers = [...byKey.values()];
  const perPlace = new Map<string, number>();
  for (const m of markers) {
    const place = m.road ?? m.town ?? '';
    m.slot = perPlace.get(place) ?? 0;
    perPlace.set(place, m.slot + 1);
  }
  return markers;
}

/** How strongly to draw a report: fainter when unsure or old (reports are dropped after a few days). */
export function intelEmphasis(marker: Pick<IntelMarker, 'confidence' | 'ageHours'>): { alpha: number; scale: number } {
  const confidence = Math.max(0, Math.min(100, marker.confidence)) / 100;
  const age = marker.ageHours <= 24 ? 1 : marker.ageHours <= 48 ? 0.8 : 0.6;
  return { alpha: Math.round((0.4 + 0.6 * confidence) * age * 100) / 100, scale: Math.round((0.8 + 0.4 * confidence) * 100) / 100 };
}

export interface ConvoyInfo {
  id: number;
  status: ConvoyStatus;
  tankers: number;
  escorts: number;
}

export function convoyInfo(convoy: Immutable<Convoy>): ConvoyInfo {
  return { id: convoy.id, status: convoy.status, tankers: convoy.tankers, escorts: convoy.escort.length };
}

export interface EntryStatus {
  id: string;
  town: string;
  country: string;
  open: boolean;
}

export function entryStatuses(ctx: LevelContext, state: Immutable<GameState>): EntryStatus[] {
  const open = new Map(state.entries.map((e) => [e.id as string, e.open]));
  return ctx.level.entryPoints.map((e) => ({ id: e.id, town: e.town, country: e.country, open: open.get(e.id) ?? false }));
}
