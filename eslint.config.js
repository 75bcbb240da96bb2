import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'indexedDB', 'performance', 'requestAnimationFrame'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'levels/schema.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `import { type X }` keeps a side-effect import of the module: it pulled the whole level
      // schema (and zod) into the game page once.
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  {
    // Phaser is written in CommonJS; the game's selection of it (build/phaser-game.cjs) is too.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', globalThis: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The pure core: no renderer, no audio, no DOM, no clock, no ambient randomness.
    files: ['src/sim/**/*.ts', 'src/ai/**/*.ts', 'src/levels/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['phaser', 'phaser/*', 'howler'], message: 'The pure core never imports the renderer or audio.' },
            { group: ['**/ui/**', '**/scenes/**', '**/audio/**', '**/app/**', '**/cli/**'], message: 'The pure core never imports the client or the CLI.' },
            { group: ['node:*', 'fs', 'path'], message: 'The pure core runs in the browser too: no Node modules.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...domGlobals.map((name) => ({ name, message: 'The pure core has no DOM.' }))],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded generator in the state.' },
        { object: 'Date', property: 'now', message: 'The pure core has no clock.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'The pure core has no clock.' }],
    },
  },
);
