import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { CHROME_RULES, matchChrome } from '../../src/import/chrome'
import { matchLeadingDate, parseDate } from '../../src/import/dates'
import { type KnownAgency, ParseError, type ParsedRelease, parsePressRelease } from '../../src/import/parser'

const SEEDS = {
  virtualKarabakh: '000_1a73a4a176eff321.txt',
  boardMeeting2025: '001_0e984d2450b06bd9.txt',
  collegium2024: '002_1cd6c35e49458000.txt',
  migrationRedCross: '003_a976819310c3f68d.txt',
  azernews: '004_ef75510803fb573c.txt',
} as const

const AGENCIES: KnownAgency[] = [
  { id: 'mia', names: ['Ministry of Internal Affairs', 'MIA', 'Daxili İşlər Nazirliyi'] },
  { id: 'sms', names: ['State Migration Service', 'SMS', 'Dövlət Miqrasiya Xidməti'] },
  { id: 'sbs', names: ['State Border Service', 'DSX'] },
]

function readSeed(fileName: string): string {
  return readFileSync(new URL(`../../src/seed/documents/${fileName}`, import.meta.url), 'utf8')
}

function parseSeed(fileName: string): ParsedRelease {
  return parsePressRelease(readSeed(fileName), { fileName, knownAgencies: AGENCIES })
}

function parse(text: string): ParsedRelease {
  return parsePressRelease(text, { knownAgencies: AGENCIES })
}

const yearlessDate = (raw: string, month: number, day: number) => ({
  raw, year: null, month, day, hour: null, minute: null, utcOffset: '+04:00', iso: null,
})

describe('seed 000: MIA press release republished by Virtual Karabakh', () => {
  const release = parseSeed(SEEDS.virtualKarabakh)

  it('has no heading, so the title is the first sentence without its dateline, cut at a clause', () => {
    expect(release.title).toBe(
      'Minister of Internal Affairs of the Azerbaijan Republic Colonel General Ramil Usubov received Mr. Gulam M. Isakzai…',
    )
    expect(release.titleFrom).toBe('first-sentence')
    expect(release.warnings).toContain('no heading found; title made from the first sentence')
  })

  it('reads the yearless dateline "February 6"', () => {
    expect(release.date).toEqual(yearlessDate('February 6', 2, 6))
    expect(release.warnings).toContain('date has no year: "February 6"')
  })

  it('recognises the outlet header and the attribution line', () => {
    expect(release.source).toEqual({ outlet: 'Virtual Karabakh', byline: null, originalDate: release.date })
    expect(release.attribution).toBe('Press Release by the Press Service of the Ministry of Internal Affairs')
    expect(release.typeGuess).toBe('press-release')
  })

  it('keeps the dateline in the body paragraphs', () => {
    expect(release.paragraphs).toHaveLength(12)
    expect(release.paragraphs[0]).toBe(
      'February 6 – Minister of Internal Affairs of the Azerbaijan Republic Colonel General Ramil Usubov received Mr. Gulam M. Isakzai, the newly-appointed UN Resident Coordinator in our country, and Mr. Furio de Angelis, the new Head of the Office of UN High Commissioner for Refugees in Azerbaijan.',
    )
    expect(release.paragraphs.at(-1)).toBe(
      'The parties also discussed a number of other matters of concern in the constructive and businesslike atmosphere of the meeting.',
    )
    expect(release.lead).toBe(release.paragraphs[0])
    expect(release.paragraphs).not.toContain('Press Release by the Press Service of the Ministry of Internal Affairs')
  })

  it('guesses the MIA, counting the attribution line strongly', () => {
    // 5 for the attribution line + 4 mentions in the body
    expect(release.agencyGuess).toEqual({ id: 'mia', matched: 'Ministry of Internal Affairs', score: 9 })
    expect(release.photos).toEqual([])
  })
})

