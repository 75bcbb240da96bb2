/**
 * The benchmark's baseline: the smallest Phaser 4 game (one scene, one rectangle), built
 * with the same Vite options as the game. `npm run bench` compares the game's time to a
 * playable map and its frame times against this page in the same browser.
 *
 * `window.__ready` is the page time (ms since navigation start) of the first rendered frame.
 */
import * as Phaser from 'phaser';

declare global {
  interface Window {
    __ready?: number;
  }
}

class Hello extends Phaser.Scene {
  create(): void {
    this.add.rectangle(this.scale.width / 2, this.scale.height / 2, 240, 120, 0xe0a526);
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      window.__ready = performance.now();
    });
  }
}

new Phaser.Game({
  type: Phaser.WEBGL,
  parent: 'app',
  backgroundColor: '#1d1b16',
  banner: false,
  scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
  scene: Hello,
});
