/**
 * Smooth convoy motion between hourly ticks. The simulation moves a convoy once per game hour;
 * the map glides it from where it is drawn to where the new state puts it over the rest of
 * that hour, using the session's `hourFraction` as the clock. Without motion (reduced motion,
 * or a paused game) the convoy is simply drawn where the state puts it.
 */
export class Glide {
  private from: number;
  private to: number;
  /** The hour fraction at which the glide started. */
  private start = 0;
  private last = 0;

  constructor(value: number) {
    this.from = value;
    this.to = value;
  }

  get target(): number {
    return this.to;
  }

  /** A new target (a new state): glide from the value shown at hour fraction `f`. */
  retarget(target: number, f: number): void {
    this.from = this.at(f);
    this.to = target;
    this.start = f;
    this.last = f;
  }

  /** Jump: no glide. */
  snap(target: number): void {
    this.from = target;
    this.to = target;
    this.start = 0;
    this.last = 0;
  }

  /** The value to draw at hour fraction `f` (0–1). */
  at(f: number): number {
    if (this.from === this.to) return this.to;
    if (f < this.last) {
      // The clock restarted without a new state (speed changed): carry on from here.
      this.from = this.valueAt(this.last);
      this.start = f;
    }
    this.last = f;
    return this.valueAt(f);
  }

  get moving(): boolean {
    return this.from !== this.to;
  }

  private valueAt(f: number): number {
    const span = 1 - this.start;
    const t = span <= 0 ? 1 : Math.max(0, Math.min(1, (f - this.start) / span));
    if (t >= 1) {
      this.from = this.to;
      return this.to;
    }
    return this.from + (this.to - this.from) * t;
  }
}
