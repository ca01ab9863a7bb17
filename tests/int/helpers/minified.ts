/**
 * Payload's error classes as the production bundle has them. Next minifies Payload with the app, so a
 * class's name is a short made-up one (GraphQL showed `extensions.name: "eU"`) or none at all, and
 * `error.name`, which Payload sets from `this.constructor.name`, is that. Tests run unbundled, where
 * the names are the real ones: this puts minified names on the classes for as long as a test needs,
 * so that code matching `error.name === 'LockedAuth'` fails here as it failed in production.
 * Payload's formatErrors answers an error without a name with "An unknown error occurred.".
 */
import { APIError, AuthenticationError, Forbidden, LockedAuth, NotFound, UnauthorizedError } from 'payload'

const MINIFIED: [object, string][] = [
  [APIError, ''],
  [AuthenticationError, 'eU'],
  [LockedAuth, 'eV'],
  [Forbidden, ''],
  [NotFound, 'tX'],
  [UnauthorizedError, ''],
]

/** Gives Payload's error classes minified names; returns what puts the real ones back. */
export function minifyPayloadErrorNames(): () => void {
  const saved = MINIFIED.map(([cls]) => [cls, Object.getOwnPropertyDescriptor(cls, 'name')!] as const)
  for (const [cls, name] of MINIFIED) Object.defineProperty(cls, 'name', { value: name, configurable: true })
  return () => {
    for (const [cls, descriptor] of saved) Object.defineProperty(cls, 'name', descriptor)
  }
}

/** An error as Payload's copy of a class makes it when the app's `instanceof` cannot see it: same message, status and minified name. */
export function foreignError(message: string, status: number, name = 'eU'): Error {
  return Object.assign(new Error(message), { name, status, isPublic: true })
}
