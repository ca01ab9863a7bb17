/**
 * Two-factor sign-in, wired into the built config (payload.config.ts: `.then(withTwoFactor)`), as the
 * audit log is: the refusal of a user still owing a second factor goes on every collection, so a new
 * collection is covered without anyone remembering to. The users collection gets the session check,
 * the sign-in code check, the set-up and reset endpoints; its fields are in
 * collections/Users/twoFactorFields.ts (they are part of the schema, so they are declared there).
 */
import { GraphQLError, type ValidationRule } from 'graphql'
import type { Access, SanitizedConfig } from 'payload'

import { ConfigError } from '@/config/env'

import { twoFactorEndpoints } from './twoFactorEndpoints'
import { isPending, refusePendingOperations, twoFactorSession } from './twoFactorGate'
import { requiredTwoFactorRoles } from './twoFactorPolicy'
import { countWrongCode, loginWithCodeMutation, noSessionFromReset, noteSignInCode, requireSecondFactor, twoFactorStepInResponse } from './twoFactorSignIn'

/** The hidden fields (collections/Users/twoFactorFields.ts): Payload's GraphQL types list them (always null); asking for or filtering on one is refused. */
const HIDDEN = new Set(['twoFactorSecret', 'twoFactorPendingSecret', 'twoFactorRecoveryCodes', 'twoFactorLastStep'])

export const refuseTwoFactorFields: ValidationRule = (context) => {
  const refuse = (node: { name: { value: string } }) => {
    if (HIDDEN.has(node.name.value)) context.reportError(new GraphQLError(`Cannot query field "${node.name.value}".`, { nodes: node as never }))
  }
  return { Field: refuse, ObjectField: refuse }
}

type Mutations = NonNullable<NonNullable<SanitizedConfig['graphQL']>['mutations']>

export function withTwoFactor(config: SanitizedConfig): SanitizedConfig {
  // A misspelt REQUIRE_2FA_ROLES stops the start with one line, rather than failing every request.
  try {
    requiredTwoFactorRoles()
  } catch (error) {
    throw new ConfigError((error as Error).message)
  }
  for (const collection of config.collections) {
    collection.hooks.beforeOperation = [refusePendingOperations, ...(collection.hooks.beforeOperation ?? [])]
  }
  const users = config.collections.find((c) => c.slug === 'users')
  if (!users || !users.auth) throw new Error('Two-factor sign-in needs the users collection')
  users.auth.strategies = [twoFactorSession, ...(users.auth.strategies ?? [])]
  const canOpenAdmin = users.access.admin as Access | undefined
  users.access.admin = (async (args: Parameters<Access>[0]) =>
    !isPending(args.req.user) && (canOpenAdmin ? Boolean(await canOpenAdmin(args)) : Boolean(args.req.user))) as never
  users.hooks.beforeOperation = [...(users.hooks.beforeOperation ?? []), noteSignInCode]
  users.hooks.beforeLogin = [requireSecondFactor, ...(users.hooks.beforeLogin ?? [])]
  users.hooks.afterOperation = [...(users.hooks.afterOperation ?? []), noSessionFromReset]
  users.endpoints = [...twoFactorEndpoints, ...(users.endpoints || [])]

  config.hooks = { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), countWrongCode, twoFactorStepInResponse] }
  const mutations = config.graphQL?.mutations as Mutations | undefined
  const validationRules = config.graphQL?.validationRules
  config.graphQL = {
    ...config.graphQL,
    validationRules: (args) => [...(validationRules ? validationRules(args) : []), refuseTwoFactorFields],
    mutations: ((graphQL: Parameters<Mutations>[0], info: Parameters<Mutations>[1]) => ({
      ...(mutations ? mutations(graphQL, info) : {}),
      ...loginWithCodeMutation(graphQL as never, info as never),
    })) as Mutations,
  }
  return config
}
