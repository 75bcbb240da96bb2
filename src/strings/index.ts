/**
 * The string catalogs, one module per part of the interface, merged here. The game page
 * loads its parts at once; the instructor's pages and the editor add their own with
 * `addStrings` (the game does not load them). English defines the keys and French is typed
 * against it (see `stringsPart`), and `StringKey` is every key of every part, so `t()`
 * accepts only a key that exists.
 */
import { ai } from './ai';
import type { dashboard } from './dashboard';
import { debrief } from './debrief';
import type { editor } from './editor';
import { hudParts } from './hud';
import { lessons } from './lessons';
import type { instructor } from './instructor';
import { map } from './map';
import { menu } from './menu';
import type { KeyOf, StringsPart } from './part';
import { reasons } from './reasons';

export type { StringsPart } from './part';

export const gameParts = [menu, map, ...hudParts, debrief, lessons, ai, reasons] as const;

type PageParts = typeof instructor | typeof dashboard | typeof editor;

/** Every key of every catalog. */
export type StringKey = KeyOf<(typeof gameParts)[number] | PageParts>;

type Stem<K, Form extends string> = K extends `${infer S}.${Form}` ? S : never;
/** A count's key: `key.one` and `key.other` both exist (see `tn`). */
export type PluralKey = Stem<StringKey, 'one'> & Stem<StringKey, 'other'>;

type Catalog = Partial<Record<StringKey, string>>;

export const catalogs: { en: Catalog; fr: Catalog } = {
  en: Object.assign({}, ...gameParts.map((p) => p.en)) as Catalog,
  fr: Object.assign({}, ...gameParts.map((p) => p.fr)) as Catalog,
};

/** Add a page's own strings (the instructor's setup page, the class dashboard, the editor). */
export function addStrings<K extends KeyOf<PageParts>>(part: StringsPart<K>): void {
  Object.assign(catalogs.en, part.en);
  Object.assign(catalogs.fr, part.fr);
}

/** Whether a key read from outside the code (an HTML `data-i18n` attribute) names a string. */
export const isStringKey = (key: string): key is StringKey => key in catalogs.en;