describe('seed 001: MIA board meeting, 24.01.2025', () => {
  const release = parseSeed(SEEDS.boardMeeting2025)

  it('reads title and date', () => {
    expect(release.title).toBe('A Board meeting was held at the Ministry of Internal Affairs')
    expect(release.titleFrom).toBe('heading')
    expect(release.date).toEqual({
      raw: '24.01.2025', year: 2025, month: 1, day: 24, hour: null, minute: null,
      utcOffset: '+04:00', iso: '2025-01-24T00:00:00+04:00',
    })
    expect(release.warnings).toEqual([])
  })

  it('collects photo names and drops the surrounding chrome', () => {
    expect(release.photos).toEqual(['image_20250124150231.jpg', '_Y7A8241_1'])
    expect(release.paragraphs).toHaveLength(20)
    expect(release.paragraphs[0]).toBe(
      'On January 24, a General Board meeting was held at the Ministry of Internal Affairs, dedicated to the results of activities in 2024 regarding the fight against crime, the protection of public order, and ensuring public safety, as well as the tasks ahead for the current year.',
    )
    expect(release.paragraphs.at(-1)).toBe(
      'Minister Vilayat Eyvazov expressed deep gratitude to the President of the Republic of Azerbaijan, Mr. Ilham Aliyev, for his high attention and care for the Ministry, as well as for the trust he has placed in the personnel. He assured that the Ministry will continue its efforts with great determination and resolve in ensuring the rule of law, public order, and the safety and satisfaction of citizens.',
    )
  })

  it('is the agency’s own press release', () => {
    expect(release.source).toBeNull()
    expect(release.attribution).toBeNull()
    expect(release.typeGuess).toBe('press-release')
    expect(release.agencyGuess).toEqual({ id: 'mia', matched: 'Ministry of Internal Affairs', score: 7 })
  })
})

describe('seed 002: MIA collegium meeting, "On April 19th"', () => {
  const release = parseSeed(SEEDS.collegium2024)

  it('reads the title and the yearless date from the first paragraph', () => {
    expect(release.title).toBe('The Collegium meeting was held at the Ministry of Internal Affairs')
    expect(release.titleFrom).toBe('heading')
    expect(release.date).toEqual(yearlessDate('On April 19th', 4, 19))
    expect(release.warnings).toEqual(['date has no year: "On April 19th"'])
  })

  it('drops menu and accessibility chrome and keeps the trailing camera file name as a photo', () => {
    expect(release.photos).toEqual(['IMG_8788+ 2'])
    expect(release.paragraphs).toHaveLength(11)
    expect(release.paragraphs[0]).toBe(
      'On April 19th, the Ministry of Internal Affairs convened a Board meeting focused on assessing the state of affairs concerning combating crimes perpetrated through information technologies, addressing criminal appeals, and resolving crimes through forensic methodologies and techniques.',
    )
    expect(release.paragraphs.at(-1)).toMatch(/^The Minister of Internal Affairs gave specific tasks .* with criminalistic methods and means\.$/)
    expect(release.source).toBeNull()
    expect(release.agencyGuess?.id).toBe('mia')
  })
})

describe('seed 003: SMS meeting with the ICRC, undated', () => {
  const release = parseSeed(SEEDS.migrationRedCross)

  it('has a title but no date (the © year in the footer is not a date)', () => {
    expect(release.title).toBe(
      'The meeting held at the State Migration Service with representatives of the International Committee of the Red Cross',
    )
    expect(release.titleFrom).toBe('heading')
    expect(release.date).toBeNull()
    expect(release.warnings).toEqual(['no date found'])
  })

  it('drops the footer lines', () => {
    expect(release.paragraphs).toHaveLength(12)
    expect(release.paragraphs[0]).toBe(
      'Chief of the State Migration Service, II rank migration service counselor Firudin Nabiyev met with Bjoern Rahm, Protection coordinator at the International Committee of the Red Cross (ICRC) and Elena Azmone Sessera, the head of ICRC representative in Azerbaijan.',
    )
    expect(release.paragraphs.at(-1)).toBe('At the meeting, an exchange of views took place on other issues of mutual interest.')
    expect(release.photos).toEqual([])
    expect(release.source).toBeNull()
  })

  it('guesses the SMS from its full name and acronym', () => {
    // title 3 + "State Migration Service" once and "SMS" twice in the body
    expect(release.agencyGuess).toEqual({ id: 'sms', matched: 'State Migration Service', score: 6 })
  })
})

