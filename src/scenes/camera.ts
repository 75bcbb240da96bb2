/**
 * The map's camera as a value the scene reads: what the view shows, how far it may zoom and
 * scroll, and how it answers the player (drag, wheel, keys) and the page (a resize, a panel
 * opening over the map). The default view frames the level's towns in the part of the
 * canvas the page's panels leave open; once the player moves the view it is theirs until
 * they reset it. Pure (no Phaser, no DOM), so it is tested under Node; the scene copies
 * `view` to Phaser's camera.
 */
import { centerOn, clampView, fitZoom, viewCenter, zoomAt, type Rect, type View, type ZoomLimits } from './projection';
import { FIT_PADDING, ZOOM } from './style';

/** How much of each edge of the canvas the page's panels cover. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export class MapCamera {
  private current: View = { width: 1, height: 1, zoom: 1, scrollX: 0, scrollY: 0 };
  private fit = 1;
  private limits: ZoomLimits = { min: 0.1, max: 10 };
  /** Canvas pixels. */
  private insets: Insets = { top: 0, right: 0, bottom: 0, left: 0 };
  private fitted = true;

  constructor(
    /** What the default view frames (the towns), world units. */
    private readonly focus: Rect,
    /** How far the view may go (the drawn geography), world units. */
    private readonly bounds: Rect,
    /** Canvas pixels per CSS pixel. */
    private readonly pixelRatio: number,
  ) {}

  /** What the camera shows: canvas pixels, zoom in canvas pixels per world unit. */
  get view(): View {
    return this.current;
  }

  /** The zoom of the default view, for this canvas and these panels. */
  get fitZoom(): number {
    return this.fit;
  }

  get zoomLimits(): ZoomLimits {
    return this.limits;
  }

  /** Whether the view is the default one (the player has not moved it since it was last reset). */
  get isFitted(): boolean {
    return this.fitted;
  }

  /**
   * The canvas changed size (canvas pixels), or the page's panels now cover other parts of it
   * (`insets`, CSS pixels). A view the player has not moved is fitted again; a moved one keeps
   * its centre and its zoom relative to the fit.
   */
  resize(width: number, height: number, insets?: Insets, refit = false): void {
    const u = this.pixelRatio;
    const relative = this.current.zoom / this.fit;
    const center = viewCenter(this.current);
    if (insets) this.insets = { top: insets.top * u, right: insets.right * u, bottom: insets.bottom * u, left: insets.left * u };
    this.current = { ...this.current, width, height };
    const open = this.openArea();
    const pad = { x: Math.min(FIT_PADDING.x * u, open.width * 0.1), y: Math.min(FIT_PADDING.y * u, open.height * 0.08) };
    this.fit = fitZoom(open.width, open.height, this.focus, pad.x, pad.y);
    const cover = Math.max(width / this.bounds.width, height / this.bounds.height);
    this.limits = { min: Math.max(this.fit * ZOOM.min, cover), max: Math.max(this.fit * ZOOM.max, cover) };
    if (refit || this.fitted) this.reset();
    else this.set(centerOn({ ...this.current, zoom: this.fit * relative }, center.x, center.y));
  }

  /** The part of the canvas not covered by the page's panels, in canvas pixels (never less than a third of it). */
  openArea(): Rect {
    const { width, height } = this.current;
    const left = Math.min(this.insets.left, width / 3);
    const top = Math.min(this.insets.top, height / 3);
    const right = Math.min(this.insets.right, width / 3);
    const bottom = Math.min(this.insets.bottom, height / 3);
    return { x: left, y: top, width: width - left - right, height: height - top - bottom };
  }

  /** Frame the level's towns in the open part of the canvas. */
  reset(): void {
    const open = this.openArea();
    const zoom = this.fit;
    // Centre the towns on the open area's centre, not the canvas's.
    const shiftX = (open.x + open.width / 2 - this.current.width / 2) / zoom;
    const shiftY = (open.y + open.height / 2 - this.current.height / 2) / zoom;
    const { focus } = this;
    this.set(centerOn({ ...this.current, zoom }, focus.x + focus.width / 2 - shiftX, focus.y + focus.height / 2 - shiftY));
    this.fitted = true;
  }

  /** The player moved the view (a drag, a pinch): it is theirs until they reset it. */
  move(view: View): void {
    this.set(view);
    this.fitted = false;
  }

  /** Zoom by `factor` about a canvas point (the centre by default). */
  zoomBy(factor: number, sx = this.current.width / 2, sy = this.current.height / 2): void {
    this.move(zoomAt(this.current, this.current.zoom * factor, sx, sy));
  }

  /** Scroll by a distance in CSS pixels. */
  panBy(dxCss: number, dyCss: number): void {
    const { zoom } = this.current;
    const u = this.pixelRatio;
    this.move({ ...this.current, scrollX: this.current.scrollX + (dxCss * u) / zoom, scrollY: this.current.scrollY + (dyCss * u) / zoom });
  }

  private set(view: View): void {
    this.current = clampView(view, this.bounds, this.limits);
  }
}
