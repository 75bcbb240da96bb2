/**
 * The map's fixed text, drawn into the atlas before the map starts: town names, the notes
 * under them in every state they can be in (a border town's country, open or closed; a
 * fallen town), corridor names and their blockade note. The frame names are shared with the
 * scene, which only switches between frames as the game changes. With the confidence of
 * intelligence reports (every whole percentage), the map draws no text while it plays.
 */
import { formatPercent, pick, t } from '../app/i18n';
import type { LevelContext } from '../sim/context';
import type { MapAtlas, TextLook } from './atlas';
import { COLORS, SIZES } from './style';

/** CSS pixels, with a dark outline so that labels read on any ground. */
const LOOK = {
  town: { size: SIZES.townLabel, weight: 'normal', color: COLORS.labelText, stroke: COLORS.labelStroke, strokeWidth: 3 },
  capital: { size: SIZES.capitalLabel, weight: 'bold', color: COLORS.labelText, stroke: COLORS.labelStroke, strokeWidth: 3 },
  townNote: { size: SIZES.townLabel - 2, weight: 'normal', color: COLORS.labelMuted, stroke: COLORS.labelStroke, strokeWidth: 3 },
  fallenNote: { size: SIZES.townLabel - 2, weight: 'normal', color: COLORS.fallenText, stroke: COLORS.labelStroke, strokeWidth: 3 },
  corridor: { size: SIZES.corridorLabel, weight: 'normal', italic: true, color: COLORS.corridorText, stroke: COLORS.labelStroke, strokeWidth: 3 },
  blockade: { size: SIZES.corridorLabel, weight: 'bold', color: COLORS.blockadeText, stroke: COLORS.labelStroke, strokeWidth: 3 },
  confidence: { size: SIZES.intelLabel, weight: 'bold', color: COLORS.intelText, stroke: COLORS.labelStroke, strokeWidth: 3 },
} as const satisfies Record<string, TextLook>;

/** Atlas frame names of the map's text. */
export const TEXT_FRAME = {
  townName: (town: string): string => `name:${town}`,
  entryNote: (entry: string, open: boolean): string => `note:${entry}:${open ? 'open' : 'closed'}`,
  fallen: 'note:fallen',
  corridor: (corridor: string): string => `corridor:${corridor}`,
  blockade: 'corridor:blockade',
  /** An intelligence report's confidence, a whole percentage (0–100). */
  confidence: (percent: number): string => `confidence:${Math.max(0, Math.min(100, Math.round(percent)))}`,
} as const;

/** Every piece of fixed text the level's map can show, into `atlas`. `country(iso2)`: a country's name in the page's language. */
export function drawMapText(atlas: MapAtlas, ctx: LevelContext, country: (iso2: string) => string, upper: (text: string) => string): void {
  for (const town of ctx.level.towns) atlas.text(TEXT_FRAME.townName(town.id), town.name, town.kind === 'capital' ? LOOK.capital : LOOK.town);
  for (const entry of ctx.level.entryPoints) {
    const name = upper(country(entry.country));
    atlas.text(TEXT_FRAME.entryNote(entry.id, true), name, LOOK.townNote);
    atlas.text(TEXT_FRAME.entryNote(entry.id, false), `${name} · ${t('map.closed')}`, LOOK.townNote);
  }
  atlas.text(TEXT_FRAME.fallen, t('map.fallen'), LOOK.fallenNote);
  // "Côte d'Ivoire corridor (RN7)" on the map reads "Côte d'Ivoire corridor": the road's number is on the panel.
  for (const corridor of ctx.level.corridors) atlas.text(TEXT_FRAME.corridor(corridor.id), pick(corridor.name).replace(/\s*\(.*\)\s*$/, ''), LOOK.corridor);
  atlas.text(TEXT_FRAME.blockade, t('map.blockade'), LOOK.blockade);
  // Every confidence a report can have, so that new reports during play need no new picture.
  for (let percent = 0; percent <= 100; percent++) atlas.text(TEXT_FRAME.confidence(percent), formatPercent(percent), LOOK.confidence);
}
