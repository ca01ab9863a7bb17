import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { startPayload } from './helpers/payload'

let payload: Payload
let cleanup: () => Promise<void>
beforeAll(async () => {
  ;({ payload, cleanup } = await startPayload())
})
afterAll(async () => cleanup())

describe('smoke', () => {
  it('creates an agency', async () => {
    const a = await payload.create({ collection: 'agencies', data: { name: 'Daxili İşlər Nazirliyi', kind: 'ministry', _status: 'published' } })
    expect(a.slug).toBe('daxili-ishler-nazirliyi')
  })
})
