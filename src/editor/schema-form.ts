/**
 * The editor's forms are generated from the level schema, not written by hand: this module
 * reads a zod 4 schema (its `_zod.def`: the type, the checks, the wrappers) and turns it into
 * a plain description of the fields a form needs (kind, bounds, options, default, help
 * text). Pure: no DOM, so it is tested under Node, and the same description drives the
 * file's field order when the editor writes a level out.
 *
 * Only what the level format uses is understood (object, string, number, enum, literal,
 * array, tuple, optional, default); anything else becomes an `unknown` field, which the
 * form shows as raw JSON rather than hiding it.
 */
import { z } from 'zod';

export type JsonPath = readonly (string | number)[];

interface Common {
  /** A missing value is allowed (optional, or has a default). */
  optional: boolean;
  /** The value the game uses when the field is left out. */
  defaultValue?: unknown;
  /** The schema's description of the field: what it means, its unit, an example. */
  description?: string;
  /** The schema's first example value, shown as a placeholder. */
  example?: unknown;
}

export interface StringField extends Common {
  kind: 'string';
  minLength?: number;
  maxLength?: number;
  /** Source of the regular expression the text must match. */
  pattern?: string;
  /** A named format such as "url". */
  format?: string;
}

export interface NumberField extends Common {
  kind: 'number';
  min?: number;
  max?: number;
  integer: boolean;
}

export interface EnumField extends Common {
  kind: 'enum';
  options: string[];
}

export interface LiteralField extends Common {
  kind: 'literal';
  value: string | number | boolean | null;
}

/** Text shown to players in English and French: `{ en, fr }`, written side by side. */
export interface BilingualField extends Common {
  kind: 'bilingual';
  en: StringField;
  fr: StringField;
}

export interface ObjectField extends Common {
  kind: 'object';
  fields: { key: string; field: FieldModel }[];
}

export interface ArrayField extends Common {
  kind: 'array';
  element: FieldModel;
  minItems?: number;
  maxItems?: number;
}

export interface TupleField extends Common {
  kind: 'tuple';
  items: FieldModel[];
}

export interface UnknownField extends Common {
  kind: 'unknown';
  zodType: string;
}

export type FieldModel = StringField | NumberField | EnumField | LiteralField | BilingualField | ObjectField | ArrayField | TupleField | UnknownField;

type Schema = z.core.$ZodType;

const cache = new WeakMap<Schema, FieldModel>();

/** The form description of a zod schema (cached: the level schema is read once). */
export function fieldModel(schema: Schema): FieldModel {
  let model = cache.get(schema);
  if (!model) {
    model = build(schema);
    cache.set(schema, model);
  }
  return model;
}

function metaOf(schema: Schema): { description?: string; example?: unknown } {
  const meta = z.globalRegistry.get(schema);
  const examples = meta?.examples;
  const example = Array.isArray(examples) ? examples[0] : undefined;
  return { ...(meta?.description !== undefined && { description: meta.description }), ...(example !== undefined && { example }) };
}

/** Unwraps optional and default, keeping the outermost description and example (zod puts `.describe()` on the wrapper it was called on). */
function build(schema: Schema): FieldModel {
  let optional = false;
  let defaultValue: unknown;
  let { description, example } = metaOf(schema);
  let inner: Schema = schema;
  for (;;) {
    const def = (inner as z.core.$ZodTypes)._zod.def;
    if (def.type === 'optional') {
      optional = true;
      inner = def.innerType;
    } else if (def.type === 'default') {
      optional = true;
      defaultValue = def.defaultValue;
      inner = def.innerType;
    } else break;
    const meta = metaOf(inner);
    description ??= meta.description;
    example ??= meta.example;
  }
  const common: Common = {
    optional,
    ...(defaultValue !== undefined && { defaultValue }),
    ...(description !== undefined && { description }),
    ...(example !== undefined && { example }),
  };
  return { ...bare(inner as z.core.$ZodTypes), ...common } as FieldModel;
}

type Bare<F> = F extends Common ? Omit<F, keyof Common> : never;

function bare(schema: z.core.$ZodTypes): Bare<FieldModel> {
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
      return stringField(def.checks ?? []);
    case 'number':
      return numberField(def.checks ?? []);
    case 'enum':
      return { kind: 'enum', options: Object.values(def.entries).map(String) };
    case 'literal': {
      const value = def.values[0];
      return { kind: 'literal', value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null };
    }
    case 'object': {
      const fields = Object.entries(def.shape).map(([key, child]) => ({ key, field: fieldModel(child) }));
      const en = fields.find((f) => f.key === 'en')?.field;
      const fr = fields.find((f) => f.key === 'fr')?.field;
      if (fields.length === 2 && en?.kind === 'string' && fr?.kind === 'string' && !en.optional && !fr.optional) return { kind: 'bilingual', en, fr };
      return { kind: 'object', fields };
    }
    case 'array': {
      const { min, max } = lengthChecks(def.checks ?? []);
      return { kind: 'array', element: fieldModel(def.element), ...(min !== undefined && { minItems: min }), ...(max !== undefined && { maxItems: max }) };
    }
    case 'tuple':
      return { kind: 'tuple', items: def.items.map((item) => fieldModel(item)) };
    default:
      return { kind: 'unknown', zodType: def.type };
  }
}

