import { readFileSync } from 'node:fs'
import path from 'node:path'

import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { A11yToolbar } from '@/a11y/A11yToolbar'
import { htmlClassNames } from '@/a11y/classes'
import { controlId, STATUS_KEYS } from '@/a11y/controls'
import { chunkText } from '@/a11y/ReadAloud'
import { returnPathFromReferer, safeReturnPath } from '@/a11y/returnPath'
import {
  applyChange,
  COOKIE_MAX_AGE,
  decodeView,
  DEFAULT_SETTINGS,
  encodeView,
  isView,
  MAIN_VIEW,
  readCookie,
  SETTING_NAMES,
  SETTING_OPTIONS,
  viewFromCookie,
  type A11ySettings,
} from '@/a11y/settings'
import { GET, POST } from '@/app/(frontend)/a11y/route'

const ORIGIN = 'https://press.example.gov.az'

describe('view segment', () => {
  it('is "main" for the main version', () => {
    expect(encodeView(null)).toBe(MAIN_VIEW)
    expect(decodeView(MAIN_VIEW)).toBeNull()
    expect(isView(MAIN_VIEW)).toBe(true)
  })

  it('encodes the defaults as v0-0-0-0-0-0', () => {
    expect(encodeView(DEFAULT_SETTINGS)).toBe('v0-0-0-0-0-0')
    expect(decodeView('v0-0-0-0-0-0')).toEqual(DEFAULT_SETTINGS)
  })

  for (const name of SETTING_NAMES) {
    for (const [i, option] of (SETTING_OPTIONS[name] as readonly string[]).entries()) {
      it(`round-trips ${name}=${option}`, () => {
        const settings = { ...DEFAULT_SETTINGS, [name]: option } as A11ySettings
        const segment = encodeView(settings)
        expect(segment).toMatch(/^v\d-\d-\d-\d-\d-\d$/)
        expect(segment.slice(1).split('-')[SETTING_NAMES.indexOf(name)]).toBe(String(i))
        expect(decodeView(segment)).toEqual(settings)
        expect(isView(segment)).toBe(true)
      })
    }
  }

  it('round-trips a mixed combination', () => {
    const settings: A11ySettings = { fontSize: 'xlarge', scheme: 'green', images: 'hide', letterSpacing: 'xwide', lineHeight: '2', font: 'serif' }
    expect(encodeView(settings)).toBe('v2-4-2-2-2-1')
    expect(decodeView('v2-4-2-2-2-1')).toEqual(settings)
  })

  it('adds a seventh part only for a toolbar folded at the largest text size', () => {
    const folded: A11ySettings = { ...DEFAULT_SETTINGS, fontSize: 'xlarge', scheme: 'blue', collapsed: true }
    expect(encodeView(folded)).toBe('v2-2-0-0-0-0-1')
    expect(decodeView('v2-2-0-0-0-0-1')).toEqual(folded)
    expect(isView('v2-2-0-0-0-0-1')).toBe(true)
    // Folding exists only at the largest size: a smaller size never carries it, and no segment says so.
    expect(encodeView({ ...DEFAULT_SETTINGS, fontSize: 'large', collapsed: true })).toBe('v1-0-0-0-0-0')
    for (const segment of ['v1-0-0-0-0-0-1', 'v0-0-0-0-0-0-1', 'v2-0-0-0-0-0-0', 'v2-0-0-0-0-0-2', 'v2-0-0-0-0-0-1-1']) {
      expect(decodeView(segment), segment).toBeNull()
      expect(isView(segment), segment).toBe(false)
    }
    expect(decodeView('v2-0-0-0-0-0')).not.toHaveProperty('collapsed')
  })

  it.each([
    '',
    'v',
    'v0-0-0-0-0',
    'v0-0-0-0-0-0-0',
    'v3-0-0-0-0-0', // font size index out of range
    'v0-5-0-0-0-0', // scheme index out of range
    'v0-0-0-0-0-2', // font index out of range
    'v00-0-0-0-0-0',
    'v-1-0-0-0-0-0',
    'V0-0-0-0-0-0',
    ' v0-0-0-0-0-0',
    'v0-0-0-0-0-0 ',
    'v0-0-0-0-0-0\n',
    'va-0-0-0-0-0',
    'v0_0_0_0_0_0',
    'Main',
    'az',
    'constructor',
  ])('refuses the malformed segment %j', (segment) => {
    expect(decodeView(segment)).toBeNull()
    expect(isView(segment)).toBe(false)
  })

  it('reads undefined and null as the main version', () => {
    expect(decodeView(undefined)).toBeNull()
    expect(decodeView(null)).toBeNull()
  })

  it('maps cookie values to views (anything invalid is the main version)', () => {
    expect(viewFromCookie('v0-2-0-0-0-0')).toBe('v0-2-0-0-0-0')
    expect(viewFromCookie('main')).toBe('main')
    expect(viewFromCookie('../../etc')).toBe('main')
    expect(viewFromCookie(undefined)).toBe('main')
  })

  it('reads a cookie from a Cookie header', () => {
    expect(readCookie('x=1; a11y=v0-1-0-0-0-0; y=2')).toBe('v0-1-0-0-0-0')
    expect(readCookie('xa11y=v0-1-0-0-0-0')).toBeUndefined()
    expect(readCookie(null)).toBeUndefined()
  })
})

