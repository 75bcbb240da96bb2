/**
 * The game uses no physics, so it loads Phaser's official build without Matter.js
 * (`phaser-arcade-physics`, about 33 KB gzipped smaller). That build is UMD; this plugin
 * serves it as an ES module with the same default and named exports as `phaser`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL = '\0phaser-lite';

export function phaserWithoutMatter(root: string): Plugin {
  const dist = resolve(root, 'node_modules/phaser/dist');
  return {
    name: 'phaser-without-matter',
    // Only the built game needs the lighter Phaser: the dev server keeps the ES build, which
    // it can serve without converting a UMD file.
    apply: 'build',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === 'phaser' && importer !== VIRTUAL) return VIRTUAL;
      return undefined;
    },
    load(id) {
      if (id !== VIRTUAL) return undefined;
      // The ES build's export list names everything `import * as Phaser` may use.
      const esm = readFileSync(resolve(dist, 'phaser.esm.js'), 'utf8');
      const tail = esm.slice(esm.lastIndexOf('export {'));
      const names = [...tail.matchAll(/ as (\w+)/g)].map((m) => m[1]!).filter((n) => n !== 'default');
      return [
        `import umd from ${JSON.stringify(resolve(dist, 'phaser-arcade-physics.js'))};`,
        'const Phaser = umd.Phaser ?? umd;',
        'export default Phaser;',
        `export const { ${names.join(', ')} } = Phaser;`,
      ].join('\n');
    },
  };
}
