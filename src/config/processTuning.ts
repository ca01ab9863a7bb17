import os from 'node:os'

/**
 * Environment for the server process, set before it starts (both are read once at start-up).
 * With glibc's default of one malloc arena per thread, the resident memory of a photo upload kept
 * growing; two arenas and a thread pool no larger than the cores (libvips work runs there) brought a
 * 24 MP upload from about 730 to about 515 MB peak and made it faster on 2 cores
 * (`npm run bench:image`). Values already in the environment win.
 */
export function processTuning(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return {
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX || '2',
    UV_THREADPOOL_SIZE: env.UV_THREADPOOL_SIZE || String(Math.min(4, Math.max(2, os.availableParallelism()))),
  }
}
