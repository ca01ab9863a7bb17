import type { Dictionary } from '@/i18n'

const TYPE_KEYS = {
  'press-release': 'typePressRelease',
  news: 'typeNews',
  statement: 'typeStatement',
  'media-coverage': 'typeMediaCoverage',
} as const satisfies Record<string, keyof Dictionary>

export const RELEASE_TYPE_VALUES = Object.keys(TYPE_KEYS) as (keyof typeof TYPE_KEYS)[]

export const typeLabel = (type: string | null | undefined, t: Dictionary): string =>
  type && type in TYPE_KEYS ? t[TYPE_KEYS[type as keyof typeof TYPE_KEYS]] : ''
