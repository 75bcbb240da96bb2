/**
 * A tiny typed element builder for the HUD, the debrief and the tutorial. Text always goes
 * in through `textContent` (content strings come from level files and must never be parsed
 * as HTML; the built page's CSP forbids it anyway). Written by hand because the whole
 * helper is smaller than any library that would do it.
 */

export type Child = Node | string | number | null | undefined | false;

/** Any one-argument listener; `h` attaches it with addEventListener. */
type Handler = (event: never) => void;

export interface Attrs {
  class?: string;
  id?: string;
  /** `aria-*`, `data-*`, `role`, `for`, `type`… set with setAttribute; `false`/`null` leaves them out. */
  [name: string]: string | number | boolean | null | undefined | Handler;
}

/** `h('button', { class: 'primary', onclick: go }, 'Dispatch')`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (name.startsWith('on') && typeof value === 'function') {
        el.addEventListener(name.slice(2), value as unknown as EventListener);
      } else if (name === 'class') el.className = String(value);
      else if (name === 'hidden') el.hidden = Boolean(value);
      else if (name === 'disabled' || name === 'checked' || name === 'selected') (el as unknown as Record<string, boolean>)[name] = Boolean(value);
      else if (name === 'value') (el as unknown as { value: string }).value = String(value);
      else el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Write text only when it changed, so that per-frame updates cost nothing (and screen readers hear nothing). */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

export function setAttr(el: Element, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

export function toggleClass(el: Element, name: string, on: boolean): void {
  if (el.classList.contains(name) !== on) el.classList.toggle(name, on);
}

let idCounter = 0;
/** A unique id for label/aria wiring. */
export const uid = (prefix: string): string => `${prefix}-${++idCounter}`;

/**
 * Keep a container's children in step with a list of items, by key: existing elements are
 * reused, new ones created, stale ones removed; `update` then runs for every item, new or
 * old. Focus stays on a reused element.
 */
export function syncList<T>(
  container: Element,
  items: readonly T[],
  key: (item: T) => string,
  create: (item: T) => HTMLElement,
  update?: (el: HTMLElement, item: T) => void,
): void {
  const existing = new Map<string, HTMLElement>();
  for (const child of Array.from(container.children)) {
    const k = (child as HTMLElement).dataset.key;
    if (k !== undefined) existing.set(k, child as HTMLElement);
  }
  let cursor: Element | null = container.firstElementChild;
  for (const item of items) {
    const k = key(item);
    let el = existing.get(k);
    if (el) existing.delete(k);
    else {
      el = create(item);
      el.dataset.key = k;
    }
    update?.(el, item);
    if (el !== cursor) container.insertBefore(el, cursor);
    else cursor = cursor.nextElementSibling;
  }
  for (const stale of existing.values()) stale.remove();
}

/** Options of a `<select>`, rebuilt only when their values or labels change (an open list is left alone otherwise). */
export function syncOptions(select: HTMLSelectElement, options: readonly { value: string; label: string; disabled?: boolean }[]): void {
  const signature = options.map((o) => `${o.value}\u0001${o.label}\u0001${o.disabled ? 1 : 0}`).join('\u0002');
  if (select.dataset.sig === signature) return;
  const keep = select.value;
  select.replaceChildren(...options.map((o) => h('option', { value: o.value, disabled: o.disabled }, o.label)));
  select.dataset.sig = signature;
  if (options.some((o) => o.value === keep && !o.disabled)) select.value = keep;
}

/** Inputs whose Space key is their own: a button-like input is pressed like any button. */
const SPACELESS_INPUTS = new Set(['button', 'submit', 'reset', 'image', 'range']);

/**
 * A field that uses the Space key itself: text (typing a space), a checkbox or radio (ticking
 * it), a list of options. Buttons, tabs, links and sliders do not.
 */
export function usesSpace(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !SPACELESS_INPUTS.has(target.type);
  return target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Saves text as a file through the browser's own download (nothing leaves the machine). */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
