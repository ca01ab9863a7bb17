import { defineConfig, devices } from '@playwright/test'

/**
 * Browser tests run Debian's Chromium (no browser download) against the production build served
 * by `npm start` on a throw-away database that scripts/test-all.sh migrates and seeds first.
 */
const port = Number(process.env.E2E_PORT || 3100)
export const baseURL = `http://localhost:${port}`

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: 'npm start',
    url: `${baseURL}/admin/login`,
    timeout: 180_000,
    reuseExistingServer: process.env.E2E_REUSE_SERVER === 'true',
    stdout: 'pipe',
    stderr: 'pipe',
    // Two-factor sign-in required of nobody unless the runner sets it: the specs sign in as the demo
    // editor and admin with a password; tests/e2e/two-factor.spec.ts sets it up for an editor of its own.
    env: { PORT: String(port), REQUIRE_2FA_ROLES: process.env.REQUIRE_2FA_ROLES ?? '' },
  },
})
