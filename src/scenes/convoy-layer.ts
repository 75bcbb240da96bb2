/**
 * Convoys on the map: a dot on the road where the convoy is, and beside it a pill with its
 * number of tankers, a status badge (held, halted, turning back), an arrow for the direction
 * of travel and a shield per escort unit. Between hourly ticks they glide along their route
 * (see Glide); convoys that would be drawn on top of each other share one pill.
 *
 * They are HTML elements over the map's canvas, not WebGL sprites: they are what moves all
 * the time, and a moving element only asks the browser to composite a few small layers,
 * where redrawing the map under them would cost every pixel of the canvas each frame (far too
 * much where WebGL is software-rendered). The elements are hidden from assistive technology:
 * the HUD lists every convoy in words.
 */
import type { Immutable } from 'immer';
import type { LevelContext } from '../sim/context';
import type { Convoy, GameState } from '../sim/state';
import { ICON, PILL, type IconImage, type IconKey } from './icons';
import type { Box } from './labels';
import { pointAlong, routeKmOf, routeLengthKm, routePathOf, upNormal, type MapLayout, type RoutePath } from './layout';
import { convoyInfo, type ConvoyInfo } from './model';
import { Glide } from './motion';
import type { Point } from './projection';
import { COLORS, FONT, SIZES } from './style';

/** Convoy pills sit this far (CSS px) beside the road, so the road and the towns stay visible. */
const CONVOY_OFFSET = 15;

export interface ConvoySprite {
  id: number;
  /** Where the convoy is, in world units. */
  at: Point;
  el: HTMLElement;
  dot: HTMLElement;
  pill: HTMLElement;
  count: HTMLElement;
  badge: HTMLElement;
  arrow: HTMLElement;
  escorts: HTMLElement[];
  glide: Glide;
  path: RoutePath;
  route: readonly string[];
  info: ConvoyInfo;
  angle: number;
  /** Pill centre relative to the convoy's point, CSS px. */
  pillOffset: Point;
  pillIcon: IconKey;
  ending: 'arrived' | 'returned' | null;
  /** Convoys drawn on top of each other are shown as one pill: the first one's (the leader). */
  leader: number | null;
  /** On a leader: how many convoys, and how many tankers, its pill stands for. */
  group: { convoys: number; tankers: number };
  /** On a leader of several convoys: pills peeking out behind its own, like a stack of cards (one per extra convoy, up to two). */
  stack: HTMLElement[];
}

/** What the layer needs from the scene. */
export interface ConvoyHost {
  /** The element the convoys go in: over the canvas, at its top left, in CSS pixels. */
  overlay: HTMLElement;
  ctx: LevelContext;
  layout: MapLayout;
  icon(key: IconKey): IconImage;
  /** A world point in CSS pixels on the canvas. */
  cssPoint(p: Point): Point;
  hourFraction(): number;
}

const px = (n: number): string => `${Math.round(n * 10) / 10}px`;

/** The picture each element shows now. */
const pictures = new WeakMap<HTMLElement, IconImage>();

/** An element showing `icon`, centred on (x, y) of its parent, turned by `angle` radians. */
export function placeIcon(el: HTMLElement, icon: IconImage, x: number, y: number, angle = 0): void {
  // Only what changed is written: the selection ring is placed again every frame.
  if (pictures.get(el) !== icon) {
    pictures.set(el, icon);
    el.style.width = px(icon.width);
    el.style.height = px(icon.height);
    el.style.backgroundImage = `url("${icon.url}")`;
  }
  const transform = `translate(${px(x - icon.width / 2)}, ${px(y - icon.height / 2)})${angle ? ` rotate(${Math.round(angle * 1000) / 1000}rad)` : ''}`;
  if (el.style.transform !== transform) el.style.transform = transform;
}

/** An element for a marker picture, at its parent's top left until placed (see placeIcon). */
export function iconPart(parent: HTMLElement, className: string): HTMLElement {
  const el = document.createElement('span');
  el.className = className;
  Object.assign(el.style, { position: 'absolute', left: '0', top: '0', backgroundSize: '100% 100%' });
  parent.append(el);
  return el;
}

const show = (el: HTMLElement, visible: boolean): void => {
  el.style.display = visible ? '' : 'none';
};

export class ConvoyLayer {
  readonly sprites = new Map<number, ConvoySprite>();

  constructor(private readonly host: ConvoyHost) {}

