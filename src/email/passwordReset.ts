/**
 * "Forgot password" (REST `POST /api/users/forgot-password`, the admin's form, and GraphQL
 * `forgotPasswordUser`): the answer is the same for every address, known or not, and comes at a fixed
 * time after the request (RESET_ANSWER_MS) whatever happens behind it: the reset token is written
 * and the message sent after the answer, in the background, so neither a slow mail server nor a
 * busy database shows in the answer, holds the request or tells which addresses have accounts.
 *
 * One account gets at most one message per REQUEST_INTERVAL_MS (counted per app process; further
 * requests get the same answer and send nothing). The message is in the user's admin language
 * (src/email/language.ts) and links to /admin/reset/<token> on SITE_URL; the link works once and
 * for PASSWORD_RESET_MINUTES (Payload's reset operation checks both).
 */
import { addDataAndFileToRequest, type Endpoint, type Payload, type PayloadRequest } from 'payload'

import { serverURL } from '@/config/env'
import type { Locale } from '@/i18n/locales'
import { clientAddress } from '@/lib/clientAddress'
import { PublicError } from '@/lib/errors'

import { messageLanguage, requestLanguage } from './language'
import { resetEmail } from './resetEmail'
import { emailConfigured, RESET_WITHOUT_EMAIL_MESSAGE } from './settings'

/** Every accepted request is answered this long after it arrived. */
export const RESET_ANSWER_MS = 300
/** Payload's own default for `auth.forgotPassword.minRequestInterval`. */
export const REQUEST_INTERVAL_MS = 15_000
/** Longest address accepted (RFC 5321). */
const MAX_EMAIL_LENGTH = 254
/** Resets worked on at once; beyond that a request is answered the same and dropped (logged). */
const MAX_RUNNING = 8

const MISSING = `Give the email address of your account ("email", up to ${MAX_EMAIL_LENGTH} characters).`
const lastAsked = new Map<string, number>()
let running = 0

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function checkedEmail(value: unknown): string {
  if (typeof value !== 'string') throw new PublicError('InputError', MISSING, 400)
  const email = value.trim().toLowerCase()
  if (!email || email.length > MAX_EMAIL_LENGTH) throw new PublicError('InputError', MISSING, 400)
  return email
}

/** False when this address was asked for within the interval; remembers the request either way. */
function firstInInterval(email: string, now: number): boolean {
  if (lastAsked.size > 10_000) for (const [key, at] of lastAsked) if (now - at >= REQUEST_INTERVAL_MS) lastAsked.delete(key)
  const last = lastAsked.get(email)
  if (last !== undefined && now - last < REQUEST_INTERVAL_MS) return false
  lastAsked.set(email, now)
  return true
}

/** Writes the token (Payload's reset operation, without its email) and sends the message ourselves. */
async function sendResetLink(payload: Payload, email: string, asked: Locale | null, address: string | null): Promise<void> {
  // The asker's address goes to the audit log's record of the request (src/audit/hooks.ts).
  const context = address ? { auditClientAddress: address } : {}
  const token = await payload.forgotPassword({ collection: 'users', data: { email }, disableEmail: true, context })
  if (!token) return
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0, pagination: false })
  const user = docs[0]
  if (!user?.email) return
  const { config } = payload
  const url = `${serverURL()}${config.routes.admin}${config.admin.routes.reset}/${token}`
  const expiration = (payload.collections.users.config.auth.forgotPassword as { expiration?: number } | undefined)?.expiration ?? 3_600_000
  const message = resetEmail(await messageLanguage(payload, user.id, asked), { name: user.name, url, minutes: expiration / 60_000 })
  await payload.sendEmail({ to: user.email, ...message })
}

/**
 * Checks the request and answers, the same for every address, RESET_ANSWER_MS after it arrived;
 * the reset itself goes on after the answer. Refuses at once with a 400 when the address is missing
 * or not text (as Payload does), then, for every address, where no email is set up.
 */
export async function requestPasswordReset(req: PayloadRequest, email: unknown): Promise<void> {
  const arrived = performance.now()
  const address = checkedEmail(email)
  if (!emailConfigured()) throw new PublicError('EmailNotConfigured', RESET_WITHOUT_EMAIL_MESSAGE, 403)
  if (firstInInterval(address, Date.now())) {
    if (running < MAX_RUNNING) {
      running += 1
      const asked = req.headers ? requestLanguage(req.headers, req.payload.config.cookiePrefix) : null
      void sendResetLink(req.payload, address, asked, clientAddress(req.headers))
        .catch((err: unknown) => req.payload.logger.error({ err, msg: 'A password reset could not be sent.' }))
        .finally(() => (running -= 1))
    } else {
      req.payload.logger.warn({ msg: `A password reset was dropped: ${MAX_RUNNING} are already being sent.` })
    }
  }
  await sleep(Math.max(0, RESET_ANSWER_MS - (performance.now() - arrived)))
}

/** Replaces Payload's `POST /api/users/forgot-password` (custom endpoints come first). */
export const forgotPasswordEndpoint: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    try {
      await addDataAndFileToRequest(req)
    } catch (error) {
      // The admin's form sends its fields as `_payload` JSON inside multipart; Payload lets a broken one through as a 500.
      if (error instanceof SyntaxError) throw new PublicError('InputError', 'Invalid JSON', 400)
      throw error
    }
    const data = req.data && typeof req.data === 'object' && !Array.isArray(req.data) ? req.data : {}
    await requestPasswordReset(req, (data as { email?: unknown }).email)
    return Response.json({ message: req.t('general:success') }, { status: 200 })
  },
}

type GraphQLField = { resolve?: (source: unknown, args: Record<string, unknown>, context: { req: PayloadRequest }) => unknown }

/** Config `graphQL.mutations`: `forgotPasswordUser` through the same path as REST. */
export function forgotPasswordMutation(_graphQL: unknown, info: { Mutation: { fields: Record<string, unknown> } }): Record<string, unknown> {
  const field = info.Mutation.fields.forgotPasswordUser as GraphQLField | undefined
  if (!field) return {}
  return {
    forgotPasswordUser: {
      ...field,
      resolve: async (_source: unknown, args: Record<string, unknown>, context: { req: PayloadRequest }) => {
        await requestPasswordReset(context.req, args.email)
        return true
      },
    },
  }
}
