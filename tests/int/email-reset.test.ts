/**
 * "Forgot password" over real SMTP (issue 22): the project's own mailbox (src/email/mailbox.ts, the
 * one `npm run dev` starts) listens on a free port, the app's email adapter sends to it over SMTP,
 * and the test reads what arrived with mailparser, as a mail client would — no mock transport.
 *
 * The reset-link lifetime is 3 seconds here (PASSWORD_RESET_MINUTES, as in production), so "after it
 * expires" is a real wait. Payload lets one account ask at most once per 15 s, so each test asks for
 * its own user.
 */
process.env.PASSWORD_RESET_MINUTES = '0.05'
process.env.SITE_URL = 'https://press.example.az'
process.env.EMAIL_FROM = 'Press office <no-reply@press.example.az>'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { simpleParser, type ParsedMail } from 'mailparser'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startMailbox, type Mailbox } from '@/email/mailbox'

import { clients, PASSWORD, type Clients } from './helpers/channels'
import { makeUser, startPayload } from './helpers/payload'

const WINDOW_MS = 3000
const EXPIRED = 'Token is either invalid or has expired.'
const WRONG = 'The email or password provided is incorrect.'
const LINK = /https:\/\/press\.example\.az\/admin\/reset\/([0-9a-f]{40})/

/** What each language's message must say (subject, and a sentence of its body). */
const EXPECTED = {
  az: { subject: 'Şifrənin bərpası', sentence: 'Link yalnız bir dəfə işləyir' },
  en: { subject: 'Reset your password', sentence: 'The link works once' },
  ru: { subject: 'Сброс пароля', sentence: 'Ссылка работает один раз' },
} as const
type Lang = keyof typeof EXPECTED

let payload: Payload
let cleanup: () => Promise<void>
let http: Clients
let mailbox: Mailbox
let mailDir: string

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const json = { 'Content-Type': 'application/json' }

async function ask(email: unknown, headers: Record<string, string> = {}) {
  const started = performance.now()
  const response = await http.rest.post('users/forgot-password', JSON.stringify({ email }), { ...json, ...headers })
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, ms: performance.now() - started }
}

async function reset(token: string, password: string) {
  const response = await http.rest.post('users/reset-password', JSON.stringify({ token, password }), json)
  const body = (await response.json()) as { errors?: { message: string }[] }
  return { status: response.status, message: body.errors?.[0]?.message }
}

async function login(email: string, password: string, headers: Record<string, string> = {}) {
  const response = await http.rest.post('users/login', JSON.stringify({ email, password }), { ...json, ...headers })
  const body = (await response.json()) as { errors?: { message: string }[] }
  return { status: response.status, message: body.errors?.[0]?.message }
}

/** The message that arrived over SMTP for `to`, parsed. */
async function received(to: string): Promise<ParsedMail> {
  const raw = await mailbox.waitFor(to, 10_000)
  return simpleParser(raw)
}

function tokenIn(mail: ParsedMail): string {
  const fromText = mail.text?.match(LINK)
  const fromHtml = typeof mail.html === 'string' ? mail.html.match(LINK) : null
  expect(fromText?.[1]).toEqual(expect.any(String))
  expect(fromHtml?.[1]).toBe(fromText?.[1])
  return fromText![1]!
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'press-office-mail-'))
  mailbox = await startMailbox({ port: 0, dir: mailDir })
  process.env.SMTP_URL = `smtp://tester:secret@127.0.0.1:${mailbox.port}`
  ;({ payload, cleanup } = await startPayload())
  http = clients(payload, (await import('@payload-config')).default)
})
afterAll(async () => {
  await cleanup?.()
  await mailbox?.close()
  fs.rmSync(mailDir, { recursive: true, force: true })
  delete process.env.SMTP_URL
})

