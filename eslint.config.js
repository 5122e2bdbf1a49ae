// ESLint flat config. The layer rules (VS Code's model) live here:
//   shared/   = common:        runs anywhere (Node tests, renderer, Web Worker)
//   renderer/ = browser:       the React UI; owns the database
//   electron/ = electron-main: OS work only
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os',
  'path', 'process', 'stream', 'url', 'util', 'worker_threads', 'zlib',
];

const noNode = [
  { group: ['node:*'], message: 'Mã ở tầng này không được dùng module của Node.' },
];
const nodeNames = nodeBuiltins.map((name) => ({ name, message: 'Mã ở tầng này không được dùng module của Node.' }));

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'release/**', 'coverage/**', 'tests/artifacts/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='openExternal']",
          message: 'Ứng dụng không mở liên kết ra ngoài (shell.openExternal bị cấm).',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeNames,
            { name: 'react', message: 'shared/ không phụ thuộc React.' },
            { name: 'react-dom', message: 'shared/ không phụ thuộc React.' },
            { name: 'dexie', message: 'shared/ không phụ thuộc Dexie: cơ sở dữ liệu thuộc renderer/.' },
            { name: 'dexie-react-hooks', message: 'shared/ không phụ thuộc Dexie.' },
            { name: 'electron', message: 'shared/ không phụ thuộc Electron.' },
            { name: 'antd', message: 'shared/ không phụ thuộc giao diện.' },
          ],
          patterns: [
            ...noNode,
            { group: ['react/*', 'react-dom/*', 'dexie/*', 'electron/*', 'antd/*'], message: 'shared/ chỉ chứa mã chạy được ở mọi nơi.' },
            { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ không được nhập từ tầng trên.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeNames, { name: 'electron', message: 'renderer/ không được dùng Electron: hãy đi qua PlatformApi.' }],
          patterns: [...noNode, { group: ['electron/*', '**/electron/**'], message: 'renderer/ không được dùng Electron.' }],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeNames, { name: 'zod', message: 'Preload chỉ là cầu nối; kiểm tra dữ liệu nằm ở main.' }],
          patterns: [...noNode, { group: ['**/renderer/**'], message: 'Preload không dùng mã renderer.' }],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'Tiến trình chính không dùng mã renderer (và không mở cơ sở dữ liệu).' }] },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
