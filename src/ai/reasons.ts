/**
 * Reasons in words. A blockade move carries a structured reason (a code and its factors);
 * this turns it into a catalog key and parameters, so the game and the debrief can say it
 * in English or French: "Ambushed the Kadiana–Kolondiéba road: 3 of the 4 convoys seen
 * nearby took it, most between 06:00 and 22:00; escort strength 1."
 */
import type { Immutable } from 'immer';
import type { LevelContext } from '../sim/context';
import type { AiMoveRecord } from '../sim/state';
import { AMBUSH_HOURS } from '../sim/balance';
import { PHASES } from './director';

/** The catalog keys of the blockade's reasons (src/strings/ai.ts). */
export type AiReasonKey =
  | 'ai.ambush.habit'
  | 'ai.ambush.unseen'
  | 'ai.ambush.hunt'
  | 'ai.checkpoint'
  | 'ai.attackTown'
  | 'ai.intimidate'
  | 'ai.declareBlockade'
  | 'ai.raidBorder'
  | 'ai.move';

export interface ReasonText {
  key: AiReasonKey;
  params: Record<string, string | number>;
}

function factor(move: Immutable<AiMoveRecord>, name: string): number {
  return move.reason.factors.find((f) => f.name === name)?.value ?? 0;
}

function townName(ctx: LevelContext, id: string): string {
  return ctx.towns.get(id)?.name ?? id;
}

function roadName(ctx: LevelContext, id: string): string {
  const road = ctx.roads.get(id);
  return road ? `${townName(ctx, road.from)}–${townName(ctx, road.to)}` : id;
}

const pad = (hour: number): string => `${String(Math.round(hour) % 24).padStart(2, '0')}:00`;

export function reasonText(ctx: LevelContext, move: Immutable<AiMoveRecord>): ReasonText {
  const phase = PHASES[factor(move, 'phase')] ?? 'buildup';
  const corridor = (id: string) => ctx.level.corridors.find((c) => c.id === id)?.name;
  switch (move.kind) {
    case 'ambush': {
      const seen = factor(move, 'convoysSeen');
      const base = { road: roadName(ctx, move.target), seen, near: factor(move, 'convoysNear'), escort: factor(move, 'escortStrength'), phase };
      if (move.reason.code === 'ambush-hunt') return { key: 'ai.ambush.hunt', params: { ...base, tankers: Math.round(factor(move, 'tankersExpected')) } };
      if (seen === 0) return { key: 'ai.ambush.unseen', params: base };
      const start = factor(move, 'windowStart');
      return { key: 'ai.ambush.habit', params: { ...base, inWindow: factor(move, 'inWindow'), from: pad(start), to: pad(start + AMBUSH_HOURS) } };
    }
    case 'checkpoint':
      return { key: 'ai.checkpoint', params: { road: roadName(ctx, move.target), seen: factor(move, 'convoysSeen'), escort: factor(move, 'escortStrength'), phase } };
    case 'attackTown':
      return { key: 'ai.attackTown', params: { town: townName(ctx, move.target), garrison: factor(move, 'garrison'), strength: factor(move, 'strength'), phase } };
    case 'intimidate':
      return { key: 'ai.intimidate', params: { corridorEn: corridor(move.target)?.en ?? move.target, corridorFr: corridor(move.target)?.fr ?? move.target, seen: factor(move, 'convoysSeen'), phase } };
    case 'declareBlockade':
      return { key: 'ai.declareBlockade', params: { corridorEn: corridor(move.target)?.en ?? move.target, corridorFr: corridor(move.target)?.fr ?? move.target, seen: factor(move, 'convoysSeen'), phase } };
    case 'raidBorder': {
      const entry = ctx.entries.get(move.target);
      return { key: 'ai.raidBorder', params: { town: townName(ctx, entry?.town ?? move.target), waiting: factor(move, 'waiting'), strength: factor(move, 'strength'), phase } };
    }
    case 'move':
      return { key: 'ai.move', params: { town: townName(ctx, move.target), exposed: factor(move, 'exposedTown') > 0 ? 1 : 0, phase } };
  }
}
