/**
 * The nginx recipe (deploy/nginx/press-office.conf) adds the app's security headers to the answers
 * that come without them (a 500, Next's 308 for a trailing slash, nginx's own 502): its copies of the values must stay
 * the app's (src/security/headers.mjs). Checked on the file; nginx itself runs in bench:throughput.
 */
import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { commonHeaders } from '../../src/security/headers.mjs'

const conf = fs.readFileSync(path.resolve(__dirname, '../../deploy/nginx/press-office.conf'), 'utf8')
const mainServer = conf.slice(conf.indexOf('server {'), conf.indexOf('\nserver {', conf.indexOf('server {') + 1))

describe('the recipe adds missing security headers', () => {
  // HSTS belongs to the TLS setup the recipe leaves commented out.
  const headers = commonHeaders({ production: false })

  it.each(headers.map((h) => [h.key, h.value]))('%s: added only when absent, with the app’s value', (key, value) => {
    const sent = `$sent_http_${key.toLowerCase().replaceAll('-', '_')}`
    const map = new RegExp(`map \\${sent} (\\$\\w+) \\{\\s*"" "([^"]*)";\\s*default "";\\s*\\}`).exec(conf)
    expect(map, `a map on ${sent}`).not.toBeNull()
    expect(map![2]).toBe(value)
    expect(mainServer).toContain(`add_header ${key} ${map![1]} always;`)
  })

  it('covers every common header but HSTS', () => {
    expect(headers.map((h) => h.key).sort()).toEqual(['Cross-Origin-Opener-Policy', 'Permissions-Policy', 'Referrer-Policy', 'X-Content-Type-Options'])
  })
})