  /**
   * Follow a new state: new convoys appear, moved ones glide (or jump, with `snap`), ended
   * ones glide to the depot or back to the border before they go (destroyed ones go at once).
   */
  sync(state: Immutable<GameState>, snap: boolean): void {
    const { ctx, layout } = this.host;
    const f = this.host.hourFraction();
    const live = new Set<number>();
    for (const convoy of state.convoys) {
      live.add(convoy.id);
      let sprite = this.sprites.get(convoy.id);
      const target = routeKmOf(ctx, convoy);
      if (!sprite) {
        sprite = this.create(convoy, target);
      } else if (sprite.route !== convoy.route) {
        // Rerouted: the old route distance means nothing on the new path.
        sprite.path = routePathOf(ctx, layout, convoy);
        sprite.route = convoy.route;
        sprite.glide.snap(target);
      } else if (snap) sprite.glide.snap(target);
      else if (target !== sprite.glide.target) sprite.glide.retarget(target, f);
      const info = convoyInfo(convoy);
      if (info.status !== sprite.info.status || info.tankers !== sprite.info.tankers || info.escorts !== sprite.info.escorts) {
        sprite.info = info;
        this.style(sprite);
      }
      this.place(sprite, sprite.glide.at(f));
    }
    for (const sprite of [...this.sprites.values()]) {
      if (live.has(sprite.id)) continue;
      // Still gliding off the road: a jump (a paused clock, "Next morning") ends the glide at once.
      if (sprite.ending) {
        if (snap) this.remove(sprite);
        continue;
      }
      const record = findRecord(state, sprite.id);
      if (snap || !record || record.status === 'destroyed') {
        this.remove(sprite);
        continue;
      }
      sprite.ending = record.status;
      sprite.glide.retarget(record.status === 'arrived' ? routeLengthKm(sprite.path) : 0, f);
      if (!sprite.glide.moving) this.remove(sprite);
    }
    this.group();
  }

  /** One step of gliding at hour fraction `f`. Returns whether anything moved, and whether a convoy came to rest. */
  glide(f: number): { moved: boolean; stopped: boolean } {
    let moved = false;
    let stopped = false;
    for (const sprite of [...this.sprites.values()]) {
      if (!sprite.glide.moving) continue;
      moved = true;
      this.place(sprite, sprite.glide.at(f));
      if (sprite.glide.moving) continue;
      stopped = true;
      if (sprite.ending) this.remove(sprite);
    }
    if (moved) this.group();
    return { moved, stopped };
  }

  /** The view moved or zoomed: put every convoy where its point now is on the canvas. */
  reposition(): void {
    for (const sprite of this.sprites.values()) this.moveTo(sprite);
    this.group();
  }

  /** Where a convoy's pill is drawn, in CSS pixels on the canvas. */
  pillPoint(id: number): Point | null {
    const sprite = this.sprites.get(id);
    if (!sprite) return null;
    const c = this.host.cssPoint(sprite.at);
    return { x: c.x + sprite.pillOffset.x, y: c.y + sprite.pillOffset.y };
  }

  /** Convoys whose pill is under a point (CSS px), the leader of a group first. */
  pillsAt(p: Point): number[] {
    const hits: number[] = [];
    for (const sprite of this.sprites.values()) {
      if (sprite.ending) continue;
      const pill = this.pillPoint(sprite.id)!;
      if (Math.abs(p.x - pill.x) <= PILL.width / 2 + 5 && Math.abs(p.y - pill.y) <= PILL.height / 2 + 5) hits.push(sprite.id);
    }
    return hits;
  }

