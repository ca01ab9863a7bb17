/**
 * Setting up and resetting a second factor (REST, under /api/users; the admin's two-factor page and
 * the account page call these):
 *
 * - POST /api/users/two-factor/setup: a new secret for the signed-in user, kept aside (encrypted)
 *   until a first code proves the app has it; answers the secret (for typing in), the otpauth://
 *   address and its QR code. Refused (409) while a second factor is on.
 * - POST /api/users/two-factor/enable { code }: the first code; on success the second factor is on,
 *   the account's other sessions end, and the answer holds ten recovery codes, shown this once (only
 *   their HMACs are kept).
 * - POST /api/users/:id/two-factor/reset: an admin removes another user's second factor (a lost
 *   phone) and ends their sessions; they sign in with their password and set it up again.
 *
 * Enrolment and reset are written with their audit record in one transaction. Refusals are
 * PublicErrors, named: in the production bundle an unnamed (minified) class reads "An unknown error occurred.".
 */
import {
  addDataAndFileToRequest,
  Forbidden,
  NotFound,
  UnauthorizedError,
  type Endpoint,
  type PayloadRequest,
} from 'payload'

import { isAdminUser, type UserLike } from '@/access/roles'
import { recordAuditEvent } from '@/audit/record'
import { inTransaction } from '@/lib/atomic'
import { PublicError } from '@/lib/errors'

import { decryptSecret, encryptSecret, enrolmentQr, hashRecoveryCode, newRecoveryCodes, newSecret, readStored, verifyTotp, writeUserRow } from './twoFactor'

type Named = { id: string | number; name?: string | null; email?: string | null }

function signedIn(req: PayloadRequest): Named {
  if (!req.user || req.user.collection !== 'users') throw new UnauthorizedError(req.t)
  return req.user as unknown as Named
}


const ALREADY_ON = 'Two-factor sign-in is already on for this account. If the phone is lost, sign in with a recovery code, or ask an admin to reset it.'

export const twoFactorSetupEndpoint: Endpoint = {
  path: '/two-factor/setup',
  method: 'post',
  handler: async (req) => {
    const user = signedIn(req)
    const stored = await readStored(req, user.id)
    if (!stored) throw new UnauthorizedError(req.t)
    if (stored.twoFactorEnabledAt) throw new PublicError('TwoFactorAlreadyOn', ALREADY_ON, 409)
    const secret = newSecret()
    await req.payload.db.updateOne({ collection: 'users', id: user.id, data: { twoFactorPendingSecret: encryptSecret(req.payload, secret) }, req, returning: false })
    const { uri, qr } = await enrolmentQr(secret, String(stored.email ?? user.name ?? user.id))
    return Response.json({ secret, uri, qr }, { headers: { 'Cache-Control': 'no-store' } })
  },
}

export const twoFactorEnableEndpoint: Endpoint = {
  path: '/two-factor/enable',
  method: 'post',
  handler: async (req) => {
    const user = signedIn(req)
    await addDataAndFileToRequest(req)
    const code = typeof req.data?.code === 'string' ? req.data.code : ''
    const stored = await readStored(req, user.id)
    if (!stored) throw new UnauthorizedError(req.t)
    if (stored.twoFactorEnabledAt) throw new PublicError('TwoFactorAlreadyOn', ALREADY_ON, 409)
    if (!stored.twoFactorPendingSecret) throw new PublicError('TwoFactorNotSetUp', 'Start the set-up first: no QR code has been made for this account yet.', 400)
    const step = await verifyTotp(decryptSecret(req.payload, stored.twoFactorPendingSecret), code)
    if (step == null) {
      throw new PublicError('TwoFactorCodeMismatch', 'That code does not match. Type the 6-digit code your authenticator app shows now for this account.', 400)
    }
    const recoveryCodes = newRecoveryCodes()
    const enabledAt = new Date().toISOString()
    await inTransaction(req, async () => {
      // Sessions elsewhere were opened with the password alone: they end. This one proved the code.
      const row = await req.payload.db.findOne<{ id: string | number; sessions?: { id: string }[] | null }>({ collection: 'users', where: { id: { equals: user.id } }, req })
      const sid = (req.user as { _sid?: string } | null)?._sid
      await writeUserRow(
        req.payload,
        user.id,
        {
          twoFactorSecret: stored.twoFactorPendingSecret,
          twoFactorPendingSecret: null,
          twoFactorRecoveryCodes: recoveryCodes.map((c) => hashRecoveryCode(req.payload, c)),
          twoFactorLastStep: step,
          twoFactorEnabledAt: enabledAt,
          sessions: (row?.sessions ?? []).filter((session) => session.id === sid),
        },
        req,
      )
      await recordAuditEvent(req, { action: '2fa-enrolled', collection: 'users', id: user.id, title: user.name ?? null })
    })
    return Response.json({ enabledAt, recoveryCodes }, { headers: { 'Cache-Control': 'no-store' } })
  },
}

export const twoFactorResetEndpoint: Endpoint = {
  path: '/:id/two-factor/reset',
  method: 'post',
  handler: async (req) => {
    const admin = signedIn(req)
    // A user still owing a second factor is carried without roles (src/auth/twoFactorGate.ts): not an admin here.
    if (!isAdminUser(req.user as UserLike)) throw new Forbidden(req.t)
    const id = String(req.routeParams?.id ?? '')
    if (id === String(admin.id)) {
      throw new PublicError('TwoFactorOwnReset', 'Another admin resets your two-factor sign-in; you can sign in with one of your recovery codes.', 403)
    }
    const target = (await readStored(req, id)) as (Awaited<ReturnType<typeof readStored>> & { name?: string | null }) | null
    if (!target) throw new NotFound(req.t)
    if (!target.twoFactorEnabledAt && !target.twoFactorPendingSecret) {
      throw new PublicError('TwoFactorNothingToReset', 'This user has no two-factor sign-in to reset.', 409)
    }
    await inTransaction(req, async () => {
      const cleared = { twoFactorSecret: null, twoFactorPendingSecret: null, twoFactorRecoveryCodes: null, twoFactorLastStep: null, twoFactorEnabledAt: null }
      // Their sessions end: whoever holds one got it with the second factor being reset.
      await writeUserRow(req.payload, target.id, { ...cleared, sessions: [] }, req)
      await recordAuditEvent(req, {
        action: '2fa-reset',
        collection: 'users',
        id: target.id,
        title: target.name ?? null,
        detail: { wasEnabledAt: target.twoFactorEnabledAt ?? null },
      })
    })
    return Response.json({ message: 'Two-factor sign-in is reset: the user signs in with their password and sets it up again.' })
  },
}

export const twoFactorEndpoints: Endpoint[] = [twoFactorSetupEndpoint, twoFactorEnableEndpoint, twoFactorResetEndpoint]