describe('applyChange', () => {
  it('changes one setting, keeping the others', () => {
    const current: A11ySettings = { ...DEFAULT_SETTINGS, fontSize: 'large' }
    expect(applyChange(current, 'scheme', 'blue')).toEqual({ ...current, scheme: 'blue' })
  })

  it('turns the view on when a setting changes in the main version', () => {
    expect(applyChange(null, 'scheme', 'blue')).toEqual({ ...DEFAULT_SETTINGS, scheme: 'blue' })
  })

  it('accepts every option of every setting', () => {
    for (const name of SETTING_NAMES) {
      for (const option of SETTING_OPTIONS[name] as readonly string[]) {
        const result = applyChange(DEFAULT_SETTINGS, name, option)
        expect(result).not.toBe('invalid')
        expect((result as A11ySettings)[name]).toBe(option)
      }
    }
  })

  it.each([
    ['scheme', 'pink'],
    ['scheme', ''],
    ['fontSize', 'huge'],
    ['lineHeight', '3'],
    ['unknown', 'x'],
    ['constructor', 'x'],
    ['toString', 'x'],
    ['__proto__', 'x'],
    ['hasOwnProperty', 'x'],
    ['view', 'maybe'],
    ['view', ''],
    ['reset', 'yes'],
    ['return', '/az'],
  ])('refuses %s=%j', (name, value) => {
    expect(applyChange(DEFAULT_SETTINGS, name, value)).toBe('invalid')
    expect(applyChange(null, name, value)).toBe('invalid')
  })

  it('view=on keeps the current settings, or starts from the defaults', () => {
    const current: A11ySettings = { ...DEFAULT_SETTINGS, scheme: 'brown' }
    expect(applyChange(current, 'view', 'on')).toEqual(current)
    expect(applyChange(null, 'view', 'on')).toEqual(DEFAULT_SETTINGS)
  })

  it('view=off turns the view off', () => {
    expect(applyChange({ ...DEFAULT_SETTINGS, scheme: 'green' }, 'view', 'off')).toBeNull()
    expect(applyChange(null, 'view', 'off')).toBeNull()
  })

  it('reset brings back the defaults', () => {
    const changed: A11ySettings = { fontSize: 'xlarge', scheme: 'green', images: 'hide', letterSpacing: 'xwide', lineHeight: '2', font: 'serif' }
    expect(applyChange(changed, 'reset', '1')).toEqual(DEFAULT_SETTINGS)
    expect(applyChange(changed, 'reset', '')).toEqual(DEFAULT_SETTINGS)
  })

  it('toolbar=collapsed folds the toolbar at the largest text size only; open or a smaller size unfolds it', () => {
    const xlarge: A11ySettings = { ...DEFAULT_SETTINGS, fontSize: 'xlarge' }
    const folded = applyChange(xlarge, 'toolbar', 'collapsed') as A11ySettings
    expect(folded).toEqual({ ...xlarge, collapsed: true })
    expect(applyChange(folded, 'toolbar', 'open')).toEqual(xlarge)
    expect(applyChange(folded, 'toolbar', 'open')).not.toHaveProperty('collapsed')
    expect(applyChange(folded, 'scheme', 'blue')).toEqual({ ...folded, scheme: 'blue' })
    expect(applyChange(folded, 'fontSize', 'large')).toEqual({ ...DEFAULT_SETTINGS, fontSize: 'large' })
    expect(applyChange({ ...DEFAULT_SETTINGS, fontSize: 'large' }, 'toolbar', 'collapsed')).toEqual({ ...DEFAULT_SETTINGS, fontSize: 'large' })
    expect(applyChange(null, 'toolbar', 'collapsed')).toEqual(DEFAULT_SETTINGS)
    expect(applyChange(xlarge, 'toolbar', 'hidden')).toBe('invalid')
    expect(applyChange(xlarge, 'collapsed', 'true')).toBe('invalid')
  })

  it('never hands out the shared defaults object', () => {
    const result = applyChange(null, 'view', 'on') as A11ySettings
    expect(result).not.toBe(DEFAULT_SETTINGS)
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true)
  })
})

