import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { currentPosition, overlaps, positionErrors, type Position } from '@/lib/positions'

import { makeAgency } from './helpers/fixtures'
import { startPayload } from './helpers/payload'

describe('positions (pure rules)', () => {
  const mia = 'agency-mia'
  const sms = 'agency-sms'
  const spell = (startDate: string, endDate: string | null, extra: Partial<Position> = {}): Position => ({
    title: 'Minister',
    agency: mia,
    startDate,
    endDate,
    ...extra,
  })

  describe('overlaps (half-open spells)', () => {
    it.each([
      ['disjoint', false, spell('2000-01-01', '2001-01-01'), spell('2002-01-01', '2003-01-01')],
      ['consecutive: end == next start', false, spell('2000-01-01', '2001-01-01'), spell('2001-01-01', '2003-01-01')],
      ['one day shared', true, spell('2000-01-01', '2001-01-02'), spell('2001-01-01', '2003-01-01')],
      ['nested', true, spell('2000-01-01', '2010-01-01'), spell('2003-01-01', '2004-01-01')],
      ['open-ended vs later spell', true, spell('2000-01-01', null), spell('2020-01-01', '2021-01-01')],
      ['open-ended vs earlier spell ending on its start', false, spell('2000-01-01', null), spell('1990-01-01', '2000-01-01')],
      ['both open-ended', true, spell('2000-01-01', null), spell('2010-01-01', null)],
    ])('%s → %s', (_name, expected, a, b) => {
      expect(overlaps(a, b)).toBe(expected)
      expect(overlaps(b, a)).toBe(expected)
    })
  })

  describe('positionErrors', () => {
    it('accepts an empty list and a valid career', () => {
      expect(positionErrors([])).toEqual([])
      expect(
        positionErrors([
          spell('1990-01-01', '1994-04-19', { title: 'Deputy Minister' }),
          spell('1994-04-19', null),
          spell('1992-01-01', '1995-01-01', { agency: sms }),
        ]),
      ).toEqual([])
    })

    it('refuses an end date before the start date, naming the position', () => {
      expect(positionErrors([spell('2000-01-01', '2001-01-01'), spell('2005-06-01', '2005-05-31', { title: 'Chief of Staff' })])).toEqual([
        'Position 2 (“Chief of Staff”): the end date is before the start date.',
      ])
    })

    it('allows a spell that starts and ends on the same day', () => {
      expect(positionErrors([spell('2005-06-01', '2005-06-01')])).toEqual([])
    })

    it('refuses overlapping spells in the same post (same title, case-insensitive, and agency)', () => {
      expect(positionErrors([spell('2000-01-01', '2005-01-01'), spell('2004-01-01', null, { title: 'MINISTER ' })])).toEqual([
        'Position 2 (“MINISTER ”) overlaps position 1 (“minister”) in the same post.',
      ])
    })

    it('allows overlapping spells in different posts', () => {
      expect(positionErrors([spell('2000-01-01', null), spell('2004-01-01', null, { agency: sms })])).toEqual([])
      expect(positionErrors([spell('2000-01-01', null), spell('2004-01-01', null, { title: 'Deputy Minister' })])).toEqual([])
    })

    it('reports every broken rule', () => {
      expect(
        positionErrors([spell('2010-01-01', '2009-01-01', { title: 'Adviser' }), spell('2000-01-01', null), spell('2001-01-01', null)]),
      ).toEqual([
        'Position 1 (“Adviser”): the end date is before the start date.',
        'Position 3 (“Minister”) overlaps position 2 (“minister”) in the same post.',
      ])
    })
  })

  describe('currentPosition', () => {
    const at = new Date('2021-06-01T00:00:00.000Z')
    it('is the most recently started position still held', () => {
      const positions = [
        spell('1990-01-01', null, { title: 'Member of the Board' }),
        spell('2019-07-17', null, { title: 'Minister' }),
        spell('2000-01-01', '2019-07-17', { title: 'Deputy Minister' }),
      ]
      expect(currentPosition(positions, at)?.title).toBe('Minister')
    })

    it('ignores ended and future positions; null when nothing is held', () => {
      expect(currentPosition([spell('2000-01-01', '2021-06-01'), spell('2022-01-01', null)], at)).toBeNull()
      expect(currentPosition([], at)).toBeNull()
      expect(currentPosition(null, at)).toBeNull()
      expect(currentPosition([spell('2000-01-01', '2021-06-02')], at)?.startDate).toBe('2000-01-01')
    })
  })
})

