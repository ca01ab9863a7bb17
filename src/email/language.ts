/**
 * The language a person's messages are written in. Payload keeps the admin language in a cookie
 * (`payload-lng`, set by the language switch in the account view) and otherwise follows the
 * browser's Accept-Language; neither reaches a message asked for from another browser. So the
 * language a user signs in with is remembered in their Payload preferences (`admin-language`), and a
 * message to them is in: that language, else the language of the request that asked, else Azerbaijani.
 */
import type { Payload, PayloadRequest, Where } from 'payload'

import { DEFAULT_LOCALE, isLocale, type Locale } from '@/i18n/locales'

export const ADMIN_LANGUAGE_KEY = 'admin-language'
const PREFERENCES = 'payload-preferences'

function cookie(headers: Headers, name: string): string | undefined {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return decodeURIComponent(value.join('='))
  }
  return undefined
}

/** The admin language a request shows: Payload's language cookie, else the best of Accept-Language; null if none is az/en/ru. */
export function requestLanguage(headers: Headers, cookiePrefix = 'payload'): Locale | null {
  const chosen = cookie(headers, `${cookiePrefix}-lng`)
  if (isLocale(chosen)) return chosen
  const ranked = (headers.get('accept-language') ?? '')
    .split(',')
    .map((entry, index) => {
      const [tag, ...params] = entry.trim().split(';')
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1)
      return { lang: tag!.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, index }
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  return ranked.map((entry) => entry.lang).find(isLocale) ?? null
}

const preferenceOf = (userId: string | number): Where => ({
  and: [{ key: { equals: ADMIN_LANGUAGE_KEY } }, { 'user.value': { equals: userId } }, { 'user.relationTo': { equals: 'users' } }],
})

/** The admin language the user last signed in with, if any. */
export async function rememberedLanguage(payload: Payload, userId: string | number, req?: Partial<PayloadRequest>): Promise<Locale | null> {
  const found = await payload.db.findOne<{ id: string | number; value?: unknown }>({ collection: PREFERENCES, where: preferenceOf(userId), req })
  return typeof found?.value === 'string' && isLocale(found.value) ? found.value : null
}

export async function rememberLanguage(req: PayloadRequest, userId: string | number, language: Locale): Promise<void> {
  if ((await rememberedLanguage(req.payload, userId, req)) === language) return
  await req.payload.db.upsert({
    collection: PREFERENCES,
    data: { key: ADMIN_LANGUAGE_KEY, user: { relationTo: 'users', value: userId }, value: language },
    req,
    where: preferenceOf(userId),
  })
}

/** The language of a message to this user. */
export async function messageLanguage(payload: Payload, userId: string | number, asked: Locale | null): Promise<Locale> {
  return (await rememberedLanguage(payload, userId)) ?? asked ?? DEFAULT_LOCALE
}
