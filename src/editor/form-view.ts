/**
 * Draws a form from a field description (schema-form.ts) and a value: a text box, a number
 * box with its bounds, a list of options, English and French side by side, nested groups,
 * lists, pairs. Every control carries `data-path` (the JSON path of what it edits, e.g.
 * `roads.3.km`) so that a problem of the live check can be shown on it and focused.
 *
 * The form owns no state: each edit goes to the host as (path, new value), and the host
 * redraws the form when the shape changes (a list grows, an optional group is added).
 * Text is set with textContent and value, never parsed as HTML.
 */
import { t } from '../app/i18n';
import { h } from '../ui/dom';
import { pathKey, type JsonPath } from './model';
import { skeleton, type ArrayField, type BilingualField, type FieldModel, type NumberField, type ObjectField, type StringField, type TupleField } from './schema-form';

export interface FormHost {
  /**
   * A field changed; `undefined` removes it. `final` is false while typing and true when the
   * edit is done (the box lost focus, an option was picked); `reshape` asks for a redraw.
   */
  change(path: JsonPath, value: unknown, how: { final: boolean; reshape?: boolean }): void;
  /** Ids the field at `path` may name (a road's towns), offered as suggestions. */
  suggestions(path: JsonPath): readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A DOM id made from a path: `f-roads-3-km`. */
const fieldId = (path: JsonPath): string => `f-${pathKey(path).replace(/[^A-Za-z0-9_-]/g, '_') || 'root'}`;

/** Fields whose text is a name or a headline get one line; other texts get a paragraph. */
const ONE_LINE_TEXTS = new Set(['name', 'title']);

/** "whole number, 0 to 100", "at most 64 characters", "default: 1": the bounds a field states. */
function constraintText(model: FieldModel): string {
  const parts: string[] = [];
  if (model.kind === 'number') {
    if (model.integer) parts.push(t('editor.c.whole'));
    if (model.min !== undefined && model.max !== undefined) parts.push(t('editor.c.range', { min: model.min, max: model.max }));
    else if (model.min !== undefined) parts.push(t('editor.c.min', { min: model.min }));
    else if (model.max !== undefined) parts.push(t('editor.c.max', { max: model.max }));
  } else if (model.kind === 'string') {
    if (model.format === 'url') parts.push(t('editor.c.url'));
    if (model.minLength !== undefined && model.maxLength !== undefined) parts.push(t('editor.c.chars', { min: model.minLength, max: model.maxLength }));
    else if (model.maxLength !== undefined) parts.push(t('editor.c.maxChars', { max: model.maxLength }));
  } else if (model.kind === 'array') {
    if (model.minItems !== undefined && model.maxItems !== undefined) parts.push(t('editor.c.items', { min: model.minItems, max: model.maxItems }));
    else if (model.maxItems !== undefined) parts.push(t('editor.c.maxItems', { max: model.maxItems }));
  }
  if (model.defaultValue !== undefined && (typeof model.defaultValue !== 'object' || model.defaultValue === null)) {
    parts.push(t('editor.c.default', { value: String(model.defaultValue) }));
  } else if (model.optional) parts.push(t('editor.c.optional'));
  return parts.join(' · ');
}

function help(model: FieldModel, id: string): HTMLElement {
  const constraint = constraintText(model);
  return h('p', { class: 'ed-help', id: `${id}-help` }, model.description ?? '', constraint && h('span', { class: 'ed-constraint' }, ` (${constraint})`));
}

/** Where the live check's message for this path appears. */
function problemSlot(path: JsonPath, id: string): HTMLElement {
  return h('p', { class: 'ed-field-problem', id: `${id}-problem`, 'data-problem-for': pathKey(path), hidden: true });
}

function describedBy(id: string): string {
  return `${id}-help ${id}-problem`;
}

const keyLabel = (key: string | number): HTMLElement => h('code', { class: 'ed-key' }, typeof key === 'number' ? `[${key}]` : key);

/** The fields of an object value, in the schema's order, skipping `skip` (the level's lists, drawn elsewhere). */
export function renderObjectFields(model: ObjectField, value: unknown, path: JsonPath, host: FormHost, skip: ReadonlySet<string> = new Set()): HTMLElement[] {
  const record = isRecord(value) ? value : {};
  return model.fields.filter(({ key }) => !skip.has(key)).map(({ key, field }) => renderField(key, field, record[key], [...path, key], host));
}

/** One field of any kind, with its label, help text and problem slot. */
function renderField(key: string | number, model: FieldModel, value: unknown, path: JsonPath, host: FormHost): HTMLElement {
  switch (model.kind) {
    case 'object':
      return group(key, model, value, path, host, () => renderObjectFields(model, value, path, host));
    case 'bilingual':
      return group(key, model, value, path, host, () => [bilingual(key, model, value, path, host)]);
    case 'array':
      return group(key, model, value, path, host, () => [arrayBody(model, value, path, host)]);
    case 'tuple':
      return group(key, model, value, path, host, () => [tupleBody(model, value, path, host)]);
    default:
      return scalar(key, model, value, path, host);
  }
}

/**
 * A fieldset for a field made of parts. An optional group that is absent shows an "Add"
 * button instead of its parts; a present one can be removed.
 */
function group(key: string | number, model: FieldModel, value: unknown, path: JsonPath, host: FormHost, body: () => HTMLElement[]): HTMLElement {
  const id = fieldId(path);
  const absent = value === undefined;
  const set = h('fieldset', { class: `ed-group ed-kind-${model.kind}`, id, 'data-path': pathKey(path), 'aria-describedby': describedBy(id) });
  const legend = h('legend', null, keyLabel(key));
  set.append(legend, help(model, id), problemSlot(path, id));
  if (absent && model.optional) {
    set.append(
      h('button', { type: 'button', class: 'ed-add', onclick: () => host.change(path, skeleton(model), { final: true, reshape: true }) }, t('editor.form.add', { field: String(key) })),
    );
    return set;
  }
  if (model.optional && model.defaultValue === undefined) {
    legend.append(
      ' ',
      h('button', { type: 'button', class: 'ed-remove small', onclick: () => host.change(path, undefined, { final: true, reshape: true }), 'aria-label': t('editor.form.removeField', { field: String(key) }) }, t('editor.form.remove')),
    );
  }
  set.append(...body());
  return set;
}

function bilingual(key: string | number, model: BilingualField, value: unknown, path: JsonPath, host: FormHost): HTMLElement {
  const record = isRecord(value) ? value : {};
  const oneLine = typeof key === 'string' && ONE_LINE_TEXTS.has(key);
  const side = (lang: 'en' | 'fr', part: StringField): HTMLElement => {
    const here = [...path, lang];
    const id = fieldId(here);
    const current = typeof record[lang] === 'string' ? (record[lang] as string) : '';
    const attrs = {
      id,
      lang,
      'data-path': pathKey(here),
      'aria-describedby': `${id}-problem ${fieldId(path)}-help`,
      oninput: (e: Event) => host.change(here, (e.target as HTMLInputElement).value, { final: false }),
      onchange: (e: Event) => host.change(here, (e.target as HTMLInputElement).value, { final: true }),
      ...(part.maxLength !== undefined && { 'data-max': part.maxLength }),
    };
    const control = oneLine ? h('input', { ...attrs, type: 'text', value: current, autocomplete: 'off' }) : h('textarea', { ...attrs, rows: 4 }, current);
    return h('div', { class: 'ed-lang' }, h('label', { for: id }, t(lang === 'en' ? 'editor.form.english' : 'editor.form.french')), control, problemSlot(here, id));
  };
  return h('div', { class: 'ed-bilingual' }, side('en', model.en), side('fr', model.fr));
}

function arrayBody(model: ArrayField, value: unknown, path: JsonPath, host: FormHost): HTMLElement {
  const items = Array.isArray(value) ? value : [];
  const element = model.element;
  // A list of choices ("policies") is a set of boxes to tick, in the schema's order.
  if (element.kind === 'enum') {
    const chosen = new Set(items.map(String));
    const others = items.filter((v) => typeof v !== 'string' || !element.options.includes(v));
    const boxes = element.options.map((option) => {
      const id = `${fieldId(path)}-${option}`;
      return h(
        'label',
        { class: 'ed-check', for: id },
        h('input', {
          id,
          type: 'checkbox',
          checked: chosen.has(option),
          'data-path': `${pathKey(path)}.${option}`,
          onchange: (e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            const next = element.options.filter((o) => (o === option ? on : chosen.has(o)));
            host.change(path, [...next, ...others], { final: true, reshape: true });
          },
        }),
        h('code', null, option),
      );
    });
    return h('div', { class: 'ed-checks' }, ...boxes);
  }
  const rows = items.map((item, i) => {
    const here = [...path, i];
    const move = (to: number): void => {
      const next = [...items];
      const [moved] = next.splice(i, 1);
      next.splice(to, 0, moved);
      host.change(path, next, { final: true, reshape: true });
    };
    const controls = h(
      'div',
      { class: 'ed-row-actions' },
      h('button', { type: 'button', class: 'small', disabled: i === 0, onclick: () => move(i - 1), 'aria-label': t('editor.form.up', { n: i + 1 }) }, '↑'),
      h('button', { type: 'button', class: 'small', disabled: i === items.length - 1, onclick: () => move(i + 1), 'aria-label': t('editor.form.down', { n: i + 1 }) }, '↓'),
      h(
        'button',
        { type: 'button', class: 'small', onclick: () => host.change(path, items.filter((_, j) => j !== i), { final: true, reshape: true }), 'aria-label': t('editor.form.removeItem', { n: i + 1 }) },
        '✕',
      ),
    );
    const field = renderField(i, element, item, here, host);
    return h('li', { class: 'ed-row' }, field, controls);
  });
  const add = h(
    'button',
    { type: 'button', class: 'ed-add', onclick: () => host.change(path, [...items, skeleton(element)], { final: true, reshape: true }) },
    t('editor.form.addItem'),
  );
  return h('div', null, rows.length > 0 ? h('ol', { class: 'ed-rows' }, ...rows) : h('p', { class: 'muted small' }, t('editor.form.empty')), add);
}

function tupleBody(model: TupleField, value: unknown, path: JsonPath, host: FormHost): HTMLElement {
  const items = Array.isArray(value) ? value : [];
  return h('div', { class: 'ed-tuple' }, ...model.items.map((item, i) => renderField(i, item, items[i], [...path, i], host)));
}

/** A number as the user typed it: empty is "no value", anything else a number (the check judges it). */
function readNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function scalar(key: string | number, model: FieldModel, value: unknown, path: JsonPath, host: FormHost): HTMLElement {
  const id = fieldId(path);
  const common = { id, 'data-path': pathKey(path), 'aria-describedby': describedBy(id) };
  let control: HTMLElement;
  switch (model.kind) {
    case 'number':
      control = numberBox(model, value, path, host, common);
      break;
    case 'enum':
    case 'literal': {
      const options = model.kind === 'enum' ? model.options : [String(model.value)];
      const current = value === undefined ? '' : String(value);
      const list = [...(model.optional || value === undefined ? [''] : []), ...options, ...(current !== '' && !options.includes(current) ? [current] : [])];
      control = h(
        'select',
        {
          ...common,
          onchange: (e: Event) => {
            const picked = (e.target as HTMLSelectElement).value;
            const typed = model.kind === 'literal' && picked !== '' ? model.value : picked;
            host.change(path, picked === '' ? undefined : typed, { final: true });
          },
        },
        ...list.map((o) => h('option', { value: o, selected: o === current }, o === '' ? t('editor.form.none') : o)),
      );
      break;
    }
    case 'string':
      control = textBox(key, model, value, path, host, common);
      break;
    default:
      control = jsonBox(value, path, host, common);
  }
  const required = !model.optional;
  if (required) control.querySelector('input')?.setAttribute('aria-required', 'true');
  if (required && control.matches('input, select, textarea')) control.setAttribute('aria-required', 'true');
  return h(
    'div',
    { class: `ed-field ed-kind-${model.kind}` },
    h('div', { class: 'ed-label-row' }, h('label', { for: id }, keyLabel(key)), required ? h('span', { class: 'ed-required', 'aria-hidden': 'true' }, '*') : null),
    control,
    help(model, id),
    problemSlot(path, id),
  );
}

type Common = { id: string; 'data-path': string; 'aria-describedby': string };

function numberBox(model: NumberField, value: unknown, path: JsonPath, host: FormHost, common: Common): HTMLElement {
  const send = (e: Event, final: boolean): void => {
    const n = readNumber((e.target as HTMLInputElement).value);
    host.change(path, n, { final });
  };
  return h('input', {
    ...common,
    type: 'number',
    inputmode: model.integer ? 'numeric' : 'decimal',
    step: model.integer ? 1 : 'any',
    ...(model.min !== undefined && { min: model.min }),
    ...(model.max !== undefined && { max: model.max }),
    value: typeof value === 'number' ? String(value) : '',
    placeholder: model.defaultValue !== undefined ? String(model.defaultValue) : model.example !== undefined ? String(model.example) : '',
    oninput: (e: Event) => send(e, false),
    onchange: (e: Event) => send(e, true),
  });
}

function textBox(key: string | number, model: StringField, value: unknown, path: JsonPath, host: FormHost, common: Common): HTMLElement {
  const listId = `${common.id}-list`;
  const suggestions = host.suggestions(path);
  const idField = key === 'id';
  const send = (e: Event, final: boolean): void => {
    const text = (e.target as HTMLInputElement).value;
    host.change(path, text === '' && model.optional ? undefined : text, { final });
  };
  const input = h('input', {
    ...common,
    type: model.format === 'url' ? 'url' : 'text',
    value: typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value),
    autocomplete: 'off',
    spellcheck: idField || suggestions.length > 0 ? 'false' : null,
    placeholder: model.example !== undefined ? String(model.example) : '',
    ...(suggestions.length > 0 && { list: listId }),
    oninput: (e: Event) => send(e, false),
    onchange: (e: Event) => send(e, true),
  });
  if (suggestions.length === 0) return input;
  return h('span', { class: 'ed-suggest' }, input, h('datalist', { id: listId }, ...suggestions.map((s) => h('option', { value: s }))));
}

