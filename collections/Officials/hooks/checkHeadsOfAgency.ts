import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

import { overlaps, type Position } from '@/lib/positions'
import { idOf, sameId } from '@/lib/relations'
import { isDraftSave } from '@/workflow/draftArg'


/**
 * A post marked "head of the agency" (a minister, a chief of service) has one holder at a time:
 * refuse a spell that overlaps another official's spell as head of the same agency.
 */
export const checkHeadsOfAgency: CollectionBeforeValidateHook = async ({ data, originalDoc, req, context }) => {
  if (isDraftSave(context, data ?? {})) return data
  const positions: Position[] = data?.positions ?? originalDoc?.positions ?? []
  const heads = positions.filter((p) => p.headOfAgency && p.agency && p.startDate)
  if (!heads.length) return data
  const selfId = originalDoc?.id ?? data?.id
  const { docs: others } = await req.payload.find({
    collection: 'officials',
    where: {
      and: [
        // Only published officials: a draft is checked when it is published.
        { _status: { equals: 'published' } },
        { 'positions.headOfAgency': { equals: true } },
        { 'positions.agency': { in: heads.map((p) => idOf(p.agency)!) } },
        ...(selfId ? [{ id: { not_equals: selfId } }] : []),
      ],
    },
    depth: 0,
    limit: 100,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const mine of heads) {
    for (const other of others) {
      const clash = ((other.positions ?? []) as Position[]).find(
        (p) => p.headOfAgency && sameId(p.agency, mine.agency) && overlaps(mine, p),
      )
      if (clash) {
        throw new ValidationError({
          collection: 'officials',
          errors: [
            {
              path: 'positions',
              message: `${other.name} headed this agency from ${clash.startDate?.slice(0, 10)} to ${
                clash.endDate ? clash.endDate.slice(0, 10) : 'now'
              }: two heads of one agency cannot overlap.`,
            },
          ],
        })
      }
    }
  }
  return data
}
