import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

/**
 * The layers, top to bottom (DESIGN.md): a layer imports only from the layers below it. The
 * pure layers (analytics, sim, model) never import Lit or the DOM-bound layers.
 */
const LAYERS = ['elements', 'store', 'analytics', 'sim', 'model'];

/** `no-restricted-paths` zones: for each layer, every layer above it is off limits. */
const layerZones = LAYERS.flatMap((layer, i) =>
  LAYERS.slice(0, i).map((above) => ({
    target: `./src/${layer}`,
    from: `./src/${above}`,
    message: `src/${layer} sits below src/${above}: imports point down the layers only (DESIGN.md, "Layers").`,
  })),
);

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-demo/',
      'bench/.out/',
      'custom-elements.json',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts'],
    plugins: { lit, wc, 'lit-a11y': litA11y },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
    },
  },
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.mocha },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  // Type-aware rules on every TypeScript file: a promise nobody awaits or handles is a bug
  // (an unhandled rejection, or work that finishes after the caller thinks it is done).
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
    },
  },
  // The layer direction, and no import cycles anywhere in the library.
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    // Resolves `./x.js` to `./x.ts` as TypeScript does: without it both rules see nothing.
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': 'off',
    },
  },
  {
    files: [
      'src/model/**/*.ts',
      'src/sim/**/*.ts',
      'src/analytics/**/*.ts',
      // An element's model/ folder holds its pure rules (view models, reducers, geometry):
      // the same no-DOM rule, so a module never mixes DOM with domain rules.
      'src/elements/*/model/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(lit|@lit/|lit/|idb)',
              message:
                'The pure layers (model, sim, analytics) and element model/ folders run in Node: no Lit, no IndexedDB.',
            },
            {
              regex: '^\\.\\./(controllers|panels)/|^\\.\\./sales-[a-z]+(\\.styles)?\\.js$',
              message:
                "An element's model/ is pure: it imports no controllers, panels, element or styles.",
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'HTMLElement', 'customElements', 'indexedDB', 'localStorage'].map(
          (name) => ({ name, message: 'The pure layers never touch the DOM or browser storage.' }),
        ),
      ],
    },
  },
);