  /** The convoy whose dot on the road is nearest a point (CSS px), within `reach`. */
  dotNear(p: Point, reach: number): number | null {
    let best: number | null = null;
    let bestDistance = reach;
    for (const sprite of this.sprites.values()) {
      if (sprite.ending) continue;
      const c = this.host.cssPoint(sprite.at);
      const d = Math.hypot(c.x - p.x, c.y - p.y);
      if (d < bestDistance) {
        best = sprite.id;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Pills standing still (CSS px): labels make room for them; moving ones just pass over. */
  restingPills(): Box[] {
    const boxes: Box[] = [];
    for (const sprite of this.sprites.values()) {
      if (sprite.glide.moving || sprite.leader !== null || sprite.ending) continue;
      const c = this.host.cssPoint(sprite.at);
      boxes.push({ x: c.x + sprite.pillOffset.x - PILL.width / 2 - 8, y: c.y + sprite.pillOffset.y - PILL.height / 2, width: PILL.width + 16, height: PILL.height });
    }
    return boxes;
  }

  /** The drawn route of a convoy (for the selection halo). */
  pathOf(id: number): RoutePath | undefined {
    return this.sprites.get(id)?.path;
  }

  private create(convoy: Immutable<Convoy>, routeKm: number): ConvoySprite {
    const el = document.createElement('div');
    el.className = 'map-convoy';
    // Each convoy is a layer of its own: moving it is compositing, not painting.
    Object.assign(el.style, { position: 'absolute', left: '0', top: '0', width: '0', height: '0', willChange: 'transform' });
    const dot = iconPart(el, 'map-convoy-dot');
    const pill = iconPart(el, 'map-convoy-pill');
    const count = iconPart(el, 'map-convoy-count');
    Object.assign(count.style, {
      font: `bold ${SIZES.convoyLabel}px ${FONT}`,
      lineHeight: '1',
      whiteSpace: 'nowrap',
    });
    const badge = iconPart(el, 'map-convoy-badge');
    const arrow = iconPart(el, 'map-convoy-arrow');
    placeIcon(dot, this.host.icon(ICON.convoyDot), 0, 0);
    this.host.overlay.append(el);
    const sprite: ConvoySprite = {
      id: convoy.id,
      at: { x: 0, y: 0 },
      el,
      dot,
      pill,
      count,
      badge,
      arrow,
      escorts: [],
      glide: new Glide(routeKm),
      path: routePathOf(this.host.ctx, this.host.layout, convoy),
      route: convoy.route,
      info: convoyInfo(convoy),
      angle: Number.NaN,
      pillOffset: { x: 0, y: 0 },
      pillIcon: ICON.convoyMoving,
      ending: null,
      leader: null,
      group: { convoys: 1, tankers: convoy.tankers },
      stack: [],
    };
    this.sprites.set(convoy.id, sprite);
    this.style(sprite);
    return sprite;
  }

  private style(sprite: ConvoySprite): void {
    const { status, tankers, escorts } = sprite.info;
    sprite.pillIcon = status === 'waiting' ? ICON.convoyWaiting : status === 'held' ? ICON.convoyHeld : status === 'halted' ? ICON.convoyHalted : ICON.convoyMoving;
    const count = String(sprite.leader === null ? sprite.group.tankers : tankers);
    if (sprite.count.textContent !== count) sprite.count.textContent = count;
    sprite.count.style.color = status === 'waiting' ? COLORS.labelText : COLORS.convoyText;
    while (sprite.escorts.length < Math.min(3, escorts)) sprite.escorts.push(iconPart(sprite.el, 'map-convoy-escort'));
    while (sprite.escorts.length > Math.min(3, escorts)) sprite.escorts.pop()?.remove();
    sprite.angle = Number.NaN;
    this.showParts(sprite);
  }

  private showParts(sprite: ConvoySprite): void {
    const { status } = sprite.info;
    const shown = sprite.leader === null;
    // A convoy waiting at its border crossing would hide the crossing's marker.
    show(sprite.dot, status !== 'waiting');
    show(sprite.pill, shown);
    show(sprite.count, shown);
    show(sprite.badge, shown && (status === 'held' || status === 'halted' || status === 'returning'));
    show(sprite.arrow, shown && (status === 'moving' || status === 'returning'));
    for (const shield of sprite.escorts) show(shield, shown);
    for (const card of sprite.stack) show(card, shown);
    // Parts are laid out again with the pill's current picture.
    sprite.angle = Number.NaN;
  }

  private moveTo(sprite: ConvoySprite): void {
    const c = this.host.cssPoint(sprite.at);
    sprite.el.style.transform = `translate(${px(c.x)}, ${px(c.y)})`;
  }

  private place(sprite: ConvoySprite, routeKm: number): void {
    const { point, angle: roadAngle } = pointAlong(sprite.path, routeKm);
    const returning = sprite.info.status === 'returning' || sprite.ending === 'returned';
    const angle = returning ? roadAngle + Math.PI : roadAngle;
    sprite.at = point;
    this.moveTo(sprite);
    if (angle === sprite.angle) return;
    sprite.angle = angle;
    this.layOut(sprite, roadAngle);
  }

  /** The pill and its parts around the convoy's point, for a road at `roadAngle`. */
  private layOut(sprite: ConvoySprite, roadAngle: number): void {
    const { icon } = this.host;
    const angle = sprite.angle;
    const up = upNormal(roadAngle);
    // Waiting at a border crossing: the pill stands behind it, out of the way of the route and the labels.
    const waiting = sprite.info.status === 'waiting';
    const cx = waiting ? -Math.cos(roadAngle) * (PILL.width / 2 + 9) : up.x * CONVOY_OFFSET;
    const cy = waiting ? -Math.sin(roadAngle) * (PILL.height / 2 + 9) : up.y * CONVOY_OFFSET;
    sprite.pillOffset = { x: cx, y: cy };
    const pill = icon(sprite.pillIcon);
    placeIcon(sprite.pill, pill, cx, cy);
    const badged = sprite.badge.style.display !== 'none';
    sprite.count.style.transform = `translate(${px(cx + (badged ? 2 : 0))}, ${px(cy)}) translate(-50%, -50%)`;
    const { status } = sprite.info;
    const badge = status === 'held' ? ICON.badgeHeld : status === 'halted' ? ICON.badgeHalted : ICON.badgeReturning;
    placeIcon(sprite.badge, icon(badge), cx - PILL.width / 2 - 1, cy);
    sprite.escorts.forEach((shield, i) => {
      const image = icon(ICON.shield);
      placeIcon(shield, { ...image, width: image.width * 0.85, height: image.height * 0.85 }, cx + PILL.width / 2 + 3 + i * 8, cy - 1);
    });
    sprite.stack.forEach((card, i) => placeIcon(card, pill, cx + 3 * (i + 1), cy - 3 * (i + 1)));
    placeIcon(sprite.arrow, icon(ICON.arrow), cx + Math.cos(angle) * (PILL.width / 2 + 6), cy + Math.sin(angle) * (PILL.height / 2 + 5), angle);
  }

  /**
   * Convoys whose pills would overlap on screen (same road, same hour: a common way to send a
   * big delivery) are drawn as one pill with their total of tankers, stacked like cards, so
   * that no convoy hides another. Clicking the pill again selects the next one.
   */
  private group(): void {
    const leaders: { sprite: ConvoySprite; at: Point }[] = [];
    for (const sprite of this.sprites.values()) {
      if (sprite.ending) {
        sprite.leader = null;
        continue;
      }
      const at = this.pillPoint(sprite.id)!;
      const near = leaders.find((l) => Math.abs(l.at.x - at.x) < PILL.width * 0.6 && Math.abs(l.at.y - at.y) < PILL.height * 0.8);
      sprite.leader = near ? near.sprite.id : null;
      if (!near) leaders.push({ sprite, at });
    }
    const groups = new Map<number, { convoys: number; tankers: number }>();
    for (const sprite of this.sprites.values()) {
      const id = sprite.leader ?? sprite.id;
      const group = groups.get(id) ?? { convoys: 0, tankers: 0 };
      group.convoys += 1;
      group.tankers += sprite.info.tankers;
      groups.set(id, group);
    }
    for (const sprite of this.sprites.values()) {
      // A follower keeps its dot on the road; its pill is the leader's.
      if ((sprite.pill.style.display !== 'none') !== (sprite.leader === null)) this.relayOut(sprite);
      const group = groups.get(sprite.id) ?? { convoys: 1, tankers: sprite.info.tankers };
      if (group.convoys === sprite.group.convoys && group.tankers === sprite.group.tankers) continue;
      sprite.group = group;
      if (sprite.count.textContent !== String(group.tankers)) sprite.count.textContent = String(group.tankers);
      const cards = Math.min(2, group.convoys - 1);
      while (sprite.stack.length < cards) {
        const card = iconPart(sprite.el, 'map-convoy-card');
        // Behind the convoy's own pill: just after the dot.
        sprite.dot.after(card);
        sprite.stack.push(card);
      }
      while (sprite.stack.length > cards) sprite.stack.pop()?.remove();
      this.relayOut(sprite);
    }
  }

  private relayOut(sprite: ConvoySprite): void {
    const angle = sprite.angle;
    this.showParts(sprite);
    const returning = sprite.info.status === 'returning' || sprite.ending === 'returned';
    if (Number.isNaN(angle)) return;
    sprite.angle = angle;
    this.layOut(sprite, returning ? angle - Math.PI : angle);
  }

  private remove(sprite: ConvoySprite): void {
    sprite.el.remove();
    this.sprites.delete(sprite.id);
  }
}

function findRecord(state: Immutable<GameState>, id: number): Immutable<GameState>['pastConvoys'][number] | undefined {
  for (let i = state.pastConvoys.length - 1; i >= 0; i--) if (state.pastConvoys[i]!.id === id) return state.pastConvoys[i];
  return undefined;
}
