/**
 * The Howler side of the game's audio, loaded as its own small chunk on the first user
 * gesture (see `createAudio`), so the menu's JavaScript carries no audio code.
 */
import { Howl, Howler } from 'howler';
import type { AudioBackend, Voice } from './backend';

/** A sound's current volume; Howler answers with the Howl itself when it no longer knows the id. */
function levelOf(howl: Howl, id: number): number {
  const level = howl.volume(id);
  return typeof level === 'number' ? level : 0;
}

function voice(url: string, options: { loop: boolean; volume: number }): Voice {
  const howl = new Howl({ src: [url], loop: options.loop, volume: options.loop ? 0 : options.volume, preload: true });
  let id: number | undefined;
  let wanted = false;
  return {
    play: () => void howl.play(),
    fadeIn(ms) {
      wanted = true;
      if (id === undefined || !howl.playing(id)) id = howl.play(id);
      howl.fade(levelOf(howl, id), options.volume, ms, id);
    },
    fadeOut(ms) {
      wanted = false;
      if (id === undefined) return;
      // Not audible yet (still loading, its play queued): Howler queues the pause behind it.
      if (!howl.playing(id)) return void howl.pause(id);
      const playing = id;
      howl.fade(levelOf(howl, playing), 0, ms, playing);
      howl.once('fade', () => (wanted ? undefined : howl.pause(playing)), playing);
    },
  };
}

export const howlerBackend: AudioBackend = {
  voice,
  setVolume: (volume) => void Howler.volume(volume),
  setMuted: (muted) => void Howler.mute(muted),
};