/** A field the form does not know how to draw: its JSON, edited as text. */
function jsonBox(value: unknown, path: JsonPath, host: FormHost, common: Common): HTMLElement {
  const sendJson = (e: Event, final: boolean): void => {
    const el = e.target as HTMLTextAreaElement;
    try {
      host.change(path, el.value.trim() === '' ? undefined : (JSON.parse(el.value) as unknown), { final });
      el.removeAttribute('aria-invalid');
    } catch {
      el.setAttribute('aria-invalid', 'true');
    }
  };
  return h(
    'textarea',
    {
      ...common,
      rows: 2,
      class: 'ed-json',
      // Checked as it is typed: text that is not JSON yet is marked, and the draft keeps the last JSON.
      oninput: (e: Event) => sendJson(e, false),
      onchange: (e: Event) => sendJson(e, true),
    },
    value === undefined ? '' : JSON.stringify(value),
  );
}

export interface FieldProblem {
  path: JsonPath;
  message: string;
  severity: 'error' | 'warning';
}

/**
 * Shows the live check's problems on the form: on the field a problem is about, or on the
 * nearest group that is drawn (a missing field of an absent group).
 */
export function markProblems(form: HTMLElement, problems: readonly FieldProblem[]): void {
  const slots = new Map<string, HTMLElement>();
  for (const slot of form.querySelectorAll<HTMLElement>('[data-problem-for]')) {
    slot.hidden = true;
    slot.replaceChildren();
    slots.set(slot.dataset.problemFor ?? '', slot);
  }
  for (const control of form.querySelectorAll<HTMLElement>('[aria-invalid]')) control.removeAttribute('aria-invalid');
  for (const problem of problems) {
    for (let n = problem.path.length; n >= 0; n--) {
      const key = pathKey(problem.path.slice(0, n));
      const slot = slots.get(key);
      if (!slot) continue;
      slot.hidden = false;
      slot.append(h('span', { class: `ed-problem-line ${problem.severity}` }, `${problem.severity === 'error' ? '✕' : '⚠'} ${problem.message}`));
      if (problem.severity === 'error') form.querySelector<HTMLElement>(`[data-path="${CSS.escape(key)}"]`)?.setAttribute('aria-invalid', 'true');
      break;
    }
  }
}
