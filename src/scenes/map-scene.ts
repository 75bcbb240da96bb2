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
import type { MapSelection, SelectionBus } from '../app/selection';
import type { GameSession, SessionSnapshot } from '../app/session';
import type { LevelContext } from '../sim/context';
import type { GameState } from '../sim/state';
import type { MapAtlas, Size } from './atlas';
import type { Backdrop } from './backdrop';
import { MapCamera, type Insets } from './camera';
import { ConvoyLayer, iconPart, placeIcon } from './convoy-layer';
import { corridorLabelRoad, placeCorridorLabel, type Obstacle } from './corridor-labels';
import { pickAt } from './picking';
import { ICON, iconImage, type IconImage, type IconKey } from './icons';
import { attachMapInput } from './map-input';
import { placeLabels, type Anchor, type Box, type LabelRequest } from './labels';
import { TEXT_FRAME } from './map-text';
import type { PreparedMap } from './prepare';
import { routeKmOf, routePathOf, upNormal, type MapLayout } from './layout';
import { roadStrokes, routeAhead, type RoadHighlights } from './road-strokes';
import { entryStatuses, intelEmphasis, intelMarkers, patrolMarkers, townStatuses, type IntelMarker, type RiskLevel } from './model';
import { screenToWorld, worldToScreen, type Point, type View } from './projection';
import { SIZES, riskStyles, type Palette, type RiskStyle } from './style';

export interface MapSceneOptions {
  session: GameSession;
  selection: SelectionBus;
  reducedMotion: boolean;
  /** The layout, backdrop and atlas, made before Phaser started (see prepare.ts). */
  prepared: PreparedMap;
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
  name: Phaser.GameObjects.Image;
  /** The note under the name (a border town's country, "fallen"): an atlas frame, or hidden. */
  sub: Phaser.GameObjects.Image;
  nameSize: Size;
  /** The atlas frame the note shows ('' for none). */
  subFrame: string;
  /** The whole label, CSS pixels. */
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
  name: Phaser.GameObjects.Image;
  note: Phaser.GameObjects.Image;
  nameSize: Size;
  noteSize: Size;
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

  private readonly camera: MapCamera;
  private appliedZoom = -1;
  private viewDirty = true;
  private labelsDirty = true;
  private roadsDirty = true;

