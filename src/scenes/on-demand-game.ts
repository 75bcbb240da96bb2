/**
 * A Phaser game that draws a frame only when the map asks for one. Phaser redraws every
 * frame by default; the map is still most of the time (a paused game, a player reading the
 * panels), and on school Chromebooks and phones, where WebGL may be software-rendered, every
 * frame not drawn is battery and CPU left to the rest of the page. Updates (input, tweens,
 * timers) still run every frame; only the render half of `Game#step` is skipped, and the
 * canvas keeps showing the last frame drawn.
 */
import * as Phaser from 'phaser';

export class OnDemandGame extends Phaser.Game {
  /** Asked after each update: does this frame need drawing? */
  wantsFrame: () => boolean = () => true;

  override step(time: number, delta: number): void {
    const pendingDestroy = (this as unknown as { pendingDestroy?: boolean }).pendingDestroy === true;
    if (pendingDestroy || this.isPaused) {
      super.step(time, delta);
      return;
    }
    // The same sequence as Phaser.Game#step (Phaser 4.2), with the render half made conditional.
    const events = this.events;
    events.emit(Phaser.Core.Events.PRE_STEP, time, delta);
    events.emit(Phaser.Core.Events.STEP, time, delta);
    this.scene.update(time, delta);
    events.emit(Phaser.Core.Events.POST_STEP, time, delta);
    if (!this.wantsFrame()) return;
    const renderer = this.renderer;
    renderer.preRender();
    events.emit(Phaser.Core.Events.PRE_RENDER, renderer, time, delta);
    this.scene.render(renderer);
    renderer.postRender();
    events.emit(Phaser.Core.Events.POST_RENDER, renderer, time, delta);
  }
}
