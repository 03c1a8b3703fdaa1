import path from 'node:path';

import { defineConfig } from 'vitest/config';

const alias = { 'server-only': path.resolve('test/helpers/empty-module.ts'), '@': path.resolve('.') };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // Some unit tests run the whole cleanup on the 700 KB corpus volume: 1–3 s alone, more on a loaded 2-core machine.
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/authz/permissions-matrix.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/authz/**/*.test.ts'], exclude: ['test/authz/permissions-matrix.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          setupFiles: ['test/helpers/setup-env.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'browser',
          // The security suite speaks HTTP and WebSocket to the same running app as the browser tests.
          include: ['test/browser/**/*.test.ts', 'test/security/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
