/**
 * The map: a Phaser scene that draws the level's geography, roads and towns, and the game
 * state on top (convoys, security units, intelligence reports), and turns pointer and
 * keyboard input into camera moves and selections. It owns no rules and never changes the
 * game: the only thing it writes is the shared selection.
 *
 * Drawing strategy: world geometry (countries, roads) lives in world units and scales with
 * the camera; markers and labels are counter-scaled so they keep their size in CSS pixels at
 * every zoom. Static things are redrawn only when the zoom, the selection or the state they
 * show changes; per frame, only gliding convoys move.
 */
import type { Immutable } from 'immer';
import * as Phaser from 'phaser';
import { countryName, formatPercent, lang, pick, t } from '../app/i18n';
import type { MapSelection, SelectionBus } from '../app/selection';
import type { GameSession, SessionSnapshot } from '../app/session';
import type { LevelContext } from '../sim/context';
import type { GameState } from '../sim/state';
import { Backdrop, type CountryName, type Stroke } from './backdrop';
import { ConvoyLayer, iconPart, placeIcon, type IconImage } from './convoy-layer';
import { DEFAULT_BBOX, type Geography } from './geography';
import { ICON, createIcons } from './icons';
import { attachMapInput } from './map-input';
import { addText } from './text';
import { placeLabels, type Anchor, type Box, type LabelRequest } from './labels';
import { buildLayout, distanceToSegment, pointAlong, routeKmOf, routePathOf, upNormal, type MapLayout } from './layout';
import { entryStatuses, intelEmphasis, intelMarkers, patrolMarkers, riskLevel, townStatuses, type IntelMarker, type RiskLevel } from './model';
import {
  centerOn,
  clampView,
  fitZoom,
  projectBox,
  screenToWorld,
  viewCenter,
  worldToScreen,
  zoomAt,
  type Point,
  type Rect,
  type View,
  type ZoomLimits,
} from './projection';
import { COLORS, FIT_PADDING, FONT, SIZES, ZOOM, riskStyles, type Palette, type RiskStyle } from './style';

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface MapSceneOptions {
  session: GameSession;
  selection: SelectionBus;
  reducedMotion: boolean;
  /** Canvas pixels per CSS pixel. */
  pixelRatio: number;
  onReady: () => void;
  onLegendKey?: () => void;
  palette: Palette;
}

/** The texture the backdrop's picture is shown with. */
const BACKDROP = 'map-backdrop';

/** Draw order in the scene. */
const DEPTH = {
  backdrop: 0,
  corridorLabel: 5,
  town: 6,
  unit: 7,
  intel: 8,
  label: 9,
} as const;

interface TownSprite {
  id: string;
  kind: 'capital' | 'city' | 'rural' | 'border';
  entry: string | null;
  container: Phaser.GameObjects.Container;
  marker: Phaser.GameObjects.Image;
  shields: Phaser.GameObjects.Image[];
  radius: number;
}

interface LabelSprite {
  id: string;
  container: Phaser.GameObjects.Container;
  name: Phaser.GameObjects.Text;
  sub: Phaser.GameObjects.Text;
  width: number;
  height: number;
  priority: number;
  radius: number;
  /** Last placement, in CSS pixels, for hit tests. */
  box: Box | null;
}

interface PinnedSprite {
  obj: Phaser.GameObjects.Container | Phaser.GameObjects.Image;
  /** World anchor and an offset in CSS pixels. */
  at: Point;
  offset: Point;
}

interface CorridorLabel {
  id: string;
  road: string;
  container: Phaser.GameObjects.Container;
  name: Phaser.GameObjects.Text;
  note: Phaser.GameObjects.Text;
}

export class MapScene extends Phaser.Scene {
  private readonly session: GameSession;
  private readonly selection: SelectionBus;
  private readonly reducedMotion: boolean;
  private readonly u: number;
  private readonly ctx: LevelContext;
  private readonly layout: MapLayout;
  private state: Immutable<GameState>;
  private speed: number;

  private view: View = { width: 1, height: 1, zoom: 1, scrollX: 0, scrollY: 0 };
  private fit = 1;
  /** Edges of the canvas covered by the page's panels, in canvas pixels: the view frames what is left. */
  private insets: Insets = { top: 0, right: 0, bottom: 0, left: 0 };
  /** Whether the player has moved the view since it was last fitted (then a resize keeps their view). */
  private fitted = true;
  private limits: ZoomLimits = { min: 0.1, max: 10 };
  private bounds: Rect = { x: 0, y: 0, width: 1, height: 1 };
  private appliedZoom = -1;
  private viewDirty = true;
  private labelsDirty = true;
  private roadsDirty = true;

  private readonly backdrop: Backdrop;
  private backdropTexture!: Phaser.Textures.CanvasTexture;
  private backdropImage!: Phaser.GameObjects.Image;
  private readonly risk: Record<RiskLevel, RiskStyle>;
  private corridorLabels: CorridorLabel[] = [];
  /** Where corridor names were put, CSS px: town labels keep clear of them. */
  private corridorBoxes: Box[] = [];
  private towns = new Map<string, TownSprite>();
  private labels = new Map<string, LabelSprite>();
  private patrols = new Map<string, PinnedSprite & { road: string }>();
  private intel = new Map<string, PinnedSprite & { marker: IntelMarker; text: Phaser.GameObjects.Text; icon: Phaser.GameObjects.Image }>();
  private convoys!: ConvoyLayer;
  /** Over the canvas: the convoys and the selection ring, as HTML (see convoy-layer.ts). */
  private overlay!: HTMLElement;
  private ring!: HTMLElement;
  private ringBreath: Animation | null = null;
  private readonly icons = new Map<string, IconImage>();
  private cleanups: (() => void)[] = [];
  /** Frames still to draw: the game draws only when something changed (see OnDemandGame). */
  private pendingFrames = 2;
  /** The state or the labels changed: draw a frame if the scene looks any different. */
  private changesToCheck = true;
  private lastDrawn = '';
  private lastGlide = 0;
  /**
   * Frames per second at most for gliding convoys. Lower where WebGL is software-rendered:
   * each frame drawn costs CPU there, and a glide at 20 fps still reads as motion.
   */
  glideFps = 60;