  private readonly backdrop: Backdrop;
  private backdropImage!: Phaser.GameObjects.Image;
  private readonly atlas: MapAtlas;
  private readonly risk: Record<RiskLevel, RiskStyle>;
  private corridorLabels: CorridorLabel[] = [];
  /** Where corridor names were put, CSS px: town labels keep clear of them. */
  private corridorBoxes: Box[] = [];
  private towns = new Map<string, TownSprite>();
  private labels = new Map<string, LabelSprite>();
  private patrols = new Map<string, PinnedSprite & { road: string }>();
  private intel = new Map<string, PinnedSprite & { marker: IntelMarker; text: Phaser.GameObjects.Image; icon: Phaser.GameObjects.Image }>();
  private convoys!: ConvoyLayer;
  /** Over the canvas: the convoys and the selection ring, as HTML (see convoy-layer.ts). */
  private overlay!: HTMLElement;
  private ring!: HTMLElement;
  private ringBreath: Animation | null = null;
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
    this.u = options.prepared.pixelRatio;
    this.ctx = options.session.ctx;
    this.layout = options.prepared.layout;
    this.camera = new MapCamera(this.layout.focus, options.prepared.bounds, this.u);
    this.state = options.session.state;
    this.speed = options.session.speed;
    this.backdrop = options.prepared.backdrop;
    this.atlas = options.prepared.atlas;
    this.risk = riskStyles(options.palette);
  }

  // --- lifecycle ----------------------------------------------------------------------------

  create(): void {
    this.atlas.register(this.textures);
    // The backdrop's texture is made when its picture is first drawn (see showBackdrop).
    this.backdropImage = this.add.image(0, 0, '__WHITE').setOrigin(0).setDepth(DEPTH.backdrop).setVisible(false);
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
      this.showBackdrop();
      const corner = screenToWorld(this.view, 0, 0);
      // One canvas pixel per texture pixel: the picture was drawn for this very view.
      this.backdropImage.setPosition(corner.x, corner.y).setScale(1 / this.view.zoom);
    }
  }

  /**
   * Hand the backdrop's new picture to the GPU. A plain texture made from its canvas: Phaser's
   * CanvasTexture would also read every pixel back into an array the map never uses, which
   * for a picture the size of the screen cost more than drawing it.
   */
  private showBackdrop(): void {
    const canvas = this.backdrop.canvas;
    if (!this.textures.exists(BACKDROP)) {
      this.textures.addImage(BACKDROP, canvas as unknown as HTMLImageElement);
      this.backdropImage.setTexture(BACKDROP).setVisible(true);
      return;
    }
    const texture = this.textures.get(BACKDROP);
    const source = texture.source[0]!;
    if (source.width !== canvas.width || source.height !== canvas.height) {
      source.updateSize(canvas.width, canvas.height);
      texture.get().setSize(canvas.width, canvas.height);
      this.backdropImage.setSizeToFrame();
    }
    source.update();
  }

  /** The canvas changed size, or the page's panels now cover other parts of it (see MapCamera.resize). */
  resizeView(width: number, height: number, initial: boolean, insets?: Insets): void {
    this.camera.resize(width, height, insets, initial);
    this.cameras.main.setSize(width, height);
    this.viewMoved();
  }

  // --- camera -------------------------------------------------------------------------------

  /** What the camera shows (canvas pixels). */
  private get view(): View {
    return this.camera.view;
  }

  private viewMoved(): void {
    this.viewDirty = true;
    this.requestFrame();
  }

  /** Frame the level's towns in the open part of the canvas. */
  resetView(): void {
    this.camera.reset();
    this.viewMoved();
  }

  zoomBy(factor: number, sx?: number, sy?: number): void {
    this.camera.zoomBy(factor, sx, sy);
    this.viewMoved();
  }

  panBy(dxCss: number, dyCss: number): void {
    this.camera.panBy(dxCss, dyCss);
    this.viewMoved();
  }

  private moveView(view: View): void {
    this.camera.move(view);
    this.viewMoved();
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
    const selected = this.selection.value;
    const road = selected?.kind === 'road' ? this.ctx.roads.get(selected.id) : undefined;
    const escorted = selected?.kind === 'unit' ? this.state.units.find((u) => u.id === selected.id)?.task : undefined;
    const routeOf = selected?.kind === 'convoy' ? selected.id : escorted?.kind === 'escort' ? escorted.convoy : undefined;
    const convoy = routeOf === undefined ? undefined : this.state.convoys.find((c) => c.id === routeOf);
    const patrolRoad = selected?.kind === 'unit' ? this.unitRoad(selected.id) : undefined;
    const highlights: RoadHighlights = {
      ...(road ? { road: { id: road.id, corridor: road.corridor } } : {}),
      ...(patrolRoad ? { patrolRoad } : {}),
      ...(convoy
        ? { route: routeAhead(this.convoys.pathOf(convoy.id) ?? routePathOf(this.ctx, this.layout, convoy), routeKmOf(this.ctx, convoy), convoy.leg, convoy.status === 'returning') }
        : {}),
    };
    this.backdrop.setStrokes(roadStrokes(this.ctx.level.roads, this.layout.roads, this.risk, this.k, highlights));
    this.requestFrame();
  }

  private unitRoad(unitId: string): string | undefined {
    const unit = this.state.units.find((u) => u.id === unitId);
    return unit?.task.kind === 'patrol' ? unit.task.road : undefined;
  }

  /** An image of an atlas frame, at one CSS pixel per unit of its parent (markers and labels are counter-scaled containers). */
  private atlasImage(frame: string): Phaser.GameObjects.Image {
    return this.add.image(0, 0, this.atlas.key, frame).setScale(1 / this.u);
  }

  private createCorridorLabels(): void {
    for (const corridor of this.ctx.level.corridors) {
      const road = corridorLabelRoad(this.ctx, corridor.id);
      if (!road) continue;
      const nameSize = this.atlas.size(TEXT_FRAME.corridor(corridor.id));
      const noteSize = this.atlas.size(TEXT_FRAME.blockade);
      const name = this.atlasImage(TEXT_FRAME.corridor(corridor.id)).setOrigin(0.5, 0);
      const note = this.atlasImage(TEXT_FRAME.blockade).setOrigin(0.5, 0).setY(nameSize.height - 2).setVisible(false);
      const container = this.add.container(0, 0, [name, note]).setDepth(DEPTH.corridorLabel);
      this.corridorLabels.push({ id: corridor.id, road, container, name, note, nameSize, noteSize });
    }
  }

  /**
   * Corridor names run along one of their roads, on whichever side and at whichever point
   * along it keeps them off the towns; they are hidden when the road is too short on screen.
   */
  private placeCorridorLabels(): void {
    const blockaded = new Set<string>(this.state.blockaded);
    const obstacles: Obstacle[] = this.townMarkers().map(({ x, y, radius }) => ({ at: { x, y }, radius }));
    // Units on patrol and reports sit on or beside roads too.
    for (const pin of [...this.patrols.values(), ...this.intel.values()]) obstacles.push({ at: this.cssPoint({ x: pin.obj.x, y: pin.obj.y }), radius: 10 });
    this.corridorBoxes = [];
    for (const label of this.corridorLabels) {
      const seg = this.layout.roads.get(label.road);
      if (!seg) continue;
      const blocked = blockaded.has(label.id);
      label.note.setVisible(blocked);
      const length = Math.max(label.nameSize.width, blocked ? label.noteSize.width : 0);
      const height = label.nameSize.height + (blocked ? label.noteSize.height - 2 : 0);
      const spot = placeCorridorLabel(this.cssPoint(seg.a), this.cssPoint(seg.b), length, height, obstacles);
      label.container.setVisible(spot !== null);
      if (!spot) continue;
      const world = screenToWorld(this.view, spot.corner.x * this.u, spot.corner.y * this.u);
      label.container.setPosition(world.x, world.y).setRotation(spot.angle).setScale(this.k);
      this.corridorBoxes.push(spot.box);
    }
    this.labelsDirty = true;
  }

  /** Where each town's marker is, in CSS pixels from the canvas's top left, with its radius: what a box over the map must leave visible. */
  townMarkers(): { x: number; y: number; radius: number }[] {
    return [...this.towns.values()].map((town) => ({ ...this.cssPoint(this.layout.towns.get(town.id)!), radius: town.radius }));
  }

  /** A world point in CSS pixels on the canvas. */
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
      const marker = this.atlasImage(this.townIcon(kind, null, true));
      const container = this.add.container(at.x, at.y, [marker]).setDepth(kind === 'capital' ? DEPTH.town + 0.5 : DEPTH.town);
      const radius = kind === 'capital' ? SIZES.capital : kind === 'border' ? SIZES.entry + 1 : SIZES.rural + 1;
      this.towns.set(town.id, { id: town.id, kind, entry, container, marker, shields: [], radius });

      const nameSize = this.atlas.size(TEXT_FRAME.townName(town.id));
      const name = this.atlasImage(TEXT_FRAME.townName(town.id)).setOrigin(0);
      const sub = this.atlasImage(TEXT_FRAME.fallen).setOrigin(0).setY(nameSize.height - 4).setVisible(false);
      const label = this.add.container(0, 0, [name, sub]).setDepth(DEPTH.label);
      const priority = kind === 'capital' ? 0 : kind === 'border' ? 1 : kind === 'city' ? 2 : 3;
      this.labels.set(town.id, { id: town.id, container: label, name, sub, nameSize, subFrame: '', width: nameSize.width, height: nameSize.height, priority, radius, box: null });
    }
  }

  private townIcon(kind: TownSprite['kind'], control: 'held' | 'fallen' | null, open: boolean): IconKey {
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
      sprite.marker.setFrame(this.townIcon(sprite.kind, status.control, entry?.open ?? true));
      // Garrison shields: filled when in place, hollow while on the way.
      const wanted = Math.min(4, status.garrison + status.arriving);
      while (sprite.shields.length < wanted) {
        const shield = this.atlasImage(ICON.shield);
        sprite.container.add(shield);
        sprite.shields.push(shield);
      }
      while (sprite.shields.length > wanted) sprite.shields.pop()?.destroy();
      sprite.shields.forEach((shield, i) => {
        shield.setFrame(i < status.garrison ? ICON.shield : ICON.shieldArriving);
        shield.setPosition(sprite.radius + 4 + i * 9, -sprite.radius - 4);
      });
      const sub = entry ? TEXT_FRAME.entryNote(entry.id, entry.open) : status.control === 'fallen' ? TEXT_FRAME.fallen : '';
      if (sub !== label.subFrame) {
        label.subFrame = sub;
        if (sub) label.sub.setFrame(sub);
        label.sub.setVisible(sub !== '');
        const subSize = this.atlas.size(sub);
        label.width = Math.max(label.nameSize.width, sub ? subSize.width : 0);
        label.height = label.nameSize.height + (sub ? subSize.height - 4 : 0);
      }
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
    const open = this.camera.openArea();
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
    label.name.setX((label.width - label.nameSize.width) * align);
    label.sub.setX((label.width - this.atlas.size(label.subFrame).width) * align);
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
        const obj = this.add.image(0, 0, this.atlas.key, ICON.shield).setDepth(DEPTH.unit);
        pin = { obj, at: seg.mid, offset: { x: 0, y: 0 }, road: marker.road };
        this.patrols.set(marker.unit, pin);
      }
      (pin.obj as Phaser.GameObjects.Image).setFrame(marker.arriving ? ICON.shieldArriving : ICON.shield);
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
        const image = this.atlasImage(icon);
        const text = this.atlasImage(TEXT_FRAME.confidence(marker.confidence)).setOrigin(0, 0.5).setX(11);
        const obj = this.add.container(0, 0, [image, text]).setDepth(DEPTH.intel);
        pin = { obj, at: place.at, offset: place.offset, marker, text, icon: image };
        this.intel.set(marker.key, pin);
      }
      pin.marker = marker;
      pin.at = place.at;
      pin.offset = place.offset;
      pin.icon.setFrame(icon);
      pin.text.setFrame(TEXT_FRAME.confidence(marker.confidence));
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
      parts.push(o.x, o.y, o.scaleX, o.scaleY, o.rotation, o.visible, o.alpha, o.texture?.key, o.frame?.name, o.text, o.style?.color);
      if (Array.isArray(o.list)) for (const child of o.list) visit(child);
    };
    for (const object of this.children.list) visit(object);
    return parts.join('|');
  }

  /** A marker picture for HTML over the map, with its size in CSS pixels. */
  icon(key: IconKey): IconImage {
    return iconImage(key);
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

  /** What is under a canvas point (see picking.ts). */
  pick(sx: number, sy: number): MapSelection | null {
    const p = { x: sx / this.u, y: sy / this.u };
    const at = (w: Point): Point => this.cssPoint(w);
    const layout = this.layout;
    return pickAt(p, {
      pillsUnder: this.convoys.pillsAt(p),
      convoyNear: this.convoys.dotNear(p, SIZES.hitRadius * 0.7),
      patrols: [...this.patrols].map(([unit, pin]) => ({ unit, at: at({ x: pin.obj.x, y: pin.obj.y }) })),
      towns: [...this.towns.values()].map((town) => ({ id: town.id, entry: town.entry, at: at(layout.towns.get(town.id)!), label: this.labels.get(town.id)?.box ?? null })),
      reports: [...this.intel.values()].map((pin) => ({ ...(pin.marker.road ? { road: pin.marker.road } : {}), ...(pin.marker.town ? { town: pin.marker.town } : {}), at: at({ x: pin.obj.x, y: pin.obj.y }) })),
      roads: [...layout.roads.values()].map((seg) => ({ id: seg.id, a: at(seg.a), b: at(seg.b) })),
      current: this.selection.value,
    });
  }


}
