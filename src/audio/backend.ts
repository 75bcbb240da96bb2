/** What the game's audio needs from a sound library: Howler in the browser, a fake in tests. */
export interface Voice {
  /** A one-shot: plays from the start (overlapping earlier plays). */
  play(): void;
  /** A loop: starts (or keeps) playing and fades up to its volume. */
  fadeIn(ms: number): void;
  /** A loop: fades out, then pauses. */
  fadeOut(ms: number): void;
}

export interface AudioBackend {
  voice(url: string, options: { loop: boolean; volume: number }): Voice;
  /** Master volume, 0–1. */
  setVolume(volume: number): void;
  setMuted(muted: boolean): void;
}