describe('htmlClassNames', () => {
  it('is empty for the main version', () => {
    expect(htmlClassNames(null)).toBe('')
  })

  it('names every setting', () => {
    expect(
      htmlClassNames({ fontSize: 'large', scheme: 'blue', images: 'hide', letterSpacing: 'wide', lineHeight: '1.5', font: 'serif' }),
    ).toBe('a11y a11y-font-large a11y-scheme-blue a11y-images-hide a11y-letter-wide a11y-line-15 a11y-font-serif')
    expect(htmlClassNames(DEFAULT_SETTINGS)).toBe(
      'a11y a11y-font-normal a11y-scheme-black-white a11y-images-show a11y-letter-normal a11y-line-normal a11y-font-sans',
    )
    expect(htmlClassNames({ ...DEFAULT_SETTINGS, fontSize: 'xlarge', lineHeight: '2', letterSpacing: 'xwide' })).toContain(
      'a11y-font-xlarge a11y-scheme-black-white a11y-images-show a11y-letter-xwide a11y-line-2',
    )
  })

  it('gives distinct classes for every option of every setting', () => {
    const seen = new Set<string>()
    for (const name of SETTING_NAMES) {
      for (const option of SETTING_OPTIONS[name] as readonly string[]) {
        const classes = htmlClassNames({ ...DEFAULT_SETTINGS, [name]: option } as A11ySettings).split(' ')
        const own = classes[SETTING_NAMES.indexOf(name) + 1]!
        expect(own).toMatch(/^a11y-[a-z0-9-]+$/)
        expect(seen.has(own)).toBe(false)
        seen.add(own)
      }
    }
  })
})

describe('safeReturnPath', () => {
  it.each([
    ['/az/releases', '/az/releases'],
    ['/az/releases?page=2#list', '/az/releases?page=2#list'],
    ['/en', '/en'],
    ['/', '/'],
    ['/az/../../x', '/x'],
    ['/az/./releases/', '/az/releases/'],
    ['/v0-1-0-0-0-0/az/x', '/az/x'],
    ['/main/az/x', '/az/x'],
    ['/view/v0-1-0-0-0-0/az/x', '/az/x'],
    ['/view/az/x', '/view/az/x'], // no view after the prefix: an ordinary (404) path
    ['/main/v0-1-0-0-0-0/az/x', '/az/x'],
    ['/v9-9-9-9-9-9/az/x', '/v9-9-9-9-9-9/az/x'], // not a view: an ordinary (404) path on this site
    ['/az/xəbər', '/az/x%C9%99b%C9%99r'],
  ])('accepts %j as %j', (input, expected) => {
    expect(safeReturnPath(input, '/fallback')).toBe(expected)
  })

  it.each([
    '//evil.com',
    '//evil.com/az',
    '///evil.com',
    '/\\evil.com',
    '/\\/evil.com',
    '\\\\evil',
    '\\/evil.com',
    '/az\\..\\evil',
    'https://evil.com/x',
    'http://evil.com',
    'HTTPS://evil.com',
    'https:evil.com',
    'https:/evil.com',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '/%2F%2Fevil.com',
    '/%2f%2fevil.com',
    '/%5C%5Cevil.com',
    '/az/%2F/evil',
    '/\t/evil.com',
    '/\n/evil.com',
    '/az\r\nSet-Cookie: x=1',
    '/az\u0000',
    '/az\u2028',
    ' /az',
    '/az ',
    'az/releases',
    './az',
    '../az',
    '?view=on',
    '#top',
    '',
    '/a11y?view=on',
    '/a11y',
    '/main/a11y?scheme=blue',
    `/${'a'.repeat(3000)}`,
  ])('refuses %j', (input) => {
    expect(safeReturnPath(input, '/fallback')).toBe('/fallback')
    expect(safeReturnPath(input, '/fallback', ORIGIN)).toBe('/fallback')
  })

  it('refuses null and undefined', () => {
    expect(safeReturnPath(null, '/az')).toBe('/az')
    expect(safeReturnPath(undefined, '/az')).toBe('/az')
  })

  it('converts a full URL of the same origin to its path', () => {
    expect(safeReturnPath(`${ORIGIN}/en/releases?page=3`, '/az', ORIGIN)).toBe('/en/releases?page=3')
    expect(safeReturnPath(`${ORIGIN}/v0-2-0-0-0-0/ru/x`, '/az', ORIGIN)).toBe('/ru/x')
    expect(safeReturnPath(`${ORIGIN}`, '/az', ORIGIN)).toBe('/')
    expect(safeReturnPath(`${ORIGIN}:443/en`, '/az', ORIGIN)).toBe('/en')
    expect(safeReturnPath(`${ORIGIN}/en`, '/az', [`http://localhost:3000`, ORIGIN])).toBe('/en')
  })

  it('refuses full URLs of other origins, and all full URLs without an origin', () => {
    expect(safeReturnPath(`${ORIGIN}/en`, '/az')).toBe('/az')
    expect(safeReturnPath('http://press.example.gov.az/en', '/az', ORIGIN)).toBe('/az')
    expect(safeReturnPath('https://press.example.gov.az.evil.com/en', '/az', ORIGIN)).toBe('/az')
    expect(safeReturnPath('https://press.example.gov.az@evil.com/en', '/az', ORIGIN)).toBe('/az')
    expect(safeReturnPath('https://press.example.gov.az:8443/en', '/az', ORIGIN)).toBe('/az')
    expect(safeReturnPath(`${ORIGIN}//evil.com`, '/az', ORIGIN)).toBe('/az')
  })

  it('takes the Referer only when it is a same-origin URL', () => {
    expect(returnPathFromReferer(`${ORIGIN}/az/releases/x`, ORIGIN, '/az')).toBe('/az/releases/x')
    expect(returnPathFromReferer('https://evil.com/az/releases', ORIGIN, '/az')).toBe('/az')
    expect(returnPathFromReferer('/en/releases', ORIGIN, '/az')).toBe('/az')
    expect(returnPathFromReferer(null, ORIGIN, '/az')).toBe('/az')
    expect(returnPathFromReferer(`${ORIGIN}/a11y?scheme=blue`, ORIGIN, '/az')).toBe('/az')
  })
})