  constructor(private readonly options: MapSceneOptions) {
    super({ key: 'map' });
    this.session = options.session;
    this.selection = options.selection;
    this.reducedMotion = options.reducedMotion;
    this.u = options.pixelRatio;
    this.ctx = options.session.ctx;
    this.layout = buildLayout(this.ctx);
    this.state = options.session.state;
    this.speed = options.session.speed;
    this.backdrop = new Backdrop(this.u, (width, height) => this.backdropTexture.setSize(width, height));
    this.risk = riskStyles(options.palette);
  }

  // --- lifecycle ----------------------------------------------------------------------------

  create(): void {
    createIcons(this, this.u);
    this.backdropTexture = this.textures.addCanvas(BACKDROP, this.backdrop.canvas)!;
    this.backdropImage = this.add.image(0, 0, BACKDROP).setOrigin(0).setDepth(DEPTH.backdrop);
    this.setBounds(DEFAULT_BBOX);
    this.createCorridorLabels();
    this.createTowns();
    this.overlay = document.createElement('div');
    this.overlay.className = 'map-overlay';
    this.overlay.setAttribute('aria-hidden', 'true');
    Object.assign(this.overlay.style, { position: 'absolute', inset: '0', overflow: 'hidden', pointerEvents: 'none', zIndex: '1' });
    this.game.canvas.after(this.overlay);
    this.convoys = new ConvoyLayer({
      overlay: this.overlay,
      ctx: this.ctx,
      layout: this.layout,
      icon: (key) => this.icon(key),
      cssPoint: (p) => this.cssPoint(p),
      hourFraction: () => this.session.hourFraction,
    });
    // Above the convoys.
    this.ring = iconPart(this.overlay, 'map-ring');
    this.ring.style.display = 'none';
    this.syncState(this.state, true);
    this.cleanups.push(
      attachMapInput({
        scene: this,
        canvas: this.game.canvas,
        selection: this.selection,
        pixelRatio: this.u,
        view: () => this.view,
        moveView: (view) => this.moveView(view),
        zoomBy: (factor, sx, sy) => this.zoomBy(factor, sx, sy),
        panBy: (dx, dy) => this.panBy(dx, dy),
        resetView: () => this.resetView(),
        pick: (sx, sy) => this.pick(sx, sy),
        ...(this.options.onLegendKey ? { onLegendKey: this.options.onLegendKey } : {}),
      }),
    );
    this.resizeView(this.scale.width, this.scale.height, true);

    this.cleanups.push(
      this.session.subscribe((snapshot) => this.onSnapshot(snapshot)),
      this.selection.subscribe(() => this.onSelection()),
    );
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.detach());
    this.events.once(Phaser.Scenes.Events.DESTROY, () => this.detach());
    this.onSelection();
    this.options.onReady();
  }

  /** Ask for the next frames to be drawn (two, so a change made during a render is not lost). */
  requestFrame(): void {
    this.pendingFrames = 2;
  }

  /** Called by the game after each update. */
  wantsFrame(): boolean {
    if (this.pendingFrames <= 0) return false;
    this.pendingFrames -= 1;
    return true;
  }

  /** Stop listening to the session, the selection and the keyboard (the map is going away). */
  detach(): void {
    for (const off of this.cleanups.splice(0)) off();
    this.backdrop.destroy();
    this.ringBreath?.cancel();
    this.overlay?.remove();
  }

  override update(time: number): void {
    if (this.viewDirty) this.applyView();
    if (this.roadsDirty) this.drawRoads();
    if (time - this.lastGlide >= 1000 / this.glideFps - 2) {
      // Convoys are HTML over the canvas: their moving does not redraw the map.
      const { moved, stopped } = this.convoys.glide(this.session.hourFraction);
      if (moved) this.lastGlide = time;
      // A convoy came to rest: town labels may now make room for it.
      if (stopped) this.labelsDirty = true;
    }
    if (this.labelsDirty) this.placeTownLabels();
    this.placeRing();
    if (this.changesToCheck) {
      this.changesToCheck = false;
      const drawn = this.displaySignature();
      if (drawn !== this.lastDrawn) this.requestFrame();
      this.lastDrawn = drawn;
    }
    // In step with this frame: the still layers follow the camera without lag.
    if (this.backdrop.render(this.view)) {
      this.requestFrame();
      this.backdropTexture.refresh();
      const corner = screenToWorld(this.view, 0, 0);
      // One canvas pixel per texture pixel: the picture was drawn for this very view.
      this.backdropImage.setPosition(corner.x, corner.y).setScale(1 / this.view.zoom);
    }
  }

  /** The geography arrives after the scene starts (it is fetched in parallel with Phaser's boot). */
  setGeography(geography: Geography | null): void {
    const project = this.layout.projection.project;
    const names: CountryName[] = [];
    for (const country of geography?.countries ?? []) {
      if (!country.label) continue;
      names.push({
        text: countryName(country.iso2, country.name).toLocaleUpperCase(lang()),
        at: project(country.label[0], country.label[1]),
        mali: country.iso2 === 'ML',
      });
    }
    this.backdrop.setGeography(geography, project, names);
    if (!geography) return;
    this.setBounds(geography.bbox);
    this.appliedZoom = -1;
    this.viewDirty = true;
    this.labelsDirty = true;
    this.resizeView(this.view.width, this.view.height, false);
  }

  /** The canvas changed size (CSS pixels × pixel ratio already applied by the caller). */
  /**
   * The canvas changed size, or the page's panels now cover other parts of it (`insets`, CSS
   * pixels). A view the player has not moved is fitted again; a moved one keeps its centre
   * and its zoom relative to the fit.
   */
  resizeView(width: number, height: number, initial: boolean, insets?: Insets): void {
    const relative = this.view.zoom / this.fit;
    const center = viewCenter(this.view);
    if (insets) this.insets = { top: insets.top * this.u, right: insets.right * this.u, bottom: insets.bottom * this.u, left: insets.left * this.u };
    this.view = { ...this.view, width, height };
    const open = this.openArea();
    const pad = { x: Math.min(FIT_PADDING.x * this.u, open.width * 0.1), y: Math.min(FIT_PADDING.y * this.u, open.height * 0.08) };
    this.fit = fitZoom(open.width, open.height, this.layout.focus, pad.x, pad.y);
    const cover = Math.max(width / this.bounds.width, height / this.bounds.height);
    this.limits = { min: Math.max(this.fit * ZOOM.min, cover), max: Math.max(this.fit * ZOOM.max, cover) };
    this.cameras.main.setSize(width, height);
    if (initial || this.fitted) this.resetView();
    else this.setView(centerOn({ ...this.view, zoom: this.fit * relative }, center.x, center.y));
  }

  /** The part of the canvas not covered by the page's panels, in canvas pixels (never less than a third of it). */
  private openArea(): Rect {
    const { width, height } = this.view;
    const left = Math.min(this.insets.left, width / 3);
    const top = Math.min(this.insets.top, height / 3);
    const right = Math.min(this.insets.right, width / 3);
    const bottom = Math.min(this.insets.bottom, height / 3);
    return { x: left, y: top, width: width - left - right, height: height - top - bottom };
  }

  private setBounds(bbox: readonly [number, number, number, number]): void {
    this.bounds = projectBox(this.layout.projection, bbox);
  }

  // --- camera -------------------------------------------------------------------------------

  private setView(view: View): void {
    this.view = clampView(view, this.bounds, this.limits);
    this.viewDirty = true;
    this.requestFrame();
  }

  /** The player moved the view: it is theirs until they reset it. */
  private moveView(view: View): void {
    this.setView(view);
    this.fitted = false;
  }

  /** Frame the level's towns in the open part of the canvas. */
  resetView(): void {
    const focus = this.layout.focus;
    const open = this.openArea();
    const zoom = this.fit;
    // Centre the towns on the open area's centre, not the canvas's.
    const shiftX = (open.x + open.width / 2 - this.view.width / 2) / zoom;
    const shiftY = (open.y + open.height / 2 - this.view.height / 2) / zoom;
    this.setView(centerOn({ ...this.view, zoom }, focus.x + focus.width / 2 - shiftX, focus.y + focus.height / 2 - shiftY));
    this.fitted = true;
  }

  zoomBy(factor: number, sx = this.view.width / 2, sy = this.view.height / 2): void {
    this.moveView(zoomAt(this.view, this.view.zoom * factor, sx, sy));
  }

  panBy(dxCss: number, dyCss: number): void {
    this.moveView({ ...this.view, scrollX: this.view.scrollX + (dxCss * this.u) / this.view.zoom, scrollY: this.view.scrollY + (dyCss * this.u) / this.view.zoom });
  }

  private applyView(): void {
    this.viewDirty = false;
    const cam = this.cameras.main;
    cam.setZoom(this.view.zoom);
    cam.setScroll(this.view.scrollX, this.view.scrollY);
    if (this.view.zoom !== this.appliedZoom) {
      this.appliedZoom = this.view.zoom;
      this.rescale();
    }
    // HTML over the canvas follows the camera by hand.
    this.convoys.reposition();
    this.placeCorridorLabels();
  }

  /** World units per CSS pixel at the current zoom: markers are scaled by this to keep their size. */
  private get k(): number {
    return this.u / this.view.zoom;
  }

  private rescale(): void {
    const k = this.k;
    this.roadsDirty = true;
    for (const town of this.towns.values()) town.container.setScale(k);
    for (const label of this.labels.values()) label.container.setScale(k);
    for (const pin of [...this.patrols.values(), ...this.intel.values()]) this.placePinned(pin);
  }

  // --- geography and roads --------------------------------------------------------------------

  /** The roads by risk, and the highlights of what is selected under them, for the backdrop. */
  private drawRoads(): void {
    this.roadsDirty = false;
    const k = this.k;
    const halos: Stroke[] = [];
    /** Per risk level: whole roads (for the dark casing under them) and the lines drawn in the level's colour (dashed for high). */
    const byLevel: Record<RiskLevel, { casings: Point[][]; lines: Point[][] }> = {
      low: { casings: [], lines: [] },
      medium: { casings: [], lines: [] },
      high: { casings: [], lines: [] },
    };
    const selected = this.selection.value;
    const selectedRoad = selected?.kind === 'road' ? this.ctx.roads.get(selected.id) : undefined;
    const escorted = selected?.kind === 'unit' ? this.state.units.find((u) => u.id === selected.id)?.task : undefined;
    const routeOf = selected?.kind === 'convoy' ? selected.id : escorted?.kind === 'escort' ? escorted.convoy : undefined;
    const convoyRoute = routeOf === undefined ? undefined : this.state.convoys.find((c) => c.id === routeOf);
    const patrolRoad = selected?.kind === 'unit' ? this.unitRoad(selected.id) : undefined;

    for (const road of this.ctx.level.roads) {
      const seg = this.layout.roads.get(road.id);
      if (!seg) continue;
      const level = riskLevel(road.risk);
      const style = this.risk[level];
      const whole = [seg.a, seg.b];
      if (selectedRoad && road.id === selectedRoad.id) halos.push({ lines: [whole], width: style.width + 12, color: COLORS.selection, alpha: 0.45 });
      else if (selectedRoad && road.corridor === selectedRoad.corridor) halos.push({ lines: [whole], width: style.width + 8, color: COLORS.selection, alpha: 0.14 });
      if (patrolRoad === road.id) halos.push({ lines: [whole], width: style.width + 12, color: COLORS.unitLight, alpha: 0.4 });
      byLevel[level].casings.push(whole);
      const out = byLevel[level].lines;
      if (style.dash) {
        const [on, off] = style.dash;
        const period = (on + off) * k;
        const dx = Math.cos(seg.angle);
        const dy = Math.sin(seg.angle);
        // Dashes are laid out from the middle so both ends look alike.
        const count = Math.max(1, Math.floor(seg.length / period));
        const start = (seg.length - count * period + off * k) / 2;
        for (let i = 0; i < count; i++) {
          const s0 = start + i * period;
          const s1 = s0 + on * k;
          out.push([
            { x: seg.a.x + dx * s0, y: seg.a.y + dy * s0 },
            { x: seg.a.x + dx * s1, y: seg.a.y + dy * s1 },
          ]);
        }
      } else out.push(whole);
    }
    if (convoyRoute) {
      const path = this.convoys.pathOf(convoyRoute.id) ?? routePathOf(this.ctx, this.layout, convoyRoute);
      const from = routeKmOf(this.ctx, convoyRoute);
      const ahead = convoyRoute.status === 'returning' ? path.points.slice(0, convoyRoute.leg + 1).reverse() : path.points.slice(convoyRoute.leg + 1);
      const here = pointAlong(path, from).point;
      halos.push({ lines: [[here, ...ahead]], width: 14, color: COLORS.selection, alpha: 0.4 });
    }
    // Every casing (the road's width plus a dark rim) first, then every road's colour on top,
    // so that roads meet cleanly at towns.
    const levels = ['low', 'medium', 'high'] as const;
    const strokes: Stroke[] = [
      ...halos,
      ...levels.map((level) => ({ lines: byLevel[level].casings, width: this.risk[level].width + 3, color: COLORS.casing, alpha: 0.95 })),
      ...levels.map((level) => ({ lines: byLevel[level].lines, width: this.risk[level].width, color: this.risk[level].color, alpha: 1 })),
    ].filter((stroke) => stroke.lines.length > 0);
    this.backdrop.setStrokes(strokes);
    this.requestFrame();
  }

  private unitRoad(unitId: string): string | undefined {
    const unit = this.state.units.find((u) => u.id === unitId);
    return unit?.task.kind === 'patrol' ? unit.task.road : undefined;
  }

  private createCorridorLabels(): void {
    for (const corridor of this.ctx.level.corridors) {
      const road = this.corridorLabelRoad(corridor.id);
      if (!road) continue;
      const full = pick(corridor.name);
      const short = full.replace(/\s*\(.*\)\s*$/, '');
      const name = addText(this, 0, 0, short, this.textStyle(SIZES.corridorLabel, COLORS.corridorText, 'italic')).setOrigin(0.5, 0);
      const note = addText(this, 0, name.height - 2, t('map.blockade'), this.textStyle(SIZES.corridorLabel, COLORS.blockadeText, 'bold')).setOrigin(0.5, 0).setVisible(false);
      const container = this.add.container(0, 0, [name, note]).setDepth(DEPTH.corridorLabel);
      this.corridorLabels.push({ id: corridor.id, road, container, name, note });
    }
  }

  /** The longest road of a corridor on the shortest route from one of its entry points. */
  private corridorLabelRoad(corridor: string): string | undefined {
    let best: { id: string; km: number } | undefined;
    for (const entry of this.ctx.entries.values()) {
      if (entry.corridor !== corridor) continue;
      for (const id of this.ctx.routes.get(entry.id)?.[0] ?? []) {
        const road = this.ctx.roads.get(id);
        if (road && road.corridor === corridor && (!best || road.km > best.km)) best = { id, km: road.km };
      }
    }
    return best?.id;
  }

  /**
   * Corridor names run along one of their roads, on whichever side and at whichever point
   * along it keeps them off the towns; they are hidden when the road is too short on screen.
   */
  private placeCorridorLabels(): void {
    const blockaded = new Set<string>(this.state.blockaded);
    const towns = this.townMarkers().map(({ x, y, radius }) => ({ at: { x, y }, radius }));
    // Units on patrol and reports sit on or beside roads too.
    for (const pin of [...this.patrols.values(), ...this.intel.values()]) towns.push({ at: this.cssPoint({ x: pin.obj.x, y: pin.obj.y }), radius: 10 });
    this.corridorBoxes = [];
    for (const label of this.corridorLabels) {
      const seg = this.layout.roads.get(label.road);
      if (!seg) continue;
      const blocked = blockaded.has(label.id);
      label.note.setVisible(blocked);
      let angle = seg.angle;
      if (angle > Math.PI / 2) angle -= Math.PI;
      if (angle < -Math.PI / 2) angle += Math.PI;
      const length = Math.max(label.name.width, blocked ? label.note.width : 0);
      const height = label.name.height + (blocked ? label.note.height - 2 : 0);
      const a = this.cssPoint(seg.a);
      const b = this.cssPoint(seg.b);
      const dir = { x: Math.cos(angle), y: Math.sin(angle) };
      // Local +y of the rotated label points this way on screen.
      const n = { x: -Math.sin(angle), y: Math.cos(angle) };
      let center: Point | null = null;
      if (Math.hypot(b.x - a.x, b.y - a.y) > length + 60) {
        // Below the road first: convoy pills ride above it.
        search: for (const side of [1, -1]) {
          for (const t of [0.5, 0.38, 0.62, 0.28, 0.72]) {
            const c = { x: a.x + (b.x - a.x) * t + n.x * side * (height / 2 + 5), y: a.y + (b.y - a.y) * t + n.y * side * (height / 2 + 5) };
            const from = { x: c.x - (dir.x * length) / 2, y: c.y - (dir.y * length) / 2 };
            const to = { x: c.x + (dir.x * length) / 2, y: c.y + (dir.y * length) / 2 };
            if (towns.every((town) => distanceToSegment(town.at, from, to) > height / 2 + town.radius + 4)) {
              center = c;
              break search;
            }
          }
        }
      }
      label.container.setVisible(center !== null);
      if (!center) continue;
      const corner = { x: center.x - (n.x * height) / 2, y: center.y - (n.y * height) / 2 };
      const world = screenToWorld(this.view, corner.x * this.u, corner.y * this.u);
      label.container.setPosition(world.x, world.y).setRotation(angle).setScale(this.k);
      const halfW = (Math.abs(dir.x) * length + Math.abs(n.x) * height) / 2;
      const halfH = (Math.abs(dir.y) * length + Math.abs(n.y) * height) / 2;
      this.corridorBoxes.push({ x: center.x - halfW, y: center.y - halfH, width: 2 * halfW, height: 2 * halfH });
    }
    this.labelsDirty = true;
  }

  /** A world point in CSS pixels on the canvas. */
  /** Where each town's marker is, in CSS pixels from the canvas's top left, with its radius: what a box over the map must leave visible. */
  townMarkers(): { x: number; y: number; radius: number }[] {
    return [...this.towns.values()].map((town) => ({ ...this.cssPoint(this.layout.towns.get(town.id)!), radius: town.radius }));
  }

  private cssPoint(p: Point): Point {
    const s = worldToScreen(this.view, p.x, p.y);
    return { x: s.x / this.u, y: s.y / this.u };
  }

  // --- towns and labels -------------------------------------------------------------------------

  private createTowns(): void {
    const entryAt = new Map<string, string>();
    for (const entry of this.ctx.level.entryPoints) entryAt.set(entry.town, entry.id);
    for (const town of this.ctx.level.towns) {
      const at = this.layout.towns.get(town.id);
      if (!at) continue;
      const entry = entryAt.get(town.id) ?? null;
      const kind = entry ? 'border' : town.kind;
      const marker = this.add.image(0, 0, this.townIcon(kind, null, true)).setScale(1 / this.u);
      const container = this.add.container(at.x, at.y, [marker]).setDepth(kind === 'capital' ? DEPTH.town + 0.5 : DEPTH.town);
      const radius = kind === 'capital' ? SIZES.capital : kind === 'border' ? SIZES.entry + 1 : SIZES.rural + 1;
      this.towns.set(town.id, { id: town.id, kind, entry, container, marker, shields: [], radius });

      const bold = kind === 'capital';
      const name = addText(this, 0, 0, town.name, this.textStyle(bold ? SIZES.capitalLabel : SIZES.townLabel, COLORS.labelText, bold ? 'bold' : 'normal'));
      const sub = addText(this, 0, 0, '', this.textStyle(SIZES.townLabel - 2, COLORS.labelMuted, 'normal'));
      const label = this.add.container(0, 0, [name, sub]).setDepth(DEPTH.label);
      const priority = kind === 'capital' ? 0 : kind === 'border' ? 1 : kind === 'city' ? 2 : 3;
      this.labels.set(town.id, { id: town.id, container: label, name, sub, width: 0, height: 0, priority, radius, box: null });
    }
  }

  private townIcon(kind: TownSprite['kind'], control: 'held' | 'fallen' | null, open: boolean): string {
    switch (kind) {
      case 'capital':
        return ICON.capital;
      case 'city':
        return ICON.city;
      case 'border':
        return open ? ICON.entryOpen : ICON.entryClosed;
      case 'rural':
        return control === 'fallen' ? ICON.fallen : ICON.rural;
    }
  }

  private updateTowns(state: Immutable<GameState>): void {
    const entries = new Map(entryStatuses(this.ctx, state).map((e) => [e.id, e]));
    for (const status of townStatuses(this.ctx, state)) {
      const sprite = this.towns.get(status.id);
      const label = this.labels.get(status.id);
      if (!sprite || !label) continue;
      const entry = sprite.entry ? entries.get(sprite.entry) : undefined;
      sprite.marker.setTexture(this.townIcon(sprite.kind, status.control, entry?.open ?? true));
      // Garrison shields: filled when in place, hollow while on the way.
      const wanted = Math.min(4, status.garrison + status.arriving);
      while (sprite.shields.length < wanted) {
        const shield = this.add.image(0, 0, ICON.shield).setScale(1 / this.u);
        sprite.container.add(shield);
        sprite.shields.push(shield);
      }
      while (sprite.shields.length > wanted) sprite.shields.pop()?.destroy();
      sprite.shields.forEach((shield, i) => {
        shield.setTexture(i < status.garrison ? ICON.shield : ICON.shieldArriving);
        shield.setPosition(sprite.radius + 4 + i * 9, -sprite.radius - 4);
      });
      let sub = '';
      let color: string = COLORS.labelMuted;
      if (entry) {
        sub = countryName(entry.country, entry.country).toLocaleUpperCase(lang());
        if (!entry.open) sub = `${sub} · ${t('map.closed')}`;
      } else if (status.control === 'fallen') {
        sub = t('map.fallen');
        color = COLORS.fallenText;
      }
      // Each change re-renders the text's canvas: only when something did change.
      if (label.sub.text !== sub) label.sub.setText(sub);
      if (label.sub.style.color !== color) label.sub.setColor(color);
      label.sub.setVisible(sub !== '');
      label.sub.setY(label.name.height - 4);
      label.width = Math.max(label.name.width, sub ? label.sub.width : 0);
      label.height = label.name.height + (sub ? label.sub.height - 4 : 0);
      label.container.setScale(this.k);
    }
    this.labelsDirty = true;
  }

  private placeTownLabels(): void {
    this.labelsDirty = false;
    this.changesToCheck = true;
    const selected = this.selection.value;
    const selectedTown = selected?.kind === 'town' ? selected.id : selected?.kind === 'entry' ? this.ctx.entries.get(selected.id)?.town : undefined;
    const requests: LabelRequest[] = [];
    const obstacles: Box[] = [];
    const screen = (p: Point): Point => {
      const s = worldToScreen(this.view, p.x, p.y);
      return { x: s.x / this.u, y: s.y / this.u };
    };
    for (const town of this.towns.values()) {
      const label = this.labels.get(town.id);
      if (!label) continue;
      const at = screen(this.layout.towns.get(town.id)!);
      const chosen = town.id === selectedTown;
      // The selection ring is wider than the marker: keep the label outside it.
      requests.push({ id: town.id, x: at.x, y: at.y, radius: chosen ? 16 : town.radius + 1, width: label.width, height: label.height, priority: label.priority, force: chosen });
      obstacles.push({ x: at.x - town.radius, y: at.y - town.radius, width: 2 * town.radius, height: 2 * town.radius });
      if (town.shields.length > 0) obstacles.push({ x: at.x + town.radius, y: at.y - town.radius - 11, width: 9 * town.shields.length + 4, height: 14 });
    }
    const soft: Box[] = [...this.corridorBoxes];
    for (const pin of [...this.patrols.values(), ...this.intel.values()]) {
      const at = screen({ x: pin.obj.x, y: pin.obj.y });
      soft.push({ x: at.x - 9, y: at.y - 9, width: pin.obj instanceof Phaser.GameObjects.Container ? 52 : 18, height: 18 });
    }
    // Convoys standing still (waiting, held, halted, or stopped at a town for the hour); moving ones just pass over.
    soft.push(...this.convoys.restingPills());
    // Country names come last and only where they fit: they must never hide a town's name.
    const countries = this.backdrop.countryNames;
    countries.forEach((name, i) => {
      const at = screen(name.at);
      requests.push({ id: `country:${i}`, x: at.x, y: at.y, radius: 0, width: name.width, height: name.height, priority: 10, anchors: ['center'], mayLeaveViewport: true });
    });
    const countryShown = countries.map(() => false);
    const open = this.openArea();
    const viewport = { x: open.x / this.u, y: open.y / this.u, width: open.width / this.u, height: open.height / this.u };
    const placed = placeLabels(requests, obstacles, viewport, soft);
    for (const p of placed) {
      if (p.id.startsWith('country:')) {
        countryShown[Number(p.id.slice(8))] = p.visible;
        continue;
      }
      const label = this.labels.get(p.id);
      if (!label) continue;
      label.container.setVisible(p.visible);
      label.box = p.visible ? { x: p.x, y: p.y, width: label.width, height: label.height } : null;
      if (!p.visible) continue;
      const world = screenToWorld(this.view, p.x * this.u, p.y * this.u);
      label.container.setPosition(world.x, world.y);
      this.alignLabel(label, p.anchor);
    }
    this.backdrop.showCountryNames(countryShown);
  }

  private alignLabel(label: LabelSprite, anchor: Anchor): void {
    const align = anchor.endsWith('left') ? 1 : anchor === 'above' || anchor === 'below' ? 0.5 : 0;
    label.name.setX((label.width - label.name.width) * align);
    label.sub.setX((label.width - label.sub.width) * align);
  }

  // --- units and intelligence -------------------------------------------------------------------

  private placePinned(pin: PinnedSprite): void {
    const k = this.k;
    pin.obj.setPosition(pin.at.x + pin.offset.x * k, pin.at.y + pin.offset.y * k);
    pin.obj.setScale(pin.obj instanceof Phaser.GameObjects.Image ? k / this.u : k);
  }

  private updatePatrols(state: Immutable<GameState>): void {
    const seen = new Set<string>();
    for (const marker of patrolMarkers(state)) {
      const seg = this.layout.roads.get(marker.road);
      if (!seg) continue;
      seen.add(marker.unit);
      let pin = this.patrols.get(marker.unit);
      if (!pin) {
        const obj = this.add.image(0, 0, ICON.shield).setDepth(DEPTH.unit);
        pin = { obj, at: seg.mid, offset: { x: 0, y: 0 }, road: marker.road };
        this.patrols.set(marker.unit, pin);
      }
      (pin.obj as Phaser.GameObjects.Image).setTexture(marker.arriving ? ICON.shieldArriving : ICON.shield);
      pin.at = seg.mid;
      pin.road = marker.road;
      pin.offset = { x: Math.cos(seg.angle) * 14 * marker.slot, y: Math.sin(seg.angle) * 14 * marker.slot };
      this.placePinned(pin);
    }
    for (const [id, pin] of this.patrols) {
      if (seen.has(id)) continue;
      pin.obj.destroy();
      this.patrols.delete(id);
    }
  }

  private updateIntel(state: Immutable<GameState>): void {
    const seen = new Set<string>();
    for (const marker of intelMarkers(state)) {
      const place = this.intelPlace(marker);
      if (!place) continue;
      seen.add(marker.key);
      let pin = this.intel.get(marker.key);
      const icon = marker.kind === 'ambush' ? ICON.ambush : marker.kind === 'checkpoint' ? ICON.checkpoint : ICON.cell;
      if (!pin) {
        const image = this.add.image(0, 0, icon).setScale(1 / this.u);
        const text = addText(this, 11, 0, '', this.textStyle(SIZES.intelLabel, '#f6ef9a', 'bold')).setOrigin(0, 0.5);
        const obj = this.add.container(0, 0, [image, text]).setDepth(DEPTH.intel);
        pin = { obj, at: place.at, offset: place.offset, marker, text, icon: image };
        this.intel.set(marker.key, pin);
      }
      pin.marker = marker;
      pin.at = place.at;
      pin.offset = place.offset;
      pin.icon.setTexture(icon);
      const label = formatPercent(marker.confidence);
      if (pin.text.text !== label) pin.text.setText(label);
      const { alpha, scale } = intelEmphasis(marker);
      pin.obj.setAlpha(alpha);
      pin.icon.setScale(scale / this.u);
      this.placePinned(pin);
    }
    for (const [key, pin] of this.intel) {
      if (seen.has(key)) continue;
      pin.obj.destroy();
      this.intel.delete(key);
    }
  }

  private intelPlace(marker: IntelMarker): { at: Point; offset: Point } | null {
    if (marker.road) {
      const seg = this.layout.roads.get(marker.road);
      if (!seg) return null;
      const up = upNormal(seg.angle);
      // Beside the middle of the road, on the side away from convoy pills; several reports side by side along it.
      const along = marker.slot * 48 - 20;
      return { at: seg.mid, offset: { x: -up.x * 17 + Math.cos(seg.angle) * along, y: -up.y * 17 + Math.sin(seg.angle) * along } };
    }
    const town = marker.town ? this.layout.towns.get(marker.town) : undefined;
    if (!town) return null;
    return { at: town, offset: { x: -14, y: 16 + 18 * marker.slot } };
  }

  // --- state and selection ----------------------------------------------------------------------

  private onSnapshot(snapshot: SessionSnapshot): void {
    const speedChanged = snapshot.speed !== this.speed;
    this.speed = snapshot.speed;
    if (snapshot.state !== this.state) this.syncState(snapshot.state, false);
    else if (speedChanged && this.speed === 0) {
      this.convoys.sync(this.state, true);
      this.requestFrame();
    }
  }

  private syncState(state: Immutable<GameState>, initial: boolean): void {
    // Most hours change nothing the canvas shows (the convoys are HTML): draw only if so.
    this.changesToCheck = true;
    const previous = this.state;
    this.state = state;
    const snap = initial || this.reducedMotion || this.speed === 0;
    this.convoys.sync(state, snap);
    this.labelsDirty = true;
    if (initial || state.towns !== previous.towns || state.units !== previous.units || state.entries !== previous.entries || state.hour !== previous.hour) {
      this.updateTowns(state);
      this.updatePatrols(state);
    }
    const pinsChanged = initial || state.units !== previous.units || state.intel !== previous.intel;
    if (initial || state.intel !== previous.intel || Math.floor(state.hour / 6) !== Math.floor(previous.hour / 6)) this.updateIntel(state);
    if (initial || state.blockaded !== previous.blockaded) this.roadsDirty = true;
    if (pinsChanged || state.blockaded !== previous.blockaded) this.placeCorridorLabels();
    const selected = this.selection.value;
    if (selected?.kind === 'convoy' || selected?.kind === 'unit') this.roadsDirty = true;
  }

  private onSelection(): void {
    this.requestFrame();
    this.roadsDirty = true;
    this.labelsDirty = true;
    this.ringBreath?.cancel();
    this.ringBreath = null;
    this.placeRing();
    if (this.ring.style.display !== 'none' && !this.reducedMotion && typeof this.ring.animate === 'function') {
      // Three slow breaths (under 1 Hz, never a flash) to draw the eye, then still.
      this.ringBreath = this.ring.animate([{ opacity: 1 }, { opacity: 0.5 }, { opacity: 1 }], { duration: 1800, iterations: 3, easing: 'ease-in-out' });
    }
  }

  private placeRing(): void {
    const at = this.selectionPoint(this.selection.value);
    const shown = at !== null;
    if ((this.ring.style.display !== 'none') !== shown) this.ring.style.display = shown ? '' : 'none';
    if (!at) return;
    const c = 'world' in at ? this.cssPoint(at.world) : at.css;
    placeIcon(this.ring, this.icon(ICON.ring), c.x, c.y);
  }

  /**
   * What the scene's objects look like, in one string: position, size, turn, visibility,
   * opacity, picture and text of each. Comparing it with the last frame's tells whether a
   * change of state shows at all, so the canvas is drawn again only when it does.
   */
  private displaySignature(): string {
    const parts: unknown[] = [];
    const visit = (object: Phaser.GameObjects.GameObject): void => {
      const o = object as Partial<Phaser.GameObjects.Image & Phaser.GameObjects.Text & Phaser.GameObjects.Container>;
      parts.push(o.x, o.y, o.scaleX, o.scaleY, o.rotation, o.visible, o.alpha, o.texture?.key, o.text, o.style?.color);
      if (Array.isArray(o.list)) for (const child of o.list) visit(child);
    };
    for (const object of this.children.list) visit(object);
    return parts.join('|');
  }

  /** A marker picture made by createIcons, as a URL for HTML, with its size in CSS pixels. */
  icon(key: string): IconImage {
    let image = this.icons.get(key);
    if (!image) {
      const source = this.textures.exists(key) ? this.textures.get(key).getSourceImage() : null;
      image =
        source instanceof HTMLCanvasElement
          ? { url: source.toDataURL(), width: source.width / this.u, height: source.height / this.u }
          : { url: 'data:,', width: 0, height: 0 };
      this.icons.set(key, image);
    }
    return image;
  }

  /** Where the selection ring goes (a world point, or a convoy's pill on the canvas); null for roads (they get a halo) and for nothing. */
  private selectionPoint(selected: MapSelection | null): { world: Point } | { css: Point } | null {
    const world = (p: Point | null | undefined): { world: Point } | null => (p ? { world: p } : null);
    const pill = (id: number): { css: Point } | null => {
      const p = this.convoys.pillPoint(id);
      return p ? { css: p } : null;
    };
    if (!selected) return null;
    switch (selected.kind) {
      case 'town':
        return world(this.layout.towns.get(selected.id));
      case 'entry': {
        const entry = this.ctx.entries.get(selected.id);
        return entry ? world(this.layout.towns.get(entry.town)) : null;
      }
      case 'convoy':
        return pill(selected.id);
      case 'unit': {
        const unit = this.state.units.find((u) => u.id === selected.id);
        if (!unit) return null;
        if (unit.task.kind === 'patrol') {
          const pin = this.patrols.get(unit.id);
          return pin ? world({ x: pin.obj.x, y: pin.obj.y }) : null;
        }
        if (unit.task.kind === 'garrison') return world(this.layout.towns.get(unit.task.town));
        if (unit.task.kind === 'escort') return pill(unit.task.convoy);
        return null;
      }
      case 'road':
        return null;
    }
  }

  // --- input --------------------------------------------------------------------------------

  /** What is under a canvas point: convoys first, then units, towns, reports, roads. */
  pick(sx: number, sy: number): MapSelection | null {
    const p = { x: sx / this.u, y: sy / this.u };
    const screen = (w: Point): Point => {
      const s = worldToScreen(this.view, w.x, w.y);
      return { x: s.x / this.u, y: s.y / this.u };
    };
    const reach = SIZES.hitRadius;
    const nearest = <T>(items: Iterable<T>, where: (item: T) => Point | null, limit: number): T | null => {
      let best: T | null = null;
      let bestDistance = limit;
      for (const item of items) {
        const at = where(item);
        if (!at) continue;
        const d = Math.hypot(at.x - p.x, at.y - p.y);
        if (d < bestDistance) {
          best = item;
          bestDistance = d;
        }
      }
      return best;
    };

    const underPointer = this.convoys.pillsAt(p);
    if (underPointer.length > 0) {
      // A pill standing for several convoys: each click picks the next one.
      const current = this.selection.value;
      const at = current?.kind === 'convoy' ? underPointer.indexOf(current.id) : -1;
      return { kind: 'convoy', id: underPointer[(at + 1) % underPointer.length]! };
    }
    const convoy = this.convoys.dotNear(p, reach * 0.7);
    if (convoy !== null) return { kind: 'convoy', id: convoy };

    const patrol = nearest(this.patrols.entries(), ([, pin]) => screen({ x: pin.obj.x, y: pin.obj.y }), reach);
    if (patrol) return { kind: 'unit', id: patrol[0] };

    const town = nearest(this.towns.values(), (s) => screen(this.layout.towns.get(s.id)!), reach);
    const labelled = town ?? [...this.towns.values()].find((s) => {
      const box = this.labels.get(s.id)?.box;
      return box ? p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height : false;
    });
    if (labelled) return labelled.entry ? { kind: 'entry', id: labelled.entry } : { kind: 'town', id: labelled.id };

    const report = nearest(this.intel.values(), (pin) => screen({ x: pin.obj.x, y: pin.obj.y }), reach);
    if (report?.marker.road) return { kind: 'road', id: report.marker.road };
    if (report?.marker.town) return { kind: 'town', id: report.marker.town };

    let road: string | null = null;
    let roadDistance = reach * 0.8;
    for (const seg of this.layout.roads.values()) {
      const d = distanceToSegment(p, screen(seg.a), screen(seg.b));
      if (d < roadDistance) {
        road = seg.id;
        roadDistance = d;
      }
    }
    return road ? { kind: 'road', id: road } : null;
  }

  private textStyle(size: number, color: string, fontStyle: string): Phaser.Types.GameObjects.Text.TextStyle {
    return {
      fontFamily: FONT,
      fontSize: `${size}px`,
      fontStyle,
      color,
      stroke: COLORS.labelStroke,
      strokeThickness: 3,
      resolution: this.u,
    };
  }
}