describe('officials through Payload', () => {
  let payload: Payload
  let cleanup: () => Promise<void>
  let miaId: string
  let smsId: string

  beforeAll(async () => {
    ;({ payload, cleanup } = await startPayload())
    miaId = (await makeAgency(payload)).id
    smsId = (await makeAgency(payload, 'State Migration Service')).id
  })
  afterAll(async () => cleanup())

  type PositionInput = { title: string; agency: string; startDate: string; endDate?: string | null; headOfAgency?: boolean }

  /** Published by trusted server code: the publish path, so validation and the head-of-agency check run. */
  const publishOfficial = (name: string, positions: PositionInput[]) =>
    payload.create({ collection: 'officials', data: { name, positions, _status: 'published' } })

  /** The messages of a ValidationError, or fails the test when the promise resolves. */
  async function validationMessages(promise: Promise<unknown>): Promise<string[]> {
    const error = (await promise.then(
      () => {
        throw new Error('expected the write to be refused')
      },
      (e: unknown) => e,
    )) as { name?: string; data?: { errors?: { message: string; path: string }[] } }
    expect(error.name).toBe('ValidationError')
    return (error.data?.errors ?? []).map((e) => `${e.path}: ${e.message}`)
  }

  const countByName = async (name: string) =>
    (await payload.count({ collection: 'officials', where: { name: { equals: name } } })).totalDocs

  it('refuses an end date before the start date, naming the position', async () => {
    const messages = await validationMessages(
      publishOfficial('Backwards Dates', [
        { title: 'Deputy Minister', agency: miaId, startDate: '2005-01-01', endDate: '2006-01-01' },
        { title: 'Head of Department', agency: miaId, startDate: '2010-03-01', endDate: '2009-03-01' },
      ]),
    )
    expect(messages).toEqual(['positions: Position 2 (“Head of Department”): the end date is before the start date.'])
    expect(await countByName('Backwards Dates')).toBe(0)
  })

  it('refuses overlapping spells in the same post', async () => {
    const messages = await validationMessages(
      publishOfficial('Double Spell', [
        { title: 'Deputy Minister', agency: miaId, startDate: '2000-01-01', endDate: '2005-01-01' },
        { title: 'Deputy Minister', agency: miaId, startDate: '2004-06-01', endDate: '2008-01-01' },
      ]),
    )
    expect(messages).toEqual(['positions: Position 2 (“Deputy Minister”) overlaps position 1 (“deputy minister”) in the same post.'])
    expect(await countByName('Double Spell')).toBe(0)
  })

  it('allows overlapping spells with the same title in different agencies', async () => {
    const official = await publishOfficial('Two Hats', [
      { title: 'Board Member', agency: miaId, startDate: '2000-01-01', endDate: '2005-01-01' },
      { title: 'Board Member', agency: smsId, startDate: '2004-06-01', endDate: '2008-01-01' },
    ])
    expect(official.positions).toHaveLength(2)
  })

  it('allows consecutive spells (end == next start)', async () => {
    const official = await publishOfficial('Reappointed', [
      { title: 'Deputy Minister', agency: miaId, startDate: '2000-01-01', endDate: '2005-01-01' },
      { title: 'Deputy Minister', agency: miaId, startDate: '2005-01-01', endDate: '2010-01-01' },
    ])
    expect(official._status).toBe('published')
    expect(official.positions?.map((p) => [p.startDate.slice(0, 10), p.endDate?.slice(0, 10)])).toEqual([
      ['2000-01-01', '2005-01-01'],
      ['2005-01-01', '2010-01-01'],
    ])
  })

  it('derives currentTitle from the position held now, on create and on read', async () => {
    const official = await publishOfficial('Current Holder', [
      { title: 'Deputy Minister', agency: miaId, startDate: '2005-01-01', endDate: '2012-01-01' },
      { title: 'First Deputy Minister', agency: miaId, startDate: '2012-01-01' },
    ])
    expect(official.currentTitle).toBe('First Deputy Minister')
    const read = await payload.findByID({ collection: 'officials', id: official.id })
    expect(read.currentTitle).toBe('First Deputy Minister')
  })

  it('gives a null currentTitle when every position has ended', async () => {
    const official = await publishOfficial('Retired Official', [
      { title: 'Deputy Minister', agency: miaId, startDate: '2005-01-01', endDate: '2012-01-01' },
    ])
    expect(official.currentTitle).toBeNull()
    const read = await payload.findByID({ collection: 'officials', id: official.id })
    expect(read.currentTitle).toBeNull()
  })

  it('updates currentTitle when the current position is closed', async () => {
    const official = await publishOfficial('Closing Spell', [{ title: 'Chief of Staff', agency: miaId, startDate: '2015-01-01' }])
    expect(official.currentTitle).toBe('Chief of Staff')
    const closed = await payload.update({
      collection: 'officials',
      id: official.id,
      data: { positions: [{ title: 'Chief of Staff', agency: miaId, startDate: '2015-01-01', endDate: '2020-01-01' }] },
    })
    expect(closed.currentTitle).toBeNull()
  })

  describe('heads of agency: Ministers of Internal Affairs', () => {
    // Ramil Usubov was minister from April 1994 to July 2019; Vilayat Eyvazov succeeded him on the day he left.
    const USUBOV_START = '1994-04-19'
    const HANDOVER = '2019-07-17'
    let usubovId: string

    it('accepts Ramil Usubov, minister 1994 → 2019', async () => {
      const usubov = await publishOfficial('Ramil Usubov', [
        { title: 'Minister of Internal Affairs', agency: miaId, startDate: USUBOV_START, endDate: HANDOVER, headOfAgency: true },
      ])
      usubovId = usubov.id
      expect(usubov._status).toBe('published')
      expect(usubov.currentTitle).toBeNull()
    })

    it('accepts Vilayat Eyvazov, minister from the day Usubov left, with no end', async () => {
      const eyvazov = await publishOfficial('Vilayat Eyvazov', [
        { title: 'Minister of Internal Affairs', agency: miaId, startDate: HANDOVER, headOfAgency: true },
      ])
      expect(eyvazov._status).toBe('published')
      expect(eyvazov.currentTitle).toBe('Minister of Internal Affairs')
      expect(await payload.count({ collection: 'officials', where: { 'positions.headOfAgency': { equals: true } } })).toMatchObject({
        totalDocs: 2,
      })
    })

    it('refuses a third minister whose spell overlaps, naming the other official', async () => {
      const messages = await validationMessages(
        publishOfficial('Overlapping Minister', [
          { title: 'Minister of Internal Affairs', agency: miaId, startDate: '2018-01-01', endDate: '2019-01-01', headOfAgency: true },
        ]),
      )
      expect(messages).toEqual([
        'positions: Ramil Usubov headed this agency from 1994-04-19 to 2019-07-17: two heads of one agency cannot overlap.',
      ])
      expect(await countByName('Overlapping Minister')).toBe(0)
    })

    it('names the current minister when a spell overlaps an open-ended one', async () => {
      const messages = await validationMessages(
        publishOfficial('Another Minister', [
          { title: 'Minister of Internal Affairs', agency: miaId, startDate: '2024-01-01', headOfAgency: true },
        ]),
      )
      expect(messages).toEqual([
        'positions: Vilayat Eyvazov headed this agency from 2019-07-17 to now: two heads of one agency cannot overlap.',
      ])
    })

    it('does not count the official against themself when they are saved again', async () => {
      const saved = await payload.update({ collection: 'officials', id: usubovId, data: { rank: 'Colonel-General' } })
      expect(saved.rank).toBe('Colonel-General')
    })

    it('allows an overlapping spell as head of a different agency', async () => {
      const head = await publishOfficial('Head of Migration', [
        { title: 'Chief of Service', agency: smsId, startDate: '2018-01-01', headOfAgency: true },
      ])
      expect(head.currentTitle).toBe('Chief of Service')
    })

    it('is not blocked by a pending, unpublished change to a published official', async () => {
      const agencyId = (await makeAgency(payload, 'State Border Service')).id
      const published = await publishOfficial('Published Without Posts', [])
      await payload.update({
        collection: 'officials',
        id: published.id,
        data: { positions: [{ title: 'Chief of Service', agency: agencyId, startDate: '2020-01-01', headOfAgency: true }] },
        draft: true,
      })
      const head = await publishOfficial('Actual Chief', [
        { title: 'Chief of Service', agency: agencyId, startDate: '2021-01-01', headOfAgency: true },
      ])
      expect(head._status).toBe('published')
    })

    it('is not blocked by a never-published draft official', async () => {
      const agencyId = (await makeAgency(payload, 'State Customs Committee')).id
      await payload.create({
        collection: 'officials',
        data: {
          name: 'Unfinished Draft Entry',
          positions: [{ title: 'Chairman', agency: agencyId, startDate: '2020-01-01', headOfAgency: true }],
        },
        draft: true,
      })
      const head = await publishOfficial('Actual Chairman', [{ title: 'Chairman', agency: agencyId, startDate: '2021-01-01', headOfAgency: true }])
      expect(head._status).toBe('published')
    })

    it('allows overlapping deputies (not head of agency)', async () => {
      const deputy = await publishOfficial('Deputy During Usubov', [
        { title: 'Deputy Minister of Internal Affairs', agency: miaId, startDate: '2018-01-01', endDate: '2019-01-01', headOfAgency: false },
      ])
      expect(deputy._status).toBe('published')
    })
  })
})
