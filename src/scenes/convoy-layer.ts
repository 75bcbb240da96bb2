/**
 * Convoys on the map: a dot on the road where the convoy is, and beside it a pill with its
 * number of tankers, a status badge (held, halted, turning back), an arrow for the direction
 * of travel and a shield per escort unit. Between hourly ticks they glide along their route
 * (see Glide); convoys that would be drawn on top of each other share one pill.
 */
import type * as Phaser from 'phaser';
import type { LevelContext } from '../sim/context';
import type { Convoy, GameState } from '../sim/state';
import { ICON, PILL } from './icons';
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
  container: Phaser.GameObjects.Container;
  dot: Phaser.GameObjects.Image;
  pill: Phaser.GameObjects.Image;
  count: Phaser.GameObjects.Text;
  badge: Phaser.GameObjects.Image;
  arrow: Phaser.GameObjects.Image;
  escorts: Phaser.GameObjects.Image[];
  glide: Glide;
  path: RoutePath;
  route: readonly string[];
  info: ConvoyInfo;
  angle: number;
  /** Pill centre relative to the convoy's point, CSS px. */
  pillOffset: Point;
  ending: 'arrived' | 'returned' | null;
  /** Convoys drawn on top of each other are shown as one pill: the first one's (the leader). */
  leader: number | null;
  /** On a leader: how many convoys, and how many tankers, its pill stands for. */
  group: { convoys: number; tankers: number };
  /** On a leader of several convoys: pills peeking out behind its own, like a stack of cards (one per extra convoy, up to two). */
  stack: Phaser.GameObjects.Image[];
}

/** What the layer needs from the scene. */
export interface ConvoyHost {
  scene: Phaser.Scene;
  ctx: LevelContext;
  layout: MapLayout;
  depth: number;
  /** Canvas pixels per CSS pixel. */
  pixelRatio: number;
  /** World units per CSS pixel at the current zoom. */
  scale(): number;
  /** A world point in CSS pixels on the canvas. */
  cssPoint(p: Point): Point;
  hourFraction(): number;
}

export class ConvoyLayer {
  readonly sprites = new Map<number, ConvoySprite>();

  constructor(private readonly host: ConvoyHost) {}