describe('seed 004: Azernews article with byline and gallery', () => {
  const release = parseSeed(SEEDS.azernews)
  const articleDate = {
    raw: '19 October 2017 09:58 (UTC+04:00)', year: 2017, month: 10, day: 19, hour: 9, minute: 58,
    utcOffset: '+04:00', iso: '2017-10-19T09:58:00+04:00',
  }

  it('strips the [PHOTO] marker and ignores the repeated title', () => {
    expect(release.title).toBe(
      'President Aliyev: Situation in Azerbaijan is stable, there are no internal risks and potential threats',
    )
    expect(release.titleFrom).toBe('heading')
  })

  it('takes the article date, not the site’s today’s-date widget', () => {
    expect(release.date).toEqual(articleDate)
    expect(release.warnings).toEqual([])
  })

  it('is media coverage by a named journalist', () => {
    expect(release.source).toEqual({ outlet: 'Azernews', byline: 'Amina Nazarli', originalDate: articleDate })
    expect(release.typeGuess).toBe('media-coverage')
    expect(release.attribution).toBeNull()
    expect(release.agencyGuess).toBeNull()
  })

  it('turns the 11 gallery slides into 11 photos', () => {
    expect(release.photos).toEqual(Array.from({ length: 11 }, (_, i) => `Gallery image ${i + 1}`))
  })

  it('keeps only the article text, without the stray backslash', () => {
    expect(release.paragraphs).toHaveLength(22)
    expect(release.paragraphs[0]).toBe(
      'The guarantee of security in Azerbaijan is coordination of efforts, information exchange and joint struggle against dangerous manifestations.',
    )
    expect(release.paragraphs.at(-1)).toBe(
      'The Russian Border Service deputy command added that the parties discussed organized crime, drug trafficking, migration processes at borders and other issues. The parties also raised the issue of training military officers in educational facilities in the CIS region.',
    )
    expect(release.lead).toBe(release.paragraphs[0])
  })
})

describe('every seed', () => {
  const chromeLines = [
    'Useful links', 'For the visually impaired:', 'Back', 'Paylaş:', 'Most recent press releases',
    'Websites of the structural units of the MIA', 'Görmə çətinliyi olanlar üçün:', 'Saturday April 20 2024',
    '--', 'Follow us on Twitter @AzerNewsAz', 'Slider Image 1', 'Loading...', 'Latest See more',
    '© 2024 The Republic of Azerbaijan State Migration Service', 'Terms for users | Privacy Policy | All rights reserved',
  ]

  it.each(Object.values(SEEDS))('%s: paragraphs are trimmed, non-empty and free of chrome', (fileName) => {
    const { paragraphs, lead } = parseSeed(fileName)
    for (const paragraph of paragraphs) {
      expect(paragraph).toBe(paragraph.trim())
      expect(paragraph).not.toBe('')
      expect(chromeLines).not.toContain(paragraph)
      expect(paragraph).not.toMatch(/Gallery Image$|\\$/)
    }
    expect(lead?.length).toBeLessThanOrEqual(300)
  })
})

describe('malformed input', () => {
  it.each([
    ['empty string', ''],
    ['whitespace only', '  \n\t\r\n   \u00a0\n'],
  ])('rejects %s', (_, text) => {
    expect(() => parsePressRelease(text, { fileName: 'broken.txt' })).toThrow(ParseError)
    expect(() => parsePressRelease(text, { fileName: 'broken.txt' })).toThrow(
      'Cannot parse press release "broken.txt": input is empty',
    )
  })

  it('rejects binary data with NUL bytes', () => {
    const garbage = 'PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000Title of something\n\u0000\u0000body'
    expect(() => parsePressRelease(garbage, { fileName: 'photo.zip' })).toThrow(
      'Cannot parse press release "photo.zip": input looks like binary data, not text',
    )
  })

  it('rejects text that is mostly non-printable', () => {
    const garbage = '\u0001\u0002\u0003\uFFFD\uFFFD\u007F'.repeat(50) + '\nA few readable words here.'
    expect(() => parsePressRelease(garbage)).toThrow(ParseError)
    expect(() => parsePressRelease(garbage)).toThrow(/binary/)
  })

  it('rejects a page that is only chrome', () => {
    const chromeOnly = ['Useful links', 'For the visually impaired:', 'DSC_0042', 'Back', 'Paylaş:', '© 2024 Ministry'].join('\n')
    expect(() => parsePressRelease(chromeOnly, { fileName: 'menu.txt' })).toThrow(
      'Cannot parse press release "menu.txt": no body text left after removing page chrome',
    )
  })

  it('rejects a page with a title and a date but no body', () => {
    expect(() => parse('A meeting was held at the Ministry\n\n24.01.2025\n')).toThrow(ParseError)
  })

  it('names no file when none is given', () => {
    expect(() => parsePressRelease('')).toThrow('Cannot parse press release: input is empty')
  })
})

