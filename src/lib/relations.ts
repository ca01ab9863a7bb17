/** A relationship value as Payload returns it: an id (depth 0) or the populated document. Ids are opaque. */
export type Id = string | number
export type Rel = Id | { id: Id } | null | undefined

export const idOf = (rel: Rel): Id | null => (rel == null ? null : typeof rel === 'object' ? rel.id : rel)

/** Both name the same document (ids compared as strings: SQLite uuids and MongoDB ObjectIds alike). */
export const sameId = (a: Rel, b: Rel): boolean => idOf(a) != null && String(idOf(a)) === String(idOf(b))
