/** `npm run seed`: pending migrations, then the seed content, then (outside production) demo accounts. */
import { runMigrations } from '@/config/database'
import { describeStartupError, fail, openPayload, runCli } from '@/scripts/openPayload'

import { DEMO_ACCOUNTS, ensureDemoUsers } from './demoUsers'
import { seed } from './seed'

async function main() {
  const payload = await openPayload()
  const out = (line: string) => process.stdout.write(`${line}\n`)
  try {
    out('Applying pending migrations…')
    await runMigrations(payload)
    out('Importing the seed content…')
    const started = Date.now()
    const tally = await seed(payload, out)
    out(`Seed content (${((Date.now() - started) / 1000).toFixed(1)} s):`)
    for (const [collection, { created, existing }] of Object.entries(tally)) {
      out(`  ${collection.padEnd(10)} ${created} created, ${existing} already there`)
    }
    if (process.env.NODE_ENV === 'production') {
      out('Production: no demo accounts are created.')
    } else {
      const demo = await ensureDemoUsers(payload)
      out('Demo accounts (admin at /admin):')
      for (const { email, role } of DEMO_ACCOUNTS) {
        out(`  ${role.padEnd(12)} ${email}${demo.created.includes(email) ? '  (created)' : ''}`)
      }
      if (demo.generatedPassword) out(`  password: ${demo.generatedPassword}   (generated now and shown only this once; set DEMO_PASSWORD to choose one)`)
      else if (demo.created.length) out('  password: the value of DEMO_PASSWORD')
      else out('  password: unchanged (set when the accounts were created)')
    }
  } catch (error) {
    fail(describeStartupError(error))
  }
  process.exit(0)
}

runCli(main)
