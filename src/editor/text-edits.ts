/**
 * A level file rewritten to hold an edited value, with every part the edit did not touch
 * kept as it was written: its line breaks, its one-line towns, its spacing. The file is
 * changed at each place the new value differs from the old, never re-serialised, so a
 * designer's diff shows what they changed and nothing else. A value written new follows
 * the layout of its neighbours: on one line beside one-line siblings (a town added to a list
 * of one-line towns), one field per line otherwise.
 *
 * The edits are written here rather than with jsonc-parser's `modify`, which re-formats the
 * whole object around an edit and would break a one-line town into eight lines; jsonc-parser
 * still finds where each part of the text is.
 */
import { findNodeAtLocation, getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { JsonPath } from './model';

export interface Layout {
  /** Field names of the object at `path`, in the order a new field is placed among them. */
  order(path: JsonPath): readonly string[];
  /** A value about to be written new (a town added, a field filled in), ready to print. */
  prepare(path: JsonPath, value: unknown): unknown;
}

/**
 * `text` rewritten so that it holds `value`, or undefined when `text` is not a JSON object
 * that can be edited in place (a syntax error): the caller writes the value out afresh.
 */
export function rewriteJson(text: string, value: unknown, layout: Layout): string | undefined {
  const first = tree(text);
  if (first === undefined || first.type !== 'object') return undefined;
  let out = text;
  const edit = (offset: number, length: number, content: string): void => {
    out = out.slice(0, offset) + content + out.slice(offset + length);
  };
  const nodeAt = (path: JsonPath): Node | undefined => {
    const root = tree(out);
    return root && findNodeAtLocation(root, [...path]);
  };
  /** The member at the end of `path` goes, with the comma and the line break that separated it from its neighbour. */
  const remove = (path: JsonPath): void => {
    const container = nodeAt(path.slice(0, -1));
    const last = path[path.length - 1];
    const members = container?.children ?? [];
    const i = typeof last === 'number' ? last : members.findIndex((p) => p.children?.[0]?.value === last);
    const member = members[i];
    if (!container || !member) return;
    const next = members[i + 1];
    const previous = members[i - 1];
    if (next) edit(member.offset, next.offset - member.offset, '');
    else if (previous) edit(previous.offset + previous.length, member.offset + member.length - (previous.offset + previous.length), '');
    else edit(container.offset + 1, container.length - 2, '');
  };
  const replace = (path: JsonPath, next: unknown): void => {
    const node = nodeAt(path);
    if (!node) return;
    const oneLine = !out.slice(node.offset, node.offset + node.length).includes('\n');
    edit(node.offset, node.length, oneLine ? inline(next) : block(next, indentOf(out, node.offset)));
  };
  /** A new member of the object or array at `path`, at `index` among the members it has. */
  const insert = (path: JsonPath, index: number, member: (oneLine: boolean, indent: string) => string): void => {
    const container = nodeAt(path);
    if (!container) return;
    const members = container.children ?? [];
    const raw = out.slice(container.offset, container.offset + container.length);
    const sibling = members[Math.min(index, members.length - 1)];
    const siblingText = sibling ? out.slice(sibling.offset, sibling.offset + sibling.length) : '';
    const oneLine = !raw.includes('\n');
    // Beside one-line siblings on lines of their own (towns, roads), a new one-line sibling.
    const inlineMember = oneLine || (sibling !== undefined && !siblingText.includes('\n'));
    if (members.length === 0) {
      const indent = indentOf(out, container.offset);
      const inner = oneLine ? ` ${member(true, indent)} ` : `\n${indent}  ${member(false, `${indent}  `)}\n${indent}`;
      edit(container.offset + 1, container.length - 2, inner);
      return;
    }
    const anchor = members[Math.min(index, members.length) === members.length ? members.length - 1 : index]!;
    const separator = oneLine ? ' ' : `\n${indentOf(out, anchor.offset)}`;
    const content = member(inlineMember, indentOf(out, anchor.offset));
    if (index >= members.length) edit(anchor.offset + anchor.length, 0, `,${separator}${content}`);
    else edit(anchor.offset, 0, `${content},${separator}`);
  };
  const walk = (path: JsonPath, before: unknown, after: unknown): void => {
    if (sameJson(before, after)) return;
    if (Array.isArray(before) && Array.isArray(after)) {
      // One item taken out or put in (a town deleted, a road added): that item's line changes, not those after it.
      const one = oneDifference(before, after);
      if (one !== undefined) {
        if (before.length > after.length) remove([...path, one]);
        else {
          const next = layout.prepare([...path, one], after[one]);
          insert(path, one, (oneLine, indent) => (oneLine ? inline(next) : block(next, indent)));
        }
        return;
      }
      const common = Math.min(before.length, after.length);
      for (let i = 0; i < common; i++) walk([...path, i], before[i], after[i]);
      for (let i = common; i < after.length; i++) {
        const next = layout.prepare([...path, i], after[i]);
        insert(path, i, (oneLine, indent) => (oneLine ? inline(next) : block(next, indent)));
      }
      for (let i = before.length - 1; i >= after.length; i--) remove([...path, i]);
      return;
    }
    if (isRecord(before) && isRecord(after)) {
      for (const key of Object.keys(before)) if (!(key in after) || after[key] === undefined) remove([...path, key]);
      const order = layout.order(path);
      for (const [key, child] of Object.entries(after)) {
        if (child === undefined) continue;
        if (key in before && before[key] !== undefined) {
          walk([...path, key], before[key], child);
          continue;
        }
        const next = layout.prepare([...path, key], child);
        const present = (nodeAt(path)?.children ?? []).map((p) => String(p.children?.[0]?.value));
        insert(path, insertionIndex(order, present, key), (oneLine, indent) => `${JSON.stringify(key)}: ${oneLine ? inline(next) : block(next, indent)}`);
      }
      return;
    }
    replace(path, layout.prepare(path, after));
  };
  walk([], getNodeValue(first) as unknown, value);
  return out;
}

/** The index of the one item that `shorter` lacks (or `longer` adds), when that is the only difference. */
function oneDifference(a: readonly unknown[], b: readonly unknown[]): number | undefined {
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  if (longer.length !== shorter.length + 1) return undefined;
  let k = 0;
  while (k < shorter.length && sameJson(shorter[k], longer[k])) k++;
  for (let i = k; i < shorter.length; i++) if (!sameJson(shorter[i], longer[i + 1])) return undefined;
  return k;
}

function tree(text: string): Node | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  return errors.length > 0 ? undefined : root;
}

/** The spaces that start the line `offset` is on. */
function indentOf(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

/** One line, spaced as the shipped levels write their one-line towns: `{ "id": "kati", "lat": 12.7 }`. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (isRecord(value)) {
    const fields = Object.entries(value).filter(([, v]) => v !== undefined);
    return fields.length === 0 ? '{}' : `{ ${fields.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** One field per line, two spaces deeper than `indent` (the indentation of the line it starts on). */
function block(value: unknown, indent: string): string {
  return (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${indent}`);
}

/** Where `key` goes among `properties` (as written): before the first that comes after it in `order`. */
function insertionIndex(order: readonly string[], properties: readonly string[], key: string): number {
  const rank = (name: string): number => {
    const at = order.indexOf(name);
    return at < 0 ? order.length : at;
  };
  const mine = rank(key);
  const after = properties.findIndex((name) => rank(name) > mine);
  return after < 0 ? properties.length : after;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return false;
}
