/**
 * What the five seed pages cannot tell by themselves, reviewed by a person: agencies and officials
 * in three languages, each page's missing year, type, agencies and people. Everything else (title,
 * body, photos, byline) comes from the same parser `npm run import` uses.
 *
 * Dates of office are from the agencies' public records; where only the year is certain, the note
 * says so. Publication dates are inferred where the page omits the year (see `dateNote`).
 */
import type { LocaleCode } from '@/fields/localizedName'

type Localized = Partial<Record<LocaleCode, string>> & { en: string }

export type AgencyKind =
  | 'ministry'
  | 'state-service'
  | 'structural-unit'
  | 'international-organisation'
  | 'media-outlet'
  | 'other-state-body'

export interface SeedAgency {
  slug: string
  kind: AgencyKind
  name: Localized
  shortName?: Localized
  parent?: string
  website?: string
  /** Extra names the parser may meet in text. */
  aliases?: string[]
}

export interface SeedPosition {
  title: Localized
  agency: string
  startDate: string
  endDate?: string
  headOfAgency?: boolean
}

export interface SeedOfficial {
  slug: string
  name: Localized
  rank?: Localized
  positions: SeedPosition[]
}

export type ReleaseTypeValue = 'press-release' | 'news' | 'statement' | 'media-coverage'

export interface SeedRelease {
  /** File name under src/seed/documents/. */
  file: string
  /** Stable key: reruns find the release by it and change nothing. */
  key: string
  /** Replaces the parser's title where the page has no heading. */
  title?: string
  /** ISO date-time with offset; where the page gives the date, it must agree (checked by tests). */
  publishedAt: string
  datePrecision: 'datetime' | 'date' | 'year'
  dateNote?: string
  type: ReleaseTypeValue
  place?: string
  leadAgency: string
  supportingAgencies?: string[]
  officials: string[]
  source?: { outlet: string; byline?: string; originalUrl?: string; originalDate?: string }
  /** What each photo the page names showed, for the placeholder's alt text. */
  photoSubject: string
}