describe('dates', () => {
  it('warns when a release has a title and body but no date', () => {
    const release = parse('The minister met the delegation\n\nThe sides discussed cooperation. Talks went well.')
    expect(release.title).toBe('The minister met the delegation')
    expect(release.date).toBeNull()
    expect(release.warnings).toContain('no date found')
    expect(release.paragraphs).toEqual(['The sides discussed cooperation. Talks went well.'])
  })

  it('does not take an impossible date line such as 31.02.2024', () => {
    const release = parse('The minister met the delegation\n\n31.02.2024\n\nThe sides discussed cooperation.')
    expect(release.date).toBeNull()
    expect(release.warnings).toContain('ignored "31.02.2024": not a real calendar date')
    expect(release.paragraphs).toEqual(['The sides discussed cooperation.'])
  })

  it('does not take an impossible dateline and falls back to nothing', () => {
    const release = parse('The minister met the delegation\n\nOn February 31st, the sides discussed cooperation.')
    expect(release.date).toBeNull()
    expect(release.warnings).toContain('ignored "On February 31st": not a real calendar date')
  })

  it('prefers a date line over a date in the first paragraph', () => {
    const release = parse('Meeting held at the Ministry\n19.04.2024\nOn April 18th, the board met.')
    expect(release.date?.iso).toBe('2024-04-19T00:00:00+04:00')
  })

  it('parses the supported shapes', () => {
    expect(parseDate('24.01.2025')?.iso).toBe('2025-01-24T00:00:00+04:00')
    expect(parseDate('2025-01-24')?.iso).toBe('2025-01-24T00:00:00+04:00')
    expect(parseDate('2025-01-24T15:02:00Z')?.iso).toBe('2025-01-24T15:02:00+00:00')
    expect(parseDate('19 October 2017 09:58 (UTC+04:00)')?.iso).toBe('2017-10-19T09:58:00+04:00')
    expect(parseDate('October 19th, 2017')?.iso).toBe('2017-10-19T00:00:00+04:00')
    expect(parseDate('April 20 2024, 10:30 GMT+3')?.iso).toBe('2024-04-20T10:30:00+03:00')
    expect(parseDate('19 April')).toEqual(yearlessDate('19 April', 4, 19))
    expect(parseDate('April 19')).toEqual(yearlessDate('April 19', 4, 19))
    expect(parseDate('On April 19th')).toEqual(yearlessDate('On April 19th', 4, 19))
  })

  it('understands Azerbaijani and Russian month names', () => {
    expect(parseDate('24 yanvar 2025-ci il')?.iso).toBe('2025-01-24T00:00:00+04:00')
    expect(parseDate('19 aprel 2024')?.iso).toBe('2024-04-19T00:00:00+04:00')
    expect(parseDate('24 января 2025 г.')?.iso).toBe('2025-01-24T00:00:00+04:00')
  })

  it('rejects impossible or incomplete dates', () => {
    expect(parseDate('31.02.2024')).toBeNull()
    expect(parseDate('29.02.2023')).toBeNull()
    expect(parseDate('29.02.2024')?.iso).toBe('2024-02-29T00:00:00+04:00')
    expect(parseDate('13.13.2024')).toBeNull()
    expect(parseDate('May 2024')).toBeNull()
    expect(parseDate('2024')).toBeNull()
  })

  it('finds datelines only where they are datelines', () => {
    expect(matchLeadingDate('February 6 – Minister received')?.dateline).toBe('February 6 – ')
    expect(matchLeadingDate('Baku, 24 January 2025 — The Minister')?.date?.iso).toBe('2025-01-24T00:00:00+04:00')
    expect(matchLeadingDate('On April 19th, the Ministry')?.raw).toBe('On April 19th')
    expect(matchLeadingDate('19 April marks the anniversary')).toBeNull()
  })
})

