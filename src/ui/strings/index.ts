/**
 * The game page's string catalogs, one module per part of the interface, merged here. The
 * instructor's pages add their own parts with `addStrings` (they are not loaded by the
 * game). A test checks that English and French have exactly the same keys in every part.
 */
import { ai } from './ai';
import { debrief } from './debrief';
import { hud } from './hud';
import { map } from './map';
import { menu } from './menu';
import { reasons } from './reasons';

export type Catalog = Record<string, string>;
export interface StringsPart {
  en: Catalog;
  fr: Catalog;
}

export const gameParts: StringsPart[] = [menu, map, hud, debrief, ai, reasons];

export const catalogs: { en: Catalog; fr: Catalog } = {
  en: Object.assign({}, ...gameParts.map((p) => p.en)),
  fr: Object.assign({}, ...gameParts.map((p) => p.fr)),
};

/** Add a page's own strings (the instructor's setup page, the class dashboard). */
export function addStrings(part: StringsPart): void {
  Object.assign(catalogs.en, part.en);
  Object.assign(catalogs.fr, part.fr);
}
