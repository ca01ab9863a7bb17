/**
 * The start-up guard of the document-lock rules (docs/adr/0001-locked-documents-rules.md): the rules
 * are set on Payload's built config, so an upgrade that renames or drops the locked-documents
 * collection, or any Payload other than the release they were written for, must stop the app with
 * one line instead of silently running without them. Unit checks: no database, no server.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { SanitizedConfig } from 'payload'
import { describe, expect, it } from 'vitest'

import { editorsOrOwnLock, staff } from '@/access'
import { ConfigError, projectRoot } from '@/config/env'
import { LOCK_RULES_PAYLOAD_LINE, LOCKS_SLUG, lockInOwnName, onlyEditorsTakeOver, payloadVersionProblem, withLockRules } from '@/workflow/documentLocks'

const fakeConfig = (slugs: string[]) =>
  ({ collections: slugs.map((slug) => ({ slug, access: {}, hooks: { beforeValidate: [], beforeChange: [] } })) }) as unknown as SanitizedConfig

describe('document-lock rules: start-up checks', () => {
  it('the installed payload is the release line the rules were written for', () => {
    const installed = (JSON.parse(readFileSync(path.join(projectRoot, 'node_modules/payload/package.json'), 'utf8')) as { version: string }).version
    expect(payloadVersionProblem(installed)).toBeNull()
  })

  it(`any other payload is refused in one line that names the ADR`, () => {
    for (const version of ['3.91.0', '3.9.0', '4.0.0', '3.900.1', `${LOCK_RULES_PAYLOAD_LINE}`, undefined]) {
      const problem = payloadVersionProblem(version)
      expect(problem, String(version)).toMatch(/docs\/adr\/0001-locked-documents-rules\.md/)
      expect(problem).not.toMatch(/\n/)
    }
    expect(payloadVersionProblem(`${LOCK_RULES_PAYLOAD_LINE}.0`)).toBeNull()
    expect(payloadVersionProblem(`${LOCK_RULES_PAYLOAD_LINE}.7`)).toBeNull()
  })

  it('a built config without the locked-documents collection stops the app with one line (ConfigError)', () => {
    let thrown: unknown
    try {
      withLockRules(fakeConfig(['releases', 'users', 'payload-locked-documents-v2']))
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ConfigError)
    expect((thrown as Error).message).toMatch(new RegExp(`"${LOCKS_SLUG}" collection is not in the built config`))
    expect((thrown as Error).message).not.toMatch(/\n/)
  })

  it('with the collection, the rules are set on it', () => {
    const config = withLockRules(fakeConfig(['releases', LOCKS_SLUG, 'users']))
    const locks = config.collections.find((collection) => collection.slug === LOCKS_SLUG)!
    expect(locks.access).toMatchObject({ read: staff, create: staff, update: editorsOrOwnLock, delete: editorsOrOwnLock })
    expect(locks.hooks.beforeValidate).toContain(lockInOwnName)
    expect(locks.hooks.beforeChange).toContain(onlyEditorsTakeOver)
  })

  it("the app's own built config carries the rules", async () => {
    const config = await (await import('@payload-config')).default
    const locks = config.collections.find((collection) => collection.slug === LOCKS_SLUG)
    expect(locks, 'payload-locked-documents in the built config').toBeDefined()
    expect(locks!.access).toMatchObject({ read: staff, create: staff, update: editorsOrOwnLock, delete: editorsOrOwnLock })
    expect(locks!.hooks.beforeValidate).toContain(lockInOwnName)
    expect(locks!.hooks.beforeChange).toContain(onlyEditorsTakeOver)
  })
})
