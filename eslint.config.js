// ESLint (typescript-eslint) in the test gate: the recommended rules, with
// type-aware rules where they catch real faults (floating promises).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.bench/', 'test-results/', 'playwright-report/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A leading underscore marks a value left out on purpose (rest destructuring, Lit's `changed` maps).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  // Scripts run in Node and hand functions to the page (page.evaluate), so both sets of globals.
  { files: ['scripts/**', 'eslint.config.js'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
);
