/**
 * Email settings (src/email/settings.ts): SMTP_URL and EMAIL_FROM are checked with one readable line,
 * and production without SMTP_URL says at start, in one line, that email is off and what that disables.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { projectRoot } from '@/config/env'
import { textOfHtml } from '@/email/adapter'
import { DEFAULT_EMAIL_FROM, emailFrom, emailOffNotice, smtpUrl } from '@/email/settings'

const GOOD_SECRET = '3f9a1c7e5b2d8f0a6c4e1b9d7f3a5c8e0b2d4f6a8c1e3b5d'

function start(env: Record<string, string>) {
  const run = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/scripts/start.ts'], {
    cwd: projectRoot,
    // The database cannot be opened: the start stops right after its checks, before serving anything.
    env: { ...process.env, NODE_ENV: 'production', PAYLOAD_SECRET: GOOD_SECRET, DATABASE_URI: 'file:/nonexistent/dir/x.db', PORT: '3998', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { status: run.status, emailLines: `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => /e-?mail|SMTP/i.test(line)) }
}

describe('npm start in production', () => {
  it('without SMTP_URL says in one line that email is off and what that disables', () => {
    const run = start({ SMTP_URL: '' })
    expect(run.emailLines).toEqual([
      'Email is off (SMTP_URL is not set): "Forgot password" is refused and no email is sent; an administrator sets new passwords in the admin.',
    ])
  })

  it('with SMTP_URL says nothing about email', () => {
    expect(start({ SMTP_URL: 'smtp://user:pass@127.0.0.1:2525' }).emailLines).toEqual([])
  })

  it('a malformed SMTP_URL stops it with one readable line', () => {
    const run = start({ SMTP_URL: 'http://mail.example.az' })
    expect(run.status).toBe(1)
    expect(run.emailLines).toEqual(['error: SMTP_URL must start with smtp:// or smtps://; got "http://…"'])
  })

  it('a malformed EMAIL_FROM stops it with one readable line', () => {
    const run = start({ SMTP_URL: 'smtp://127.0.0.1:2525', EMAIL_FROM: 'Press office' })
    expect(run.status).toBe(1)
    expect(run.emailLines).toEqual(['error: EMAIL_FROM must be an address or "Name <address>"; got "Press office"'])
  })
})

describe('SMTP_URL and EMAIL_FROM', () => {
  it('no SMTP_URL: email off, outside production no notice', () => {
    expect(smtpUrl({})).toBeUndefined()
    expect(smtpUrl({ SMTP_URL: '  ' })).toBeUndefined()
    expect(emailOffNotice({ NODE_ENV: 'development' })).toBeNull()
    expect(emailOffNotice({ NODE_ENV: 'production' })).toMatch(/^Email is off/)
    expect(emailOffNotice({ NODE_ENV: 'production', SMTP_URL: 'smtps://u:p@mail.example.az:465' })).toBeNull()
  })

  it.each([
    ['not a url', /SMTP_URL is not a URL/],
    ['mailto:someone@example.az', /must start with smtp:\/\/ or smtps:\/\//],
  ])('refuses SMTP_URL=%j with a readable message', (value, message) => {
    expect(() => smtpUrl({ SMTP_URL: value })).toThrow(message)
  })

  it('EMAIL_FROM: a name and address, a bare address, or the default', () => {
    expect(emailFrom({})).toEqual({ name: 'Press office', address: 'no-reply@localhost' })
    expect(DEFAULT_EMAIL_FROM).toBe('Press office <no-reply@localhost>')
    expect(emailFrom({ EMAIL_FROM: 'Mətbuat xidməti <press@mia.gov.az>' })).toEqual({ name: 'Mətbuat xidməti', address: 'press@mia.gov.az' })
    expect(emailFrom({ EMAIL_FROM: 'press@mia.gov.az' })).toEqual({ name: '', address: 'press@mia.gov.az' })
    expect(() => emailFrom({ EMAIL_FROM: 'Press office' })).toThrow(/EMAIL_FROM must be an address/)
  })

  it('the plain-text part made from HTML keeps paragraphs and link addresses', () => {
    expect(textOfHtml('<p>Hello &amp; welcome</p><p><a href="https://x.az/a">open</a></p>')).toBe('Hello & welcome\n\nopen (https://x.az/a)')
  })
})
