/**
 * Positions an official has held. Pure functions so the rules can be tested without a database:
 * an end date may not come before its start, the same post may not be held twice at once, and the
 * current title is derived from the positions rather than typed a second time.
 */
import { sameId, type Rel } from './relations'

export interface Position {
  title?: string | null
  agency?: Rel
  startDate?: string | null
  endDate?: string | null
  headOfAgency?: boolean | null
}

const day = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : Number.NaN)
const endOrForever = (p: Position): number => (p.endDate ? day(p.endDate) : Number.POSITIVE_INFINITY)

export const isCurrent = (p: Position, at: Date = new Date()): boolean =>
  Boolean(p.startDate) && day(p.startDate) <= at.getTime() && endOrForever(p) > at.getTime()

export const samePost = (a: Position, b: Position): boolean =>
  sameId(a.agency, b.agency) &&
  (a.title ?? '').trim().toLowerCase() === (b.title ?? '').trim().toLowerCase()

/** Spells are half-open [start, end): leaving a post on the day someone else takes it is not an overlap. */
export const overlaps = (a: Position, b: Position): boolean =>
  day(a.startDate) < endOrForever(b) && day(b.startDate) < endOrForever(a)

const label = (p: Position, index: number) => `Position ${index + 1}${p.title ? ` (“${p.title}”)` : ''}`

/** Messages for every rule a list of positions breaks; empty when it is valid. */
export function positionErrors(positions: Position[]): string[] {
  const errors: string[] = []
  positions.forEach((p, i) => {
    if (p.startDate && p.endDate && day(p.endDate) < day(p.startDate)) {
      errors.push(`${label(p, i)}: the end date is before the start date.`)
    }
  })
  for (let i = 0; i < positions.length; i++) {
    for (let j = i + 1; j < positions.length; j++) {
      const [a, b] = [positions[i]!, positions[j]!]
      if (a.startDate && b.startDate && samePost(a, b) && overlaps(a, b)) {
        errors.push(`${label(b, j)} overlaps ${label(a, i).toLowerCase()} in the same post.`)
      }
    }
  }
  return errors
}

/** The title of the most recently started position still held at `at`, or null. */
export function currentPosition<P extends Position>(positions: P[] | null | undefined, at: Date = new Date()): P | null {
  const current = (positions ?? []).filter((p) => isCurrent(p, at))
  current.sort((a, b) => day(b.startDate) - day(a.startDate))
  return current[0] ?? null
}
