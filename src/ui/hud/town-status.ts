/**
 * Why a rural town stands as it does, in the rules' own terms: a garrison at least as strong
 * as the town's need holds it against any attack (src/sim/rules/blockade.ts); a weaker one
 * fights beside the town's own defenders; nothing strikes before GRACE_HOURS; a fallen town
 * comes back after RETAKE_DAYS nights held by a garrison stronger than its need, once no cell
 * of the group sits in it (src/sim/rules/forces.ts). The map card and the Forces panel show
 * this status, so a town never changes hands without its reason on screen. Pure reads.
 */
import type { Immutable } from 'immer';
import { formatDate, t, tn } from '../../app/i18n';
import { GRACE_HOURS, RETAKE_DAYS } from '../../sim/balance';
import type { LevelContext } from '../../sim/context';
import { garrisonHolds } from '../../sim/rules/blockade';
import { retakeBlocked } from '../../sim/rules/forces';
import { garrisonStrength } from '../../sim/selectors';
import type { GameState } from '../../sim/state';

export type TownStatusKind = 'held' | 'exposed' | 'threatened' | 'fallen' | 'retaking';

export interface TownStatus {
  kind: TownStatusKind;
  /** Garrison strength in place now, and the strength the town needs to hold. */
  garrison: number;
  need: number;
  /** Units ordered to the town and still on their way: their strength and when the last is in place. */
  arriving: { strength: number; at: number } | null;
  /** Before the grace period ends, the hour from which the group may strike. */
  safeUntil: number | null;
  /** The best current intel report of armed men at the town or one move from it (confidence, %). */
  threat: number | null;
  /** When and how it fell (from the rules' news of its fall). */
  fell: { hour: number; garrison: number; need: number } | null;
  /** Fallen towns: nights held so far out of RETAKE_DAYS, or why the retaking does not advance. */
  retake: { nights: number; of: number } | null;
  blocked: 'no-garrison' | 'too-weak' | 'cell-inside' | null;
}

export function townStatus(ctx: LevelContext, state: Immutable<GameState>, id: string): TownStatus | null {
  const town = state.towns.find((x) => x.id === id);
  if (!town) return null;
  const need = ctx.towns.get(id)?.garrisonNeed ?? 0;
  const garrison = garrisonStrength(state, id);
  let coming = 0;
  let comingAt = 0;
  for (const u of state.units) {
    if (u.task.kind !== 'garrison' || u.task.town !== id || state.hour >= u.readyAt) continue;
    coming += u.strength;
    comingAt = Math.max(comingAt, u.readyAt);
  }
  const arriving = coming > 0 ? { strength: coming, at: comingAt } : null;
  const safeUntil = state.hour < GRACE_HOURS ? GRACE_HOURS : null;
  const near = new Set<string>([id, ...(ctx.cellLinks.get(id) ?? []).map((l) => l.to as string)]);
  let threat: number | null = null;
  for (const report of state.intel) if (report.kind === 'cell' && report.town !== undefined && near.has(report.town)) threat = Math.max(threat ?? 0, report.confidence);
  const base = { garrison, need, arriving, safeUntil, threat, fell: null, retake: null, blocked: null };

  if (town.control === 'held') {
    if (garrisonHolds(garrison, need)) return { ...base, kind: 'held' };
    return { ...base, kind: threat !== null ? 'threatened' : 'exposed' };
  }
  let fell: TownStatus['fell'] = null;
  for (const n of state.news) {
    if (n.kind === 'town' && n.facts.town === id && n.facts.fallen) fell = { hour: n.hour, garrison: Number(n.facts.garrison ?? 0), need: Number(n.facts.need ?? need) };
  }
  const blocked = retakeBlocked(ctx, state, id);
  return { ...base, kind: blocked === null ? 'retaking' : 'fallen', fell, retake: { nights: town.retake, of: RETAKE_DAYS }, blocked };
}

const at = (ctx: LevelContext, hour: number): string => formatDate(ctx.level.startDate, hour, true);

/** The status in one line for a list, and its reasons in sentences for the town's card. */
export function townStatusText(ctx: LevelContext, s: TownStatus): { line: string; reasons: string[] } {
  const counts = { garrison: s.garrison, need: s.need };
  const reasons: string[] = [];
  switch (s.kind) {
    case 'held':
      reasons.push(t('hud.townStatus.heldWhy', counts));
      break;
    case 'exposed':
    case 'threatened':
      if (s.threat !== null) reasons.push(t('hud.townStatus.threat', { n: s.threat }));
      reasons.push(t(s.need > 0 ? 'hud.townStatus.weakWhy' : 'hud.townStatus.ownOnlyWhy', counts));
      if (s.safeUntil !== null) reasons.push(t('hud.townStatus.grace', { time: at(ctx, s.safeUntil) }));
      break;
    case 'fallen':
    case 'retaking':
      if (s.fell) reasons.push(t('hud.townStatus.fellWhy', { time: at(ctx, s.fell.hour), garrison: s.fell.garrison, need: s.fell.need }));
      if (s.kind === 'retaking' && s.retake) reasons.push(tn('hud.townStatus.retaking', s.retake.of, { nights: s.retake.nights, need: s.need }));
      else if (s.blocked === 'cell-inside') reasons.push(t('hud.townStatus.cellInside', counts));
      else if (s.blocked === 'too-weak') reasons.push(t('hud.townStatus.tooWeak', counts));
      else reasons.push(t('hud.townStatus.noGarrison', counts));
      break;
  }
  if (s.arriving) reasons.push(t('hud.townStatus.arriving', { n: s.arriving.strength, time: at(ctx, s.arriving.at) }));
  const line =
    s.kind === 'retaking' && s.retake
      ? t('hud.townStatus.line.retaking', { ...counts, nights: s.retake.nights, of: s.retake.of })
      : t(`hud.townStatus.line.${s.kind}`, counts);
  return { line, reasons };
}
