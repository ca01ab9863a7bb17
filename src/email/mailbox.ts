/**
 * The project's own SMTP server for development and tests (`npm run dev` starts it; the integration
 * tests start one on a free port): it accepts every message over real SMTP, keeps each as an .eml
 * file in a folder (default .tmp/mail/) and adds a line to index.txt there (time, recipients,
 * subject, file), so the messages can be read with any mail program or a text editor. Never used in
 * production: it accepts any sign-in and relays nothing.
 */
import fs from 'node:fs'
import path from 'node:path'

import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface Mailbox {
  port: number
  dir: string
  /** An SMTP_URL that reaches this mailbox. */
  url: string
  /** Resolves with the raw message of the next message to `to` (or one already received and not yet taken). */
  waitFor(to: string, timeoutMs?: number): Promise<Buffer>
  /** Holds each message this long before accepting it: a slow mail server, for tests. */
  setDelay(ms: number): void
  close(): Promise<void>
}

export interface MailboxOptions {
  port?: number
  host?: string
  dir: string
}

const safe = (text: string) => text.replace(/[\r\n\t]+/g, ' ')

export async function startMailbox({ port = 0, host = '127.0.0.1', dir }: MailboxOptions): Promise<Mailbox> {
  fs.mkdirSync(dir, { recursive: true })
  const inbox = new Map<string, Buffer[]>()
  const waiting = new Map<string, ((raw: Buffer) => void)[]>()
  let delayMs = 0
  let counter = 0

  const deliver = (to: string, raw: Buffer) => {
    const key = to.toLowerCase()
    const waiter = waiting.get(key)?.shift()
    if (waiter) waiter(raw)
    else inbox.set(key, [...(inbox.get(key) ?? []), raw])
  }

  const server = new SMTPServer({
    // Plain SMTP on the loopback: no STARTTLS offered, any user name and password accepted.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'mailbox' })
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        const recipients = session.envelope.rcptTo.map((r) => r.address)
        void (async () => {
          counter += 1
          const stamp = new Date().toISOString()
          const file = `${stamp.replace(/[:.]/g, '-')}-${process.pid}-${counter}.eml`
          fs.writeFileSync(path.join(dir, file), raw)
          const subject = await simpleParser(raw).then(
            (mail) => mail.subject ?? '',
            () => '',
          )
          fs.appendFileSync(path.join(dir, 'index.txt'), `${stamp}\t${safe(recipients.join(', '))}\t${safe(subject)}\t${file}\n`)
          if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs))
          for (const to of recipients) deliver(to, raw)
          callback()
        })().catch((error: Error) => callback(error))
      })
    },
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  // Errors of single connections (a client that hangs up) must not stop the mailbox.
  server.on('error', () => undefined)
  const address = server.server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port

  return {
    port: actualPort,
    dir,
    url: `smtp://${host}:${actualPort}`,
    waitFor(to, timeoutMs = 10_000) {
      const key = to.toLowerCase()
      const ready = inbox.get(key)?.shift()
      if (ready) return Promise.resolve(ready)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.set(key, (waiting.get(key) ?? []).filter((w) => w !== take))
          reject(new Error(`no message to ${to} within ${timeoutMs} ms`))
        }, timeoutMs)
        const take = (raw: Buffer) => {
          clearTimeout(timer)
          resolve(raw)
        }
        waiting.set(key, [...(waiting.get(key) ?? []), take])
      })
    },
    setDelay(ms) {
      delayMs = ms
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
