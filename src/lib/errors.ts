import { APIError } from 'payload'

/**
 * A refusal whose message is meant for the person who made the request (API client or admin toast).
 * The explicit `name` matters: in the production bundle Payload's error formatter no longer
 * recognises the error's class and falls back to its name, or to "An unknown error occurred." when
 * the minified class has none.
 */
export class PublicError extends APIError {
  constructor(name: string, message: string, status: number, data?: Record<string, unknown>) {
    super(message, status, data ?? null, true)
    this.name = name
  }
}
