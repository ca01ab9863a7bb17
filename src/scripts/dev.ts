/**
 * `npm run dev`: the Next.js development server, with email delivered over real SMTP to the project's
 * own mailbox (src/email/mailbox.ts) unless SMTP_URL is set: every message is kept as an .eml file in
 * .tmp/mail/, listed in .tmp/mail/index.txt. The mailbox listens on MAILBOX_PORT (default 1025; a
 * free port if that one is taken), on the loopback only. Arguments go on to `next dev` (`-- -p 3001`).
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

import { projectRoot } from '@/config/env'
import { startMailbox, type Mailbox } from '@/email/mailbox'

import { loadEnv, runCli } from './openPayload'

async function main() {
  loadEnv()
  let mailbox: Mailbox | undefined
  if (!process.env.SMTP_URL?.trim()) {
    const dir = path.join(projectRoot, '.tmp', 'mail')
    const port = Number(process.env.MAILBOX_PORT || 1025)
    mailbox = await startMailbox({ port, dir }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') throw error
      return startMailbox({ port: 0, dir })
    })
    process.env.SMTP_URL = mailbox.url
    process.stdout.write(`Development mail: ${mailbox.url}; every message is kept in ${path.relative(projectRoot, dir)}/ (index.txt lists them).\n`)
  }
  const next = path.join(projectRoot, 'node_modules/next/dist/bin/next')
  const child = spawn(process.execPath, [next, 'dev', ...process.argv.slice(2)], { stdio: 'inherit', env: process.env })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => {
    const closed = Promise.race([mailbox?.close(), new Promise((resolve) => setTimeout(resolve, 2000))])
    void closed.finally(() => process.exit(code ?? (signal ? 1 : 0)))
  })
}

runCli(main)
