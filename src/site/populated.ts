/** A relationship Payload populated (an object with an id) rather than a bare id. */
export const populated = <T extends { id: string }>(value: unknown): value is T =>
  typeof value === 'object' && value !== null && 'id' in value