export const AGENCIES: SeedAgency[] = [
  {
    slug: 'mia',
    kind: 'ministry',
    name: { az: 'Daxili İşlər Nazirliyi', en: 'Ministry of Internal Affairs', ru: 'Министерство внутренних дел' },
    shortName: { az: 'DİN', en: 'MIA', ru: 'МВД' },
    website: 'https://mia.gov.az',
    aliases: ['Ministry of Internal Affairs', 'Interior Ministry', 'MIA'],
  },
  {
    slug: 'baku-city-main-police-department',
    kind: 'structural-unit',
    parent: 'mia',
    name: { az: 'Bakı Şəhər Baş Polis İdarəsi', en: 'Baku City Main Police Department', ru: 'Главное управление полиции города Баку' },
    shortName: { az: 'BŞBPİ', en: 'BCMPD', ru: 'ГУП г. Баку' },
    website: 'https://bakupolice.gov.az',
  },
  {
    slug: 'sms',
    kind: 'state-service',
    name: { az: 'Dövlət Miqrasiya Xidməti', en: 'State Migration Service', ru: 'Государственная миграционная служба' },
    shortName: { az: 'DMX', en: 'SMS', ru: 'ГМС' },
    website: 'https://migration.gov.az',
    aliases: ['State Migration Service', 'SMS'],
  },
  {
    slug: 'president',
    kind: 'other-state-body',
    name: { az: 'Azərbaycan Respublikasının Prezidenti', en: 'President of the Republic of Azerbaijan', ru: 'Президент Азербайджанской Республики' },
    website: 'https://president.az',
  },
  {
    slug: 'un-azerbaijan',
    kind: 'international-organisation',
    name: { az: 'BMT-nin Azərbaycandakı Rezident Əlaqələndiricisi', en: 'UN Resident Coordinator in Azerbaijan', ru: 'Координатор-резидент ООН в Азербайджане' },
    shortName: { az: 'BMT', en: 'UN', ru: 'ООН' },
    website: 'https://azerbaijan.un.org',
  },
  {
    slug: 'unhcr-azerbaijan',
    kind: 'international-organisation',
    name: {
      az: 'BMT-nin Qaçqınlar üzrə Ali Komissarlığının Azərbaycandakı Nümayəndəliyi',
      en: 'Office of the UN High Commissioner for Refugees in Azerbaijan',
      ru: 'Представительство УВКБ ООН в Азербайджане',
    },
    shortName: { az: 'BMT QAK', en: 'UNHCR', ru: 'УВКБ ООН' },
    website: 'https://www.unhcr.org',
  },
  {
    slug: 'icrc',
    kind: 'international-organisation',
    name: { az: 'Beynəlxalq Qırmızı Xaç Komitəsi', en: 'International Committee of the Red Cross', ru: 'Международный комитет Красного Креста' },
    shortName: { az: 'BQXK', en: 'ICRC', ru: 'МККК' },
    website: 'https://www.icrc.org',
  },
  {
    slug: 'cis-border-troops-council',
    kind: 'international-organisation',
    name: {
      az: 'MDB Sərhəd Qoşunları Komandanları Şurası',
      en: 'CIS Council of Commanders of Border Troops',
      ru: 'Совет командующих Пограничными войсками СНГ',
    },
    aliases: ['Council of Commanders of Border Troops'],
  },
  {
    slug: 'azernews',
    kind: 'media-outlet',
    name: { en: 'Azernews', az: 'Azernews', ru: 'Azernews' },
    website: 'https://www.azernews.az',
  },
  {
    slug: 'virtual-karabakh',
    kind: 'media-outlet',
    name: { en: 'Virtual Karabakh', az: 'Virtual Qarabağ', ru: 'Виртуальный Карабах' },
  },
]

const MINISTER_OF_INTERNAL_AFFAIRS: Localized = {
  az: 'Daxili işlər naziri',
  en: 'Minister of Internal Affairs',
  ru: 'Министр внутренних дел',
}

const COLONEL_GENERAL: Localized = { az: 'General-polkovnik', en: 'Colonel-General', ru: 'Генерал-полковник' }

export const OFFICIALS: SeedOfficial[] = [
  {
    slug: 'ramil-usubov',
    name: { az: 'Ramil Usubov', en: 'Ramil Usubov', ru: 'Рамиль Усубов' },
    rank: COLONEL_GENERAL,
    // Minister from 1994 until his appointment as Secretary of the Security Council in July 2019.
    positions: [{ title: MINISTER_OF_INTERNAL_AFFAIRS, agency: 'mia', startDate: '1994-04-01', endDate: '2019-07-15', headOfAgency: true }],
  },
  {
    slug: 'vilayat-eyvazov',
    name: { az: 'Vilayət Eyvazov', en: 'Vilayat Eyvazov', ru: 'Вилаят Эйвазов' },
    rank: COLONEL_GENERAL,
    positions: [{ title: MINISTER_OF_INTERNAL_AFFAIRS, agency: 'mia', startDate: '2019-07-15', headOfAgency: true }],
  },
  {
    slug: 'firudin-nabiyev',
    name: { az: 'Firudin Nəbiyev', en: 'Firudin Nabiyev', ru: 'Фирудин Набиев' },
    rank: { az: 'II dərəcəli miqrasiya xidməti müşaviri', en: 'Migration Service Counselor, 2nd rank', ru: 'Советник миграционной службы II ранга' },
    // Chief since the Service was founded by the decree of 19 March 2007.
    positions: [
      {
        title: { az: 'Dövlət Miqrasiya Xidmətinin rəisi', en: 'Chief of the State Migration Service', ru: 'Начальник Государственной миграционной службы' },
        agency: 'sms',
        startDate: '2007-03-19',
        headOfAgency: true,
      },
    ],
  },
  {
    slug: 'ilham-aliyev',
    name: { az: 'İlham Əliyev', en: 'Ilham Aliyev', ru: 'Ильхам Алиев' },
    positions: [
      {
        title: { az: 'Azərbaycan Respublikasının Prezidenti', en: 'President of the Republic of Azerbaijan', ru: 'Президент Азербайджанской Республики' },
        agency: 'president',
        startDate: '2003-10-31',
        headOfAgency: true,
      },
    ],
  },
]