describe('/a11y route', () => {
  const get = (query: string, headers: Record<string, string> = {}) => GET(new Request(`${ORIGIN}/a11y${query}`, { headers }))
  const post = (body: string, headers: Record<string, string> = {}) =>
    POST(
      new Request(`${ORIGIN}/a11y`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      }),
    )
  const cookieOf = (response: Response) => response.headers.get('set-cookie')

  it('changes the scheme from a form and sends the reader back (303)', async () => {
    const response = await post('scheme=blue&return=%2Fen%2Freleases', { cookie: 'a11y=v1-0-0-0-0-0' })
    expect(response.status).toBe(303)
    // Without JavaScript the browser lands on (and focuses) the button just used.
    expect(response.headers.get('location')).toBe('/en/releases#a11y-scheme-blue')
    expect(response.headers.get('cache-control')).toBe('no-store')
    const cookie = cookieOf(response)!
    expect(cookie).toMatch(/^a11y=v1-2-0-0-0-0;/)
    expect(cookie).toContain('Path=/')
    expect(cookie).toContain(`Max-Age=${COOKIE_MAX_AGE}`)
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('Secure')
  })

  it('starts from the defaults without a cookie', async () => {
    const response = await post('scheme=blue&return=/az')
    expect(cookieOf(response)).toMatch(/^a11y=v0-2-0-0-0-0;/)
  })

  it('ignores a malformed cookie (starts from the main version)', async () => {
    const response = await post('fontSize=large&return=/az', { cookie: 'a11y=v9-9-9-9-9-9' })
    expect(cookieOf(response)).toMatch(/^a11y=v1-0-0-0-0-0;/)
  })

  it('accepts multipart forms too', async () => {
    const form = new FormData()
    form.set('lineHeight', '2')
    form.set('return', '/ru')
    const response = await POST(new Request(`${ORIGIN}/a11y`, { method: 'POST', body: form }))
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/ru#a11y-lineHeight-2')
    expect(cookieOf(response)).toMatch(/^a11y=v0-0-0-0-2-0;/)
  })

  it('turns the view on from a link', async () => {
    const response = await get('?view=on&return=/az/releases')
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/az/releases')
    expect(cookieOf(response)).toMatch(/^a11y=v0-0-0-0-0-0;/)
  })

  it('changes a setting from a link', async () => {
    const response = await get('?scheme=blue', { referer: `${ORIGIN}/ru/releases` })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/ru/releases#a11y-scheme-blue')
    expect(cookieOf(response)).toMatch(/^a11y=v0-2-0-0-0-0;/)
  })

  it('view=off sets a11y=main', async () => {
    const response = await post('view=off&return=/en', { cookie: 'a11y=v2-4-2-2-2-1' })
    expect(response.status).toBe(303)
    // The main version's "For the visually impaired" link.
    expect(response.headers.get('location')).toBe('/en#a11y-view-on')
    expect(cookieOf(response)).toMatch(/^a11y=main;/)
  })

  it('reset brings the defaults back', async () => {
    const response = await post('reset=1&return=/en', { cookie: 'a11y=v2-4-2-2-2-1' })
    expect(cookieOf(response)).toMatch(/^a11y=v0-0-0-0-0-0;/)
    expect(response.headers.get('location')).toBe('/en#a11y-reset')
  })

  it('lands on the control just used: its id as the fragment, replacing any fragment of the return path', async () => {
    const cases: [string, string][] = [
      ['fontSize=xlarge&return=/az/releases/x', '/az/releases/x#a11y-fontSize-xlarge'],
      ['lineHeight=1.5&return=/az', '/az#a11y-lineHeight-15'],
      ['scheme=black-white&return=%2Fen%2Freleases%3Fpage%3D2%23top', '/en/releases?page=2#a11y-scheme-black-white'],
      ['images=hide&return=/ru', '/ru#a11y-images-hide'],
      ['letterSpacing=xwide&return=/ru', '/ru#a11y-letterSpacing-xwide'],
      ['font=serif&return=/ru', '/ru#a11y-font-serif'],
      ['toolbar=collapsed&return=/en', '/en#a11y-toolbar-toggle'],
      ['scheme=blue&fontSize=large&return=/en', '/en#a11y-fontSize-large'],
    ]
    for (const [body, location] of cases) {
      const response = await post(body, { cookie: 'a11y=v2-0-0-0-0-0' })
      expect(response.status, body).toBe(303)
      expect(response.headers.get('location'), body).toBe(location)
      expect(location.slice(location.indexOf('#') + 1), body).toBe(controlId(...(body.split('&').at(-2)!.split('=') as [string, string]))!)
    }
    // Turning the view on lands at the top of the page, as before: the toolbar comes first there.
    expect((await get('?view=on&return=/az/releases')).headers.get('location')).toBe('/az/releases')
  })

  it('toolbar=collapsed folds the toolbar only at the largest size, and the cookie keeps it', async () => {
    expect(cookieOf(await post('toolbar=collapsed&return=/en', { cookie: 'a11y=v2-1-0-0-0-0' }))).toMatch(/^a11y=v2-1-0-0-0-0-1;/)
    expect(cookieOf(await post('scheme=blue&return=/en', { cookie: 'a11y=v2-1-0-0-0-0-1' }))).toMatch(/^a11y=v2-2-0-0-0-0-1;/)
    expect(cookieOf(await post('toolbar=open&return=/en', { cookie: 'a11y=v2-1-0-0-0-0-1' }))).toMatch(/^a11y=v2-1-0-0-0-0;/)
    expect(cookieOf(await post('fontSize=large&return=/en', { cookie: 'a11y=v2-1-0-0-0-0-1' }))).toMatch(/^a11y=v1-1-0-0-0-0;/)
  })

  it('with enhanced=1 (the toolbar script restores focus itself) sends no fragment, and the field is no change', async () => {
    const response = await post('fontSize=xlarge&enhanced=1&return=/az/releases', { cookie: 'a11y=v0-0-0-0-0-0' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/az/releases')
    expect(cookieOf(response)).toMatch(/^a11y=v2-0-0-0-0-0;/)
    const alone = await post('enhanced=1&return=/az')
    expect(alone.status).toBe(400)
    expect(cookieOf(alone)).toBeNull()
    expect((await post('fontSize=xlarge&enhanced=yes&return=/az')).status).toBe(400)
  })

  it.each([
    'https://evil.com/x',
    '//evil.com',
    '/\\evil.com',
    'javascript:alert(1)',
    '/%2F%2Fevil.com',
    '/a11y?view=on',
  ])('never redirects to %j: falls back to /az', async (target) => {
    for (const response of [
      await get(`?view=on&return=${encodeURIComponent(target)}`),
      await post(`view=on&return=${encodeURIComponent(target)}`),
    ]) {
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toBe('/az')
    }
  })

  it('falls back to a same-origin Referer, never another one', async () => {
    const same = await post('scheme=brown', { referer: `${ORIGIN}/en/galleries?page=2` })
    expect(same.headers.get('location')).toBe('/en/galleries?page=2#a11y-scheme-brown')
    const other = await post('scheme=brown', { referer: 'https://evil.com/en/galleries' })
    expect(other.headers.get('location')).toBe('/az#a11y-scheme-brown')
    const hostileReturn = await post('scheme=brown&return=%2F%2Fevil.com', { referer: `${ORIGIN}/ru` })
    expect(hostileReturn.headers.get('location')).toBe('/ru#a11y-scheme-brown')
  })

  it('recognises the Referer of the public origin behind a reverse proxy', async () => {
    const response = await GET(
      new Request('http://localhost:3000/a11y?scheme=blue', {
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'press.example.gov.az', referer: `${ORIGIN}/en/x` },
      }),
    )
    expect(response.headers.get('location')).toBe('/en/x#a11y-scheme-blue')
    expect(cookieOf(response)).toContain('Secure')
  })

  it('sets no Secure flag over plain http', async () => {
    const response = await GET(new Request('http://localhost:3000/a11y?view=on&return=/az'))
    expect(cookieOf(response)).not.toContain('Secure')
    expect(cookieOf(response)).toContain('HttpOnly')
  })

  it.each([
    'scheme=pink',
    'fontSize=',
    'nope=1',
    'constructor=x',
    'view=maybe',
    'return=/az',
    '',
    'scheme=blue&fontSize=gigantic',
  ])('answers 400 without a cookie for %j', async (body) => {
    for (const response of [await post(body, { cookie: 'a11y=v0-1-0-0-0-0' }), await get(body ? `?${body}` : '')]) {
      expect(response.status).toBe(400)
      expect(cookieOf(response)).toBeNull()
      expect(response.headers.get('location')).toBeNull()
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
      expect((await response.text()).length).toBeLessThan(200)
    }
  })

  it('refuses other body types and oversized forms', async () => {
    const json = await POST(new Request(`${ORIGIN}/a11y`, { method: 'POST', body: '{"scheme":"blue"}', headers: { 'content-type': 'application/json' } }))
    expect(json.status).toBe(415)
    expect(cookieOf(json)).toBeNull()
    const big = await post(`scheme=blue&return=/az&x=${'a'.repeat(10_000)}`)
    expect(big.status).toBe(413)
    expect(cookieOf(big)).toBeNull()
  })

  it('stops reading a chunked form (no Content-Length) once it passes the limit', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const total = 30 * 1024 * 1024
      let pulled = 0
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= total) return controller.close()
          pulled += 64 * 1024
          controller.enqueue(new Uint8Array(64 * 1024).fill(0x61))
        },
      })
      const init = { method: 'POST', body: stream, duplex: 'half', headers: type ? { 'content-type': type } : {} } as RequestInit
      const response = await POST(new Request(`${ORIGIN}/a11y`, init))
      expect(response.status, type).toBe(413)
      expect(cookieOf(response)).toBeNull()
      expect(pulled, type).toBeLessThan(1024 * 1024)
    }
  })
})

