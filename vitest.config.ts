import path from 'node:path'

import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

export default defineConfig({
  resolve: {
    alias: {
      '@payload-config': path.join(root, 'payload.config.ts'),
      '@collections': path.join(root, 'collections'),
      '@': path.join(root, 'src'),
    },
  },
  test: {
    include: ['tests/int/**/*.test.ts'],
    environment: 'node',
    // Each file gets its own throw-away SQLite database (see tests/int/helpers/payload.ts).
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // LOG_LEVEL fatal: the suite provokes many refusals on purpose; Payload would log each with a stack.
    env: { NODE_ENV: 'test', LOG_LEVEL: 'fatal', MEDIA_DIR: '.tmp/media-int', DISABLE_JOB_AUTORUN: 'true', PAYLOAD_SECRET: 'test-secret-for-the-integration-suite-0123456789' },
  },
})
