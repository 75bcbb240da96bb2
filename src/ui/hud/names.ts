/** How the interface names the level's things: towns, roads, entry points, units, policies, sectors. */
import { countryName, pick, t } from '../../app/i18n';
import { POLICIES } from '../../levels/constants';
import type { PolicyId, Sector } from '../../levels/schema';
import type { Immutable } from 'immer';
import type { LevelContext } from '../../sim/context';
import type { GameState } from '../../sim/state';

export const townName = (ctx: LevelContext, id: string): string => ctx.towns.get(id)?.name ?? id;

/** Roads have no names in the level: they are called by their two ends, "Kadiana–Kolondiéba". */
export function roadName(ctx: LevelContext, id: string): string {
  const road = ctx.roads.get(id);
  return road ? `${townName(ctx, road.from)}–${townName(ctx, road.to)}` : id;
}

export { countryName };

/** "Zégoua (Côte d'Ivoire)". */
export function entryName(ctx: LevelContext, id: string): string {
  const entry = ctx.entries.get(id);
  return entry ? t('hud.entryName', { town: townName(ctx, entry.town), country: countryName(entry.country) }) : id;
}

export function corridorName(ctx: LevelContext, id: string): string {
  const corridor = ctx.level.corridors.find((c) => c.id === id);
  return corridor ? pick(corridor.name) : id;
}

/**
 * A corridor's name inside a sentence. Levels write names as titles ("Corridor sénégalais (…)");
 * in a French sentence the common noun that begins one takes no capital ("le blocus du corridor
 * sénégalais"). A name that begins with a proper noun ("Senegal corridor") is left as it is.
 */
export function corridorInSentence(ctx: LevelContext, id: string): string {
  const name = corridorName(ctx, id);
  return /^(Corridor|Route|Axe)\b/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

export function unitName(ctx: LevelContext, id: string): string {
  const unit = ctx.level.units.find((u) => u.id === id);
  return unit ? pick(unit.name) : id;
}

const isPolicyId = (id: string): id is PolicyId => (POLICIES as readonly string[]).includes(id);
/** A policy's name; an id the game does not know (from a newer save's news) is shown as it is. */
export const policyName = (id: string): string => (isPolicyId(id) ? t(`hud.policy.${id}`) : id);
export const sectorName = (sector: Sector): string => t(`hud.sector.${sector}`);
/**
 * A convoy by the number the player knows it by: 1, 2, 3… in the order formed (the rules' ids
 * are shared with other things and jump). Found among the convoys on the road and those whose
 * trip ended; an id the state does not know is shown as it is.
 */
/** A convoy by the rules' id (commands, escorts): named by its number, 1, 2, 3 in the order the player formed them. */
export function convoyName(state: Immutable<GameState>, id: number): string {
  return numberedConvoy(state.convoys.find((c) => c.id === id)?.number ?? state.pastConvoys.find((c) => c.id === id)?.number ?? id);
}

/** A convoy by its number, as news and alerts record it. */
export function numberedConvoy(number: number): string {
  return t('hud.convoyName', { id: String(number) });
}