describe('A11yToolbar', () => {
  it('renders only the link in the main version', () => {
    const html = renderToStaticMarkup(createElement(A11yToolbar, { locale: 'en', settings: null, returnPath: '/en/releases' }))
    expect(html).toBe(
      '<div class="a11y-entry">' +
        '<a id="a11y-view-on" class="a11y-open" href="/a11y?view=on&amp;return=%2Fen%2Freleases" rel="nofollow">For the visually impaired</a>' +
        '<span role="status" class="a11y-status"><span data-for="view">Main version is on</span></span>' +
        '</div>',
    )
  })

  it('never puts a hostile return path in the link', () => {
    const html = renderToStaticMarkup(createElement(A11yToolbar, { locale: 'az', settings: null, returnPath: '//evil.com' }))
    expect(html).toContain('return=%2Faz"')
  })

  /** Elements of one tag as attribute maps (React may order attributes its own way), with their text. */
  const elements = (html: string, tag: string) =>
    [...html.matchAll(new RegExp(`<${tag}\\b([^>]*?)/?>(?:([^<]*)</${tag}>)?`, 'g'))].map((m) => ({
      ...Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
      text: m[2] ?? '',
    })) as Record<string, string>[]

  it('renders one form per setting with pressed states, reset and main version', () => {
    const settings: A11ySettings = { ...DEFAULT_SETTINGS, scheme: 'blue', fontSize: 'large' }
    const html = renderToStaticMarkup(createElement(A11yToolbar, { locale: 'en', settings, returnPath: '/en/releases' }))
    // Marked as needing Next's scripts (read-aloud), so its pages keep them (src/site/frameworkScripts.mjs).
    expect(html).toMatch(/^<section class="a11y-toolbar" aria-label="Settings for visually impaired readers" data-needs-scripts="">/)
    const forms = elements(html, 'form')
    expect(forms).toHaveLength(SETTING_NAMES.length + 1)
    for (const form of forms) expect(form).toMatchObject({ method: 'post', action: '/a11y' })
    const hidden = elements(html, 'input')
    expect(hidden).toHaveLength(SETTING_NAMES.length + 1)
    for (const input of hidden) expect(input).toMatchObject({ type: 'hidden', name: 'return', value: '/en/releases' })
    expect(html.match(/<fieldset>/g)).toHaveLength(SETTING_NAMES.length)
    expect(html).toContain('<legend>Colour scheme</legend>')

    const buttons = elements(html, 'button')
    const button = (name: string, value: string) => buttons.find((b) => b.name === name && b.value === value)
    expect(button('scheme', 'blue')).toEqual({ id: 'a11y-scheme-blue', type: 'submit', name: 'scheme', value: 'blue', 'aria-pressed': 'true', text: 'Dark blue on light blue' })
    expect(button('scheme', 'black-white')).toMatchObject({ 'aria-pressed': 'false', text: 'Black on white' })
    expect(button('fontSize', 'large')).toMatchObject({ type: 'submit', 'aria-pressed': 'true', text: 'Large' })
    expect(button('lineHeight', '1.5')).toMatchObject({ 'aria-pressed': 'false', text: '1.5' })
    expect(button('reset', '1')).toEqual({ id: 'a11y-reset', type: 'submit', name: 'reset', value: '1', text: 'Reset settings' })
    expect(button('view', 'off')).toEqual({ id: 'a11y-view-off', type: 'submit', name: 'view', value: 'off', text: 'Main version' })
    for (const name of SETTING_NAMES) {
      for (const option of SETTING_OPTIONS[name] as readonly string[]) {
        expect(button(name, option), `${name}=${option}`).toMatchObject({
          id: controlId(name, option),
          type: 'submit',
          'aria-pressed': String(settings[name] === option),
        })
        expect(button(name, option)!.text).not.toBe('')
      }
    }
    const optionCount = SETTING_NAMES.reduce((n, name) => n + SETTING_OPTIONS[name].length, 0)
    expect(buttons).toHaveLength(optionCount + 2)
    const ids = buttons.map((b) => b.id)
    expect(new Set(ids).size).toBe(ids.length)
    // Below the largest size there is nothing to fold.
    expect(html).not.toContain('aria-expanded')
    // Read aloud renders nothing on the server.
    expect(html).not.toContain('a11y-read-aloud')
  })

  it('is translated', () => {
    const html = renderToStaticMarkup(createElement(A11yToolbar, { locale: 'ru', settings: DEFAULT_SETTINGS, returnPath: '/ru' }))
    expect(html).toContain('aria-label="Настройки для слабовидящих"')
    expect(html).toContain('Обычная версия')
  })

  const render = (locale: 'az' | 'en' | 'ru', settings: A11ySettings) =>
    renderToStaticMarkup(createElement(A11yToolbar, { locale, settings, returnPath: `/${locale}` }))
  /** The status region: one message per control, shown by a11y.css only when that control is the fragment's target. */
  const statusOf = (html: string) => {
    const region = /<p role="status" class="a11y-status"[^>]*>(.*?)<\/p>/.exec(html)
    expect(region, 'a role=status region').not.toBeNull()
    return Object.fromEntries([...region![1]!.matchAll(/<span data-for="([\w-]+)">([^<]*)<\/span>/g)].map((m) => [m[1]!, m[2]!]))
  }

  it('has a status region with the message for each control, in the page’s language, describing the current settings', () => {
    const settings: A11ySettings = { fontSize: 'xlarge', scheme: 'white-black', images: 'hide', letterSpacing: 'wide', lineHeight: '1.5', font: 'serif' }
    expect(statusOf(render('en', settings))).toEqual({
      fontSize: 'Font size: Extra large',
      scheme: 'Colour scheme: White on black',
      images: 'Images: Hide',
      letterSpacing: 'Letter spacing: Wide',
      lineHeight: 'Line spacing: 1.5',
      font: 'Font: Serif',
      reset: 'Default settings restored',
      toolbar: 'All settings shown',
    })
    expect(statusOf(render('az', settings))).toMatchObject({ fontSize: 'Şrift ölçüsü: Çox böyük', lineHeight: 'Sətirlərarası məsafə: 1,5' })
    expect(statusOf(render('ru', { ...settings, collapsed: true }))).toMatchObject({ fontSize: 'Размер шрифта: Очень крупный', toolbar: 'Остальные настройки скрыты' })
    expect(Object.keys(statusOf(render('en', settings))).sort()).toEqual([...STATUS_KEYS].sort())
  })

  it('at the largest size has a disclosure button that folds all but the font size (and keeps its state in the view)', () => {
    const open = render('en', { ...DEFAULT_SETTINGS, fontSize: 'xlarge' })
    const toggle = (html: string) => elements(html, 'button').find((b) => b.name === 'toolbar')
    expect(toggle(open)).toEqual({
      id: 'a11y-toolbar-toggle',
      type: 'submit',
      name: 'toolbar',
      value: 'collapsed',
      'aria-expanded': 'true',
      'aria-controls': 'a11y-more',
      text: 'More settings',
    })
    expect(open).toMatch(/<div id="a11y-more" class="a11y-more">/)

    const folded = render('en', { ...DEFAULT_SETTINGS, fontSize: 'xlarge', collapsed: true })
    expect(toggle(folded)).toMatchObject({ id: 'a11y-toolbar-toggle', value: 'open', 'aria-expanded': 'false', 'aria-controls': 'a11y-more', text: 'More settings' })
    expect(folded).toMatch(/<div id="a11y-more" class="a11y-more" hidden="">/)
    // The way back to a smaller size stays outside the folded part, before the disclosure button.
    const more = folded.indexOf('id="a11y-more"')
    for (const option of ['normal', 'large', 'xlarge']) {
      const at = folded.indexOf(`id="a11y-fontSize-${option}"`)
      expect(at, option).toBeGreaterThan(0)
      expect(at, option).toBeLessThan(more)
    }
    for (const id of ['a11y-scheme-blue', 'a11y-reset', 'a11y-view-off']) expect(folded.indexOf(`id="${id}"`), id).toBeGreaterThan(more)
    expect(folded.indexOf('id="a11y-toolbar-toggle"')).toBeLessThan(more)
    expect(statusOf(folded).toolbar).toBe('Other settings hidden')
  })
})