export const RELEASES: SeedRelease[] = [
  {
    file: '000_1a73a4a176eff321.txt',
    key: 'seed-000',
    title: 'Minister of Internal Affairs Ramil Usubov received the new UN Resident Coordinator and the Head of the UNHCR Office in Azerbaijan',
    publishedAt: '2017-02-06T00:00:00+04:00',
    datePrecision: 'date',
    dateNote:
      'The page says "February 6" only. 2017: Azerbaijan "has been a member of the United Nations for 25 years" (since 1992) and the ASAN centres were "established 5 years ago" (2012).',
    type: 'press-release',
    place: 'Baku',
    leadAgency: 'mia',
    supportingAgencies: ['un-azerbaijan', 'unhcr-azerbaijan'],
    officials: ['ramil-usubov', 'ilham-aliyev'],
    source: { outlet: 'virtual-karabakh', byline: 'Press Service of the Ministry of Internal Affairs' },
    photoSubject: 'the meeting at the Ministry of Internal Affairs',
  },
  {
    file: '001_0e984d2450b06bd9.txt',
    key: 'seed-001',
    publishedAt: '2025-01-24T00:00:00+04:00',
    datePrecision: 'date',
    type: 'press-release',
    place: 'Baku',
    leadAgency: 'mia',
    officials: ['vilayat-eyvazov', 'ilham-aliyev'],
    photoSubject: 'the General Board meeting at the Ministry of Internal Affairs on 24 January 2025',
  },
  {
    file: '002_1cd6c35e49458000.txt',
    key: 'seed-002',
    publishedAt: '2024-04-19T00:00:00+04:00',
    datePrecision: 'date',
    dateNote: 'The page says "On April 19th". 2024: it reports "the first quarter of 2024" against "3 months of 2023".',
    type: 'press-release',
    place: 'Baku',
    leadAgency: 'mia',
    officials: ['vilayat-eyvazov', 'ilham-aliyev'],
    photoSubject: 'the Collegium meeting at the Ministry of Internal Affairs on 19 April 2024',
  },
  {
    file: '003_a976819310c3f68d.txt',
    key: 'seed-003',
    publishedAt: '2017-01-01T00:00:00+04:00',
    datePrecision: 'year',
    dateNote:
      'The page has no date. 2017: "over the past 14 years, under the leadership of President Ilham Aliyev" (in office since October 2003). Day and month unknown.',
    type: 'press-release',
    place: 'Baku',
    leadAgency: 'sms',
    supportingAgencies: ['icrc'],
    officials: ['firudin-nabiyev', 'ilham-aliyev'],
    photoSubject: 'the meeting at the State Migration Service',
  },
  {
    file: '004_ef75510803fb573c.txt',
    key: 'seed-004',
    publishedAt: '2017-10-19T09:58:00+04:00',
    datePrecision: 'datetime',
    type: 'media-coverage',
    place: 'Baku',
    leadAgency: 'azernews',
    supportingAgencies: ['president', 'cis-border-troops-council'],
    officials: ['ilham-aliyev'],
    source: { outlet: 'azernews', byline: 'Amina Nazarli', originalDate: '2017-10-19T09:58:00+04:00' },
    photoSubject: 'President Ilham Aliyev receiving the participants of the 78th session of the CIS Council of Commanders of Border Troops',
  },
]
