import { describe, expect, it } from 'vitest'

import { az } from '@/i18n/dictionaries/az'
import { en } from '@/i18n/dictionaries/en'
import { ru } from '@/i18n/dictionaries/ru'
import { format, formatDate } from '@/i18n'

describe('dictionaries', () => {
  it('have the same keys and no empty string in every language', () => {
    for (const dict of [az, ru]) expect(Object.keys(dict).sort()).toEqual(Object.keys(en).sort())
    for (const dict of [az, en, ru]) expect(Object.entries(dict).filter(([, v]) => !v.trim())).toEqual([])
  })

  it('keep the placeholders of the English text', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort()
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(az[key]), `az.${key}`).toEqual(placeholders(en[key]))
      expect(placeholders(ru[key]), `ru.${key}`).toEqual(placeholders(en[key]))
    }
  })

  it('fills placeholders', () => {
    expect(format(en.pageOf, { page: 2, total: 5 })).toBe('Page 2 of 5')
  })
})

describe('formatDate (Asia/Baku)', () => {
  const iso = '2017-10-19T05:58:00.000Z' // 09:58 in Baku
  it('formats date and time per language in Baku time', () => {
    expect(formatDate(iso, 'en', 'datetime')).toBe('October 19, 2017, 09:58')
    expect(formatDate(iso, 'az', 'datetime')).toBe('19 oktyabr 2017, 09:58')
    expect(formatDate(iso, 'ru', 'datetime')).toBe('19 октября 2017 г., 09:58')
  })
  it('shows only what is known', () => {
    expect(formatDate('2025-01-23T20:00:00.000Z', 'en', 'date')).toBe('January 24, 2025')
    expect(formatDate('2016-12-31T20:00:00.000Z', 'ru', 'year')).toBe('2017')
  })
})

describe("the admin's texts (src/i18n/adminTranslations.ts)", () => {
  it('the restore confirmation says, in every language, that the version comes back as a draft, as the answer after it does', async () => {
    const { initI18n } = await import('@payloadcms/translations')
    const config = (await import('../../payload.config')).default
    const { i18n } = await config
    for (const language of ['az', 'en', 'ru'] as const) {
      const { t } = await initI18n({ config: i18n, language, context: 'client' })
      const confirmation = t('version:aboutToRestore', { label: 'X', versionDate: 'Y' })
      expect(confirmation, language).not.toBe(
        i18n.supportedLanguages?.[language]?.translations.version?.aboutToRestore?.replace('{{label}}', 'X').replace('{{versionDate}}', 'Y'),
      )
      const restored = t('pressOffice:restoredAsDraft' as Parameters<typeof t>[0])
      expect(restored, language).not.toBe('pressOffice:restoredAsDraft')
      // The confirmation ends with the same promise the answer makes.
      expect(confirmation.toLowerCase(), language).toContain(restored.split('. ')[1]!.replace(/\.$/, '').toLowerCase())
    }
  })
})