describe('chunkText (read aloud)', () => {
  it('keeps pieces short and loses no words', () => {
    const text = `Title\n\n${'A sentence of some length. '.repeat(30)}\n${'word'.repeat(100)} end`
    const chunks = chunkText(text, 100)
    expect(chunks[0]).toBe('Title')
    for (const chunk of chunks.slice(0, -2)) expect(chunk.length).toBeLessThanOrEqual(100)
    expect(chunks.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' ').trim())
  })

  it('gives nothing for blank text', () => {
    expect(chunkText(' \n \n')).toEqual([])
  })
})

// ---------------------------------------------------------------- The stylesheet

const css = readFileSync(path.join(import.meta.dirname, '../../src/a11y/a11y.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')

/** Rules as [selector, body] (nested @media blocks are walked into). */
const rules = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => [m[1]!.trim(), m[2]!] as const)

const SCHEME_COLOURS: Record<A11ySettings['scheme'], [string, string]> = {
  'black-white': ['#000', '#fff'],
  'white-black': ['#fff', '#000'],
  blue: ['#063462', '#9DD1FF'],
  brown: ['#4D4B43', '#F7F3D6'],
  green: ['#A9E44D', '#3B2716'],
}

const expandHex = (hex: string): string => {
  const h = hex.replace('#', '').toLowerCase()
  return h.length === 3 ? [...h].map((c) => c + c).join('') : h
}

