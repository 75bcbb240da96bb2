/**
 * The big moments that stop the clock: a town lost, a convoy attacked, public trust falling
 * into its failing band, the depot down to a day of the plan in force. Read from what
 * changed between two states (the rules' news and figures), never decided by the rules: the
 * game plays the same whether the clock stops or not. Pure (no DOM), so it is tested as a table.
 */
import type { Immutable } from 'immer';
import type { LevelContext } from '../../sim/context';
import type { GameState, NewsItem } from '../../sim/state';
import { daysAtPlan, num } from '../hud/model';

/** Trust under this is the HUD's failing band (see trustBand): the city nears collapse at 0. */
export const TRUST_ALERT = 25;
/** Days of the plan in force at or under which the depot is about to run dry (at one day, the next night empties it). */
export const COVER_ALERT_DAYS = 1;

export type Alert =
  | { kind: 'townLost'; hour: number; town: string; garrison: number; need: number }
  | { kind: 'convoyAttacked'; hour: number; convoy: number; road: string; lost: number; left: number; escorted: boolean }
  | { kind: 'attackRepelled'; hour: number; convoy: number; road: string; lost: number }
  | { kind: 'borderRaid'; hour: number; entry: string; lost: number }
  | { kind: 'trustLow'; hour: number; trust: number; threshold: number }
  | { kind: 'stockLow'; hour: number; days: number; stockL: number };
export type AlertKind = Alert['kind'];

function newsAlert(item: Immutable<NewsItem>): Alert | null {
  const f = item.facts;
  switch (item.kind) {
    case 'town':
      return f.fallen ? { kind: 'townLost', hour: item.hour, town: String(f.town), garrison: num(f.garrison), need: num(f.need) } : null;
    case 'attack':
      return { kind: 'convoyAttacked', hour: item.hour, convoy: num(f.convoy), road: String(f.road), lost: num(f.lost), left: num(f.left), escorted: num(f.escorted) === 1 };
    case 'repelled':
      return { kind: 'attackRepelled', hour: item.hour, convoy: num(f.convoy), road: String(f.road), lost: num(f.lost) };
    case 'raid':
      return { kind: 'borderRaid', hour: item.hour, entry: String(f.entry), lost: num(f.lost) };
    default:
      return null;
  }
}

/**
 * The alerts between `before` and `after` (one or many game hours apart), in the order they
 * happened: the news items added since (news is only ever appended), then the thresholds
 * crossed downwards. A figure already under its threshold does not alert again.
 */
export function detectAlerts(ctx: LevelContext, before: Immutable<GameState>, after: Immutable<GameState>): Alert[] {
  if (before === after || after.news.length < before.news.length) return [];
  const alerts: Alert[] = [];
  for (let i = before.news.length; i < after.news.length; i++) {
    const alert = newsAlert(after.news[i]!);
    if (alert) alerts.push(alert);
  }
  if (after.city.trust < TRUST_ALERT && before.city.trust >= TRUST_ALERT) alerts.push({ kind: 'trustLow', hour: after.hour, trust: after.city.trust, threshold: TRUST_ALERT });
  const cover = daysAtPlan(ctx, after);
  if (cover <= COVER_ALERT_DAYS && daysAtPlan(ctx, before) > COVER_ALERT_DAYS) alerts.push({ kind: 'stockLow', hour: after.hour, days: cover, stockL: after.fuel.stockL });
  return alerts;
}