describe('chrome', () => {
  it('removes a chrome line in the middle of the body', () => {
    const release = parse(
      'A meeting was held at the Ministry\n\n24.01.2025\n\nFirst paragraph.\nPaylaş:\nSecond paragraph.\n\nDSC_0042\nThird paragraph.',
    )
    expect(release.paragraphs).toEqual(['First paragraph.', 'Second paragraph.', 'Third paragraph.'])
    expect(release.photos).toEqual(['DSC_0042'])
  })

  it('drops a weekday date widget instead of taking it as the release date', () => {
    const release = parse('Friday, 24 January 2025\nA meeting was held at the Ministry\nThe board met today.')
    expect(release.date).toBeNull()
    expect(release.paragraphs).toEqual(['The board met today.'])
  })

  it.each([
    ['_Y7A8241_1', 'photo'], ['IMG_8788+ 2', 'photo'], ['DSC_0042', 'photo'], ['IMG_20240101_123456', 'photo'],
    ['photo 1.JPG', 'photo'], ['Slider Image 4', 'gallery-slide'], ['Some headline - Gallery Image', 'gallery-caption'],
    ['Версия для слабовидящих', 'accessibility'], ['Görmə çətinliyi olanlar üçün:', 'accessibility'],
    ['Websites of the structural units of the SMS', 'navigation'], ['Share:', 'share'], ['Loading...', 'loading'],
    ['Follow us on Facebook', 'social'], ['Sunday March 3 2024', 'date-widget'], ['© 2023 Ministry', 'footer'],
    ['———', 'separator'],
  ])('recognises %j as %s', (line, kind) => {
    expect(matchChrome(line, { inHeader: false })?.rule.kind).toBe(kind)
  })

  it.each(['COP29', 'Year2024', 'The board met today.', 'President Aliyev: Situation is stable'])(
    'leaves %j alone',
    (line) => {
      expect(matchChrome(line, { inHeader: false })).toBeNull()
    },
  )

  it('recognises a site header only at the top of the page', () => {
    expect(matchChrome('Report.az', { inHeader: true })?.outlet).toBe('Report')
    expect(matchChrome('Report.az', { inHeader: false })).toBeNull()
  })

  it('documents every rule', () => {
    for (const rule of CHROME_RULES) expect(rule.note.length).toBeGreaterThan(5)
  })
})

describe('titles, leads and agencies', () => {
  it('uses a short first sentence whole, without its full stop, when there is no heading', () => {
    const release = parse('May 5 – The Minister received the Ambassador of France. They discussed cooperation.')
    expect(release.title).toBe('The Minister received the Ambassador of France')
    expect(release.titleFrom).toBe('first-sentence')
    expect(release.lead).toBe('May 5 – The Minister received the Ambassador of France.')
  })

  it('cuts a long lead at a word boundary with an ellipsis', () => {
    const words = (n: number) => Array.from({ length: n }, () => 'abcd').join(' ')
    const release = parse(`A meeting was held at the Ministry\nThe Minister ${words(100)} end.`)
    // 13 + 57 words of 4 letters and their spaces = 297 characters, then the ellipsis
    expect(release.lead).toBe(`The Minister ${words(57)}…`)
    expect(release.lead).toHaveLength(298)
    expect(release.warnings).toContain('first sentence is longer than 300 characters; lead was shortened')
  })

  it('matches acronyms only in capitals, and returns null when no agency is mentioned', () => {
    expect(parse('The mayor met residents\nResidents received sms alerts about the weather.').agencyGuess).toBeNull()
    expect(parse('The SMS hosted guests\nThe guests visited the service.').agencyGuess).toEqual({
      id: 'sms', matched: 'SMS', score: 3,
    })
    expect(parsePressRelease(readSeed(SEEDS.collegium2024)).agencyGuess).toBeNull()
  })

  it('matches agency names written in Azerbaijani regardless of case', () => {
    const release = parse('Tədbir keçirildi\nDAXİLİ İŞLƏR NAZİRLİYİ məlumat yayıb.')
    expect(release.agencyGuess).toEqual({ id: 'mia', matched: 'Daxili İşlər Nazirliyi', score: 1 })
  })

  it('guesses a statement from its attribution line', () => {
    const release = parse(
      'Statement by the Press Service of the Ministry of Internal Affairs\n\nThe Ministry of Internal Affairs rejects the allegations.',
    )
    expect(release.typeGuess).toBe('statement')
    expect(release.attribution).toBe('Statement by the Press Service of the Ministry of Internal Affairs')
    expect(release.agencyGuess?.score).toBe(6)
  })
})