/** WCAG 2 relative luminance of a #rgb/#rrggbb colour. */
const luminance = (hex: string): number => {
  const h = expandHex(hex)
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

describe('a11y.css', () => {
  it('knows every scheme', () => {
    expect(Object.keys(SCHEME_COLOURS).sort()).toEqual([...SETTING_OPTIONS.scheme].sort())
  })

  for (const [scheme, [fg, bg]] of Object.entries(SCHEME_COLOURS)) {
    it(`scheme ${scheme}: exactly ${fg} on ${bg}, contrast ≥ 7:1`, () => {
      const blocks = rules.filter(([selector]) => new RegExp(`\\.a11y-scheme-${scheme}(?![\\w-])`).test(selector))
      expect(blocks.length).toBeGreaterThan(0)
      for (const [, body] of blocks) {
        const colours = [...body.matchAll(/#[0-9a-f]{3,8}\b/gi)].map((m) => expandHex(m[0]))
        expect(new Set(colours)).toEqual(new Set([expandHex(fg), expandHex(bg)]))
        expect(body).toMatch(new RegExp(`--a11y-fg:\\s*${fg}\\s*;`, 'i'))
        expect(body).toMatch(new RegExp(`--a11y-bg:\\s*${bg}\\s*;`, 'i'))
        // No other colour notation sneaks in.
        expect(body).not.toMatch(/rgb|hsl|hwb|lab\(|lch\(|color\(/i)
      }
      expect(contrast(fg, bg)).toBeGreaterThanOrEqual(7)
    })
  }

  it('uses no hard-coded colour outside the scheme blocks', () => {
    for (const [selector, body] of rules) {
      if (/\.a11y-scheme-/.test(selector)) continue
      expect(body, selector).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i)
    }
  })

  it('loads nothing from outside: no web fonts, no URLs, no imports', () => {
    expect(css).not.toMatch(/@font-face|@import|url\(/i)
  })

  it('sizes text relative to the reader (100 %, 125 %, ≥ 150 %)', () => {
    const size = (cls: string) => {
      const rule = rules.find(([selector]) => selector === `html.${cls}`)
      return Number(/font-size:\s*([\d.]+)%/.exec(rule?.[1] ?? '')?.[1])
    }
    expect(size('a11y-font-normal')).toBe(100)
    expect(size('a11y-font-large')).toBe(125)
    expect(size('a11y-font-xlarge')).toBeGreaterThanOrEqual(150)
    expect(css).not.toMatch(/font-size:\s*\d+(\.\d+)?px/i)
  })

  it('has a rule for every class htmlClassNames can give, except the defaults it leaves alone', () => {
    const leftAlone = new Set(['a11y-images-show', 'a11y-letter-normal', 'a11y-line-normal'])
    for (const name of SETTING_NAMES) {
      for (const option of SETTING_OPTIONS[name] as readonly string[]) {
        const cls = htmlClassNames({ ...DEFAULT_SETTINGS, [name]: option } as A11ySettings).split(' ')[SETTING_NAMES.indexOf(name) + 1]!
        if (leftAlone.has(cls)) continue
        expect(css, cls).toMatch(new RegExp(`\\.${cls.replace('.', '\\.')}(?![\\w-])`))
      }
    }
  })

  it('shows a status message only when its control is the target, and hides the folded part', () => {
    for (const key of STATUS_KEYS) {
      const rule = rules.find(([selector]) => selector.includes(`[data-for='${key}']`) && selector.includes(':target'))
      expect(rule, key).toBeDefined()
      expect(rule![1]).toMatch(/display:\s*inline/)
    }
    expect(rules.find(([selector]) => selector.includes('.a11y-status > span'))?.[1]).toMatch(/display:\s*none/)
    expect(rules.find(([selector]) => selector.includes('.a11y-more[hidden]'))?.[1]).toMatch(/display:\s*none/)
  })

  it('uses !important only inside the reduced-motion query', () => {
    const withoutMotion = css.replace(/@media \(prefers-reduced-motion: reduce\)\s*\{(?:[^{}]*\{[^{}]*\})*\s*\}/, '')
    expect(withoutMotion).not.toBe(css)
    expect(withoutMotion).not.toContain('!important')
  })

  it('honours forced colours and more contrast, and hides image alternatives by default', () => {
    expect(css).toContain('@media (forced-colors: active)')
    expect(css).toContain('@media (prefers-contrast: more)')
    const imgAlt = rules.find(([selector]) => selector === '.img-alt')
    expect(imgAlt?.[1]).toMatch(/display:\s*none/)
  })
})
