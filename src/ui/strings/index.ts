/**
 * String catalogs, one module per part of the interface, merged here. A test checks that
 * English and French have exactly the same keys.
 */
import { menu } from './menu';

type Catalog = Record<string, string>;
interface Part {
  en: Catalog;
  fr: Catalog;
}

const parts: Part[] = [menu];

export const catalogs: { en: Catalog; fr: Catalog } = {
  en: Object.assign({}, ...parts.map((p) => p.en)),
  fr: Object.assign({}, ...parts.map((p) => p.fr)),
};

export const catalogParts = parts;