  /**
   * Follow a new state: new convoys appear, moved ones glide (or jump, with `snap`), ended
   * ones glide to the depot or back to the border before they go (destroyed ones go at once).
   */
  sync(state: GameState, snap: boolean): void {
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
      if (live.has(sprite.id) || sprite.ending) continue;
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

  /** The zoom changed: keep the markers' size on screen. */
  rescale(): void {
    const k = this.host.scale();
    const f = this.host.hourFraction();
    for (const sprite of this.sprites.values()) {
      sprite.container.setScale(k);
      this.place(sprite, sprite.glide.at(f));
    }
    this.group();
  }

  /** Where a convoy's pill is drawn, in world units. */
  pillPoint(id: number): Point | null {
    const sprite = this.sprites.get(id);
    if (!sprite) return null;
    const k = this.host.scale();
    return { x: sprite.container.x + sprite.pillOffset.x * k, y: sprite.container.y + sprite.pillOffset.y * k };
  }

  /** Convoys whose pill is under a point (CSS px), the leader of a group first. */
  pillsAt(p: Point): number[] {
    const hits: number[] = [];
    for (const sprite of this.sprites.values()) {
      if (sprite.ending) continue;
      const c = this.host.cssPoint({ x: sprite.container.x, y: sprite.container.y });
      const pill = { x: c.x + sprite.pillOffset.x, y: c.y + sprite.pillOffset.y };
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
      const c = this.host.cssPoint({ x: sprite.container.x, y: sprite.container.y });
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
      const c = this.host.cssPoint({ x: sprite.container.x, y: sprite.container.y });
      boxes.push({ x: c.x + sprite.pillOffset.x - PILL.width / 2 - 8, y: c.y + sprite.pillOffset.y - PILL.height / 2, width: PILL.width + 16, height: PILL.height });
    }
    return boxes;
  }

  /** The drawn route of a convoy (for the selection halo). */
  pathOf(id: number): RoutePath | undefined {
    return this.sprites.get(id)?.path;
  }

  private create(convoy: Convoy, routeKm: number): ConvoySprite {
    const { scene, pixelRatio: u } = this.host;
    const s = 1 / u;
    const dot = scene.add.image(0, 0, ICON.convoyDot).setScale(s);
    const pill = scene.add.image(0, 0, ICON.convoyMoving).setScale(s);
    const count = scene.add
      .text(0, 0, '', { fontFamily: FONT, fontSize: `${SIZES.convoyLabel}px`, fontStyle: 'bold', color: COLORS.convoyText, resolution: u })
      .setOrigin(0.5);
    const badge = scene.add.image(0, 0, ICON.badgeHeld).setScale(s).setVisible(false);
    const arrow = scene.add.image(0, 0, ICON.arrow).setScale(s);
    const container = scene.add.container(0, 0, [dot, pill, count, badge, arrow]).setDepth(this.host.depth).setScale(this.host.scale());
    const sprite: ConvoySprite = {
      id: convoy.id,
      container,
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
    sprite.pill.setTexture(status === 'waiting' ? ICON.convoyWaiting : status === 'held' ? ICON.convoyHeld : status === 'halted' ? ICON.convoyHalted : ICON.convoyMoving);
    // Each change re-renders the text's canvas: only when something did change.
    const count = String(sprite.leader === null ? sprite.group.tankers : tankers);
    if (sprite.count.text !== count) sprite.count.setText(count);
    const color = status === 'waiting' ? COLORS.labelText : COLORS.convoyText;
    if (sprite.count.style.color !== color) sprite.count.setColor(color);
    const badge = status === 'held' ? ICON.badgeHeld : status === 'halted' ? ICON.badgeHalted : status === 'returning' ? ICON.badgeReturning : null;
    if (badge) sprite.badge.setTexture(badge);
    while (sprite.escorts.length < Math.min(3, escorts)) {
      const shield = this.host.scene.add.image(0, 0, ICON.shield).setScale(0.85 / this.host.pixelRatio);
      sprite.container.add(shield);
      sprite.escorts.push(shield);
    }
    while (sprite.escorts.length > Math.min(3, escorts)) sprite.escorts.pop()?.destroy();
    sprite.angle = Number.NaN;
    this.showParts(sprite);
  }

  private showParts(sprite: ConvoySprite): void {
    const { status } = sprite.info;
    const shown = sprite.leader === null;
    // A convoy waiting at its border crossing would hide the crossing's marker.
    sprite.dot.setVisible(status !== 'waiting');
    sprite.pill.setVisible(shown);
    sprite.count.setVisible(shown);
    sprite.badge.setVisible(shown && (status === 'held' || status === 'halted' || status === 'returning'));
    sprite.arrow.setVisible(shown && (status === 'moving' || status === 'returning'));
    for (const shield of sprite.escorts) shield.setVisible(shown);
    for (const card of sprite.stack) card.setVisible(shown).setTexture(sprite.pill.texture.key);
  }

  private place(sprite: ConvoySprite, routeKm: number): void {
    const { point, angle: roadAngle } = pointAlong(sprite.path, routeKm);
    const returning = sprite.info.status === 'returning' || sprite.ending === 'returned';
    const angle = returning ? roadAngle + Math.PI : roadAngle;
    sprite.container.setPosition(point.x, point.y);
    if (angle === sprite.angle) return;
    sprite.angle = angle;
    const up = upNormal(roadAngle);
    // Waiting at a border crossing: the pill stands behind it, out of the way of the route and the labels.
    const waiting = sprite.info.status === 'waiting';
    const cx = waiting ? -Math.cos(roadAngle) * (PILL.width / 2 + 9) : up.x * CONVOY_OFFSET;
    const cy = waiting ? -Math.sin(roadAngle) * (PILL.height / 2 + 9) : up.y * CONVOY_OFFSET;
    sprite.pillOffset = { x: cx, y: cy };
    sprite.pill.setPosition(cx, cy);
    sprite.count.setPosition(cx + (sprite.badge.visible ? 2 : 0), cy);
    sprite.badge.setPosition(cx - PILL.width / 2 - 1, cy);
    sprite.escorts.forEach((shield, i) => shield.setPosition(cx + PILL.width / 2 + 3 + i * 8, cy - 1));
    sprite.stack.forEach((card, i) => card.setPosition(cx + 3 * (i + 1), cy - 3 * (i + 1)));
    sprite.arrow.setPosition(cx + Math.cos(angle) * (PILL.width / 2 + 6), cy + Math.sin(angle) * (PILL.height / 2 + 5)).setRotation(angle);
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
      const c = this.host.cssPoint({ x: sprite.container.x, y: sprite.container.y });
      const at = { x: c.x + sprite.pillOffset.x, y: c.y + sprite.pillOffset.y };
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
      if (sprite.pill.visible !== (sprite.leader === null)) this.showParts(sprite);
      const group = groups.get(sprite.id) ?? { convoys: 1, tankers: sprite.info.tankers };
      if (group.convoys === sprite.group.convoys && group.tankers === sprite.group.tankers) continue;
      sprite.group = group;
      if (sprite.count.text !== String(group.tankers)) sprite.count.setText(String(group.tankers));
      const cards = Math.min(2, group.convoys - 1);
      while (sprite.stack.length < cards) {
        const card = this.host.scene.add.image(0, 0, sprite.pill.texture.key).setScale(1 / this.host.pixelRatio);
        // Behind the convoy's own pill: just after the dot, first in the container.
        sprite.container.addAt(card, 1);
        sprite.stack.push(card);
      }
      while (sprite.stack.length > cards) sprite.stack.pop()?.destroy();
      sprite.stack.forEach((card, i) => card.setPosition(sprite.pillOffset.x + 3 * (i + 1), sprite.pillOffset.y - 3 * (i + 1)));
      this.showParts(sprite);
    }
  }

  private remove(sprite: ConvoySprite): void {
    sprite.container.destroy();
    this.sprites.delete(sprite.id);
  }
}

function findRecord(state: GameState, id: number): GameState['pastConvoys'][number] | undefined {
  for (let i = state.pastConvoys.length - 1; i >= 0; i--) if (state.pastConvoys[i]!.id === id) return state.pastConvoys[i];
  return undefined;
}
