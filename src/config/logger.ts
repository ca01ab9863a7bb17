import type { Config } from 'payload'

/**
 * Command-line tools print their own results on stdout (`--json` must stay parseable), so there
 * Payload's log goes to stderr. LOG_LEVEL (default info) applies everywhere.
 */
export function loggerConfig(): Config['logger'] {
  const level = process.env.LOG_LEVEL || 'info'
  if (process.env.PAYLOAD_LOG_TO_STDERR === 'true') return { options: { level }, destination: process.stderr }
  return { options: { level } }
}