describe('the reset email, over real SMTP', () => {
  it('arrives; its link works once; then the new password works and the old one does not', async () => {
    const user = await makeUser(payload, ['editor'], 'smtp-round-trip')
    const asked = await ask(user.email)
    expect(asked.status).toBe(200)

    const mail = await received(user.email)
    expect(mail.from?.value).toEqual([{ name: 'Press office', address: 'no-reply@press.example.az' }])
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe(user.email)
    expect(mail.text).toEqual(expect.any(String))
    expect(mail.html).toEqual(expect.any(String))
    const token = tokenIn(mail)

    expect(await reset(token, 'a brand new password 1')).toMatchObject({ status: 200 })
    expect(await login(user.email, 'a brand new password 1')).toMatchObject({ status: 200 })
    expect(await login(user.email, PASSWORD)).toMatchObject({ status: 401, message: WRONG })
    // The link works once.
    expect(await reset(token, 'a second new password 2')).toMatchObject({ status: 403, message: EXPIRED })
    expect(await login(user.email, 'a brand new password 1')).toMatchObject({ status: 200 })
  })

  it('an expired link is refused and the password stays', async () => {
    const user = await makeUser(payload, ['contributor'], 'smtp-late')
    await ask(user.email)
    const token = tokenIn(await received(user.email))
    await sleep(WINDOW_MS + 500)
    expect(await reset(token, 'too late password 1')).toMatchObject({ status: 403, message: EXPIRED })
    expect(await login(user.email, PASSWORD)).toMatchObject({ status: 200 })
  })

  it('the project’s mailbox keeps each message as an .eml file, listed in index.txt', async () => {
    const user = await makeUser(payload, ['contributor'], 'smtp-stored')
    await ask(user.email)
    await received(user.email)
    const emls = fs.readdirSync(mailDir).filter((name) => name.endsWith('.eml'))
    expect(emls.length).toBeGreaterThan(0)
    const index = fs.readFileSync(path.join(mailDir, 'index.txt'), 'utf8')
    expect(index).toContain(user.email)
    const line = index.split('\n').find((l) => l.includes(user.email))!
    const file = emls.find((name) => line.includes(name))
    expect(file).toEqual(expect.any(String))
    expect(fs.readFileSync(path.join(mailDir, file!), 'utf8')).toMatch(/^Subject: /m)
  })
})

describe('the same answer whatever the address', () => {
  it('REST: same status and body for known and unknown addresses, within 1 s and within 20 % of each other', async () => {
    const known: number[] = []
    const unknown: number[] = []
    const users = await Promise.all([1, 2, 3, 4, 5].map((i) => makeUser(payload, ['contributor'], `timing-${i}`)))
    const first = await ask(users[0]!.email)
    for (const [i, user] of users.entries()) {
      const a = await ask(`nobody-${i}@test.example`)
      const b = await ask(user.email)
      expect({ status: a.status, body: a.body }).toEqual({ status: first.status, body: first.body })
      expect({ status: b.status, body: b.body }).toEqual({ status: first.status, body: first.body })
      unknown.push(a.ms)
      known.push(b.ms)
    }
    expect(first.status).toBe(200)
    expect(Math.max(...known, ...unknown)).toBeLessThan(1000)
    const [k, u] = [median(known), median(unknown)]
    expect(Math.abs(k - u)).toBeLessThanOrEqual(0.2 * Math.max(k, u))
    // The known addresses did get their message.
    for (const user of users) await received(user.email)
  })

  it('GraphQL: the same answer for a known and an unknown address', async () => {
    const user = await makeUser(payload, ['contributor'], 'gql-reset')
    const query = 'mutation ($email: String!) { forgotPasswordUser(email: $email) }'
    const started = performance.now()
    const knownAnswer = await http.graphql(query, { email: user.email })
    const knownMs = performance.now() - started
    const unknownAnswer = await http.graphql(query, { email: 'nobody-gql@test.example' })
    expect(knownAnswer).toEqual({ data: { forgotPasswordUser: true } })
    expect(unknownAnswer).toEqual(knownAnswer)
    expect(knownMs).toBeLessThan(1000)
    tokenIn(await received(user.email))
  })

  it('a slow mail server delays neither the answer nor other saves and sign-ins', async () => {
    const user = await makeUser(payload, ['contributor'], 'slow-smtp')
    const other = await makeUser(payload, ['editor'], 'busy-editor')
    mailbox.setDelay(4000)
    try {
      const asked = await ask(user.email)
      expect(asked).toMatchObject({ status: 200 })
      expect(asked.ms).toBeLessThan(1000)
      const started = performance.now()
      await payload.update({ collection: 'users', id: other.id, data: { name: 'Busy editor, renamed' } })
      expect(await login(other.email, PASSWORD)).toMatchObject({ status: 200 })
      expect(performance.now() - started).toBeLessThan(1000)
      tokenIn(await received(user.email))
    } finally {
      mailbox.setDelay(0)
    }
  })
})

