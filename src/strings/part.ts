/**
 * One part of the string catalogs: English defines the keys, French must give exactly the
 * same ones (a missing or an extra French key is a type error), so every key a page asks
 * for is a checked name rather than a string that could be misspelled.
 */
export interface StringsPart<K extends string = string> {
  readonly en: Readonly<Record<K, string>>;
  readonly fr: Readonly<Record<K, string>>;
}

export function stringsPart<K extends string>(part: { en: Record<K, string>; fr: Record<NoInfer<K>, string> }): StringsPart<K> {
  return part;
}

/** The keys of a part. */
export type KeyOf<P extends StringsPart> = P extends StringsPart<infer K> ? K : never;
