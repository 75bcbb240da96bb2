/**
 * The game draws with WebGL, plays sound through Howler and uses no physics, so the built
 * game bundles Phaser from its source entry without physics (`phaser-no-physics.js`), with
 * Phaser's own build flags set as its webpack build would: no Canvas renderer (deprecated
 * in Phaser 4), no Phaser sound manager, no debug or plug-in extras. That is about 45 KB
 * gzipped less than the full distributed build, and keeps the game within its JavaScript
 * budget. The dev server keeps the standard ES build.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const FLAGS: Record<string, string> = {
  CANVAS_RENDERER: 'false',
  WEBGL_RENDERER: 'true',
  WEBGL_DEBUG: 'false',
  FEATURE_SOUND: 'false',
  PLUGIN_CAMERA3D: 'false',
  PLUGIN_FBINSTANT: 'false',
};
const FLAG = new RegExp(`typeof (${Object.keys(FLAGS).join('|')})\\b`, 'g');

export function phaserWithoutExtras(root: string): Plugin {
  // Module ids are real paths: a node_modules that is a symbolic link (a git worktree sharing
  // another's packages) must not turn the flags off unnoticed.
  const src = realpathSync(resolve(root, 'node_modules/phaser/src'));
  return {
    name: 'phaser-without-extras',
    apply: 'build',
    enforce: 'pre',
    resolveId(id) {
      return id === 'phaser' ? resolve(src, 'phaser-no-physics.js') : undefined;
    },
    transform(code, id) {
      if (!id.startsWith(src)) return undefined;
      // `global` is webpack's name for the global object.
      return code.replace(FLAG, (_match, flag: string) => FLAGS[flag]!).replace(/\bglobal\.Phaser\b/g, 'globalThis.Phaser');
    },
  };
}