describe('the message is in the user’s admin language', () => {
  const expectLanguage = (mail: ParsedMail, lang: Lang) => {
    expect(mail.subject).toBe(EXPECTED[lang].subject)
    expect(mail.text).toContain(EXPECTED[lang].sentence)
    expect(mail.html).toContain(EXPECTED[lang].sentence)
    expect(mail.html).toContain(`lang="${lang}"`)
    tokenIn(mail)
  }

  it.each(['az', 'en', 'ru'] as const)('a user whose admin is in %s gets it in that language, whoever asks', async (lang) => {
    const user = await makeUser(payload, ['editor'], `lang-${lang}`)
    // Signing in to the admin in that language (Payload keeps the choice in the payload-lng cookie).
    expect(await login(user.email, PASSWORD, { Cookie: `payload-lng=${lang}` })).toMatchObject({ status: 200 })
    // Asked from a browser in another language: the user's own language wins.
    const otherLanguage = lang === 'ru' ? 'en' : 'ru'
    await ask(user.email, { 'Accept-Language': otherLanguage })
    expectLanguage(await received(user.email), lang)
  })

  it('a user who never signed in: the language of the browser that asked', async () => {
    const user = await makeUser(payload, ['editor'], 'lang-browser')
    await ask(user.email, { 'Accept-Language': 'ru-RU,ru;q=0.9,en;q=0.8' })
    expectLanguage(await received(user.email), 'ru')
    const second = await makeUser(payload, ['editor'], 'lang-cookie')
    await ask(second.email, { Cookie: 'payload-lng=en', 'Accept-Language': 'ru' })
    expectLanguage(await received(second.email), 'en')
  })

  it('otherwise Azerbaijani', async () => {
    const user = await makeUser(payload, ['editor'], 'lang-none')
    await ask(user.email, { 'Accept-Language': 'de-DE,fr;q=0.5' })
    expectLanguage(await received(user.email), 'az')
  })
})

describe('bad input', () => {
  it.each([
    ['no email', {}],
    ['an empty email', { email: '' }],
    ['a number', { email: 42 }],
    ['an object', { email: { equals: 'admin@example.com' } }],
    ['an overlong address', { email: `${'a'.repeat(400)}@test.example` }],
  ])('%s: 400 with a readable message', async (_, data) => {
    const response = await http.rest.post('users/forgot-password', JSON.stringify(data), json)
    const body = (await response.json()) as { errors?: { message: string }[] }
    expect(response.status).toBe(400)
    expect(body.errors?.[0]?.message).toMatch(/email/i)
  })

  it('a body that is not JSON: 400 with a readable message', async () => {
    const response = await http.rest.post('users/forgot-password', '{"email": ', json)
    const body = (await response.json()) as { errors?: { message: string }[] }
    expect(response.status).toBe(400)
    expect(body.errors?.[0]?.message).toMatch(/JSON/)
  })

  it('GraphQL: an empty email is refused with a readable message', async () => {
    const answer = await http.graphql('mutation { forgotPasswordUser(email: "") }')
    expect(answer.errors?.[0]?.message).toMatch(/email/i)
    expect(answer.errors?.[0]?.extensions?.statusCode).toBe(400)
  })
})