function checkDefs(checks: readonly z.core.$ZodCheck<never>[]): z.core.$ZodCheckDef[] {
  return checks.map((c) => c._zod.def);
}

function lengthChecks(checks: readonly z.core.$ZodCheck<never>[]): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  for (const def of checkDefs(checks)) {
    if (def.check === 'min_length') out.min = (def as z.core.$ZodCheckMinLengthDef).minimum;
    else if (def.check === 'max_length') out.max = (def as z.core.$ZodCheckMaxLengthDef).maximum;
  }
  return out;
}

function stringField(checks: readonly z.core.$ZodCheck<never>[]): Bare<StringField> {
  const { min, max } = lengthChecks(checks);
  const field: Bare<StringField> = { kind: 'string', ...(min !== undefined && { minLength: min }), ...(max !== undefined && { maxLength: max }) };
  for (const def of checkDefs(checks)) {
    if (def.check !== 'string_format') continue;
    const format = def as z.core.$ZodCheckStringFormatDef;
    if (format.format === 'regex' && format.pattern) field.pattern = format.pattern.source;
    else field.format = format.format;
  }
  return field;
}

function numberField(checks: readonly z.core.$ZodCheck<never>[]): Bare<NumberField> {
  const field: Bare<NumberField> = { kind: 'number', integer: false };
  for (const def of checkDefs(checks)) {
    if (def.check === 'number_format') {
      const format = (def as z.core.$ZodCheckNumberFormatDef).format;
      if (format === 'int32' || format === 'uint32' || format === 'safeint') field.integer = true;
    } else if (def.check === 'greater_than') {
      const { value, inclusive } = def as z.core.$ZodCheckGreaterThanDef;
      // The level format only uses inclusive bounds; a strict one is shown as its nearest whole step.
      field.min = Number(value) + (inclusive ? 0 : field.integer ? 1 : Number.EPSILON);
    } else if (def.check === 'less_than') {
      const { value, inclusive } = def as z.core.$ZodCheckLessThanDef;
      field.max = Number(value) - (inclusive ? 0 : field.integer ? 1 : Number.EPSILON);
    }
  }
  return field;
}

/** The field found by following `path` from `model` (array indices pick the element). */
export function modelAt(model: FieldModel, path: JsonPath): FieldModel | undefined {
  let here: FieldModel | undefined = model;
  for (const segment of path) {
    if (!here) return undefined;
    if (here.kind === 'object') here = here.fields.find((f) => f.key === segment)?.field;
    else if (here.kind === 'bilingual') here = segment === 'en' ? here.en : segment === 'fr' ? here.fr : undefined;
    else if (here.kind === 'array') here = typeof segment === 'number' ? here.element : undefined;
    else if (here.kind === 'tuple') here = typeof segment === 'number' ? here.items[segment] : undefined;
    else return undefined;
  }
  return here;
}

/**
 * A new value that fills in what a field requires: defaults where the schema has one, the
 * lowest allowed number, the first option, empty text (which the live check then asks the
 * designer to write). Optional fields without a default are left out.
 */
export function skeleton(model: FieldModel): unknown {
  if (model.defaultValue !== undefined) return structuredClone(model.defaultValue);
  switch (model.kind) {
    case 'string':
      return '';
    case 'number':
      return Math.max(model.min ?? 0, Math.min(model.max ?? 0, 0));
    case 'enum':
      return model.options[0] ?? '';
    case 'literal':
      return model.value;
    case 'bilingual':
      return { en: '', fr: '' };
    case 'object':
      return Object.fromEntries(model.fields.filter(({ field }) => !field.optional || field.defaultValue !== undefined).map(({ key, field }) => [key, skeleton(field)]));
    case 'array':
      return [];
    case 'tuple':
      return model.items.map(skeleton);
    case 'unknown':
      return null;
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitive = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/**
 * A copy of `value` with every object's fields in the schema's order (fields the schema
 * does not know come last, so the check can still point at them), and without fields that
 * only repeat a simple default (`"garrisonNeed": 0`), as hand-written levels do.
 */
export function orderBySchema(value: unknown, model: FieldModel | undefined): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) => orderBySchema(item, model?.kind === 'array' ? model.element : model?.kind === 'tuple' ? model.items[i] : undefined));
  }
  if (!isPlainObject(value)) return value;
  const fields = model?.kind === 'object' ? model.fields : model?.kind === 'bilingual' ? [{ key: 'en', field: model.en }, { key: 'fr', field: model.fr }] : [];
  const out: Record<string, unknown> = {};
  for (const { key, field } of fields) {
    if (!(key in value) || value[key] === undefined) continue;
    const child = value[key];
    if (field.defaultValue !== undefined && isPrimitive(field.defaultValue) && child === field.defaultValue) continue;
    out[key] = orderBySchema(child, field);
  }
  for (const [key, child] of Object.entries(value)) if (!(key in out) && !fields.some((f) => f.key === key) && child !== undefined) out[key] = orderBySchema(child, undefined);
  return out;
}
