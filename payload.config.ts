import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { az } from '@payloadcms/translations/languages/az'
import { en } from '@payloadcms/translations/languages/en'
import { ru } from '@payloadcms/translations/languages/ru'
import { buildConfig } from 'payload'
import sharp from './src/config/sharp'

import { Agencies } from './collections/Agencies'
import { AuditEvents } from './collections/AuditEvents'
import { Galleries } from './collections/Galleries'
import { Media } from './collections/Media'
import { Officials } from './collections/Officials'
import { Releases } from './collections/Releases'
import { RemovedReleases } from './collections/RemovedReleases'
import { Users } from './collections/Users'
import { withScheduleDefault } from './src/components/admin/schedulePublishDefault'
import { databaseUnavailableAs503 } from './src/api/databaseErrors'
import { accessQuery, limitQueryDepth, limitRootFields, refuseEmailVerification, refuseHiddenAuthFields } from './src/api/graphql'
import { withStrictInput, withStrictWhere } from './src/api/strictInput'
import { withAuditLog } from './src/audit/hooks'
import { withTwoFactor } from './src/auth/twoFactorConfig'
import { withSessions } from './src/auth/sessionsConfig'
import { databaseAdapter } from './src/config/database'
import { emailAdapter } from './src/email/adapter'
import { forgotPasswordMutation } from './src/email/passwordReset'
import { richTextEditor } from './src/config/editor'
import { mediaMaxFileBytes, payloadSecret, serverURL, siteOrigins } from './src/config/env'
import { jobs } from './src/config/jobs'
import { loggerConfig } from './src/config/logger'
import { plugins } from './src/config/plugins'
import { DEFAULT_LOCALE, LOCALES } from './src/fields/localizedName'
import { healthEndpoint } from './src/health/endpoint'
import { adminTranslations } from './src/i18n/adminTranslations'
import { publishDialogTranslations } from './src/i18n/publishDialog'
import { sessionsTranslations } from './src/i18n/sessions'
import { refusalsInAdminLanguage } from './src/i18n/refusals'
import { readableRefusals } from './src/lib/errors'
import { signInRefusal } from './collections/Users/hooks/signIn'
import { livePreview } from './src/site/preview'
import { revalidateEndpoint } from './src/site/revalidate'
import { withLockRules } from './src/workflow/documentLocks'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** Admin texts per language: Payload's overrides and the app's own namespaces, side by side. */
function mergeTranslations(...sets: Record<string, Record<string, object>>[]): Record<string, Record<string, object>> {
  const merged: Record<string, Record<string, object>> = {}
  for (const set of sets) {
    for (const [lang, namespaces] of Object.entries(set)) {
      const into = (merged[lang] ??= {})
      // Namespace by namespace: two sets may both add keys to one (pressOffice).
      for (const [namespace, texts] of Object.entries(namespaces)) into[namespace] = { ...into[namespace], ...texts }
    }
  }
  return merged
}

// Document locks: Payload adds their collection while building the config (src/workflow/documentLocks.ts).
// The audit log's hooks go on every collection of the built config, after all others (src/audit/hooks.ts).
// Payload's own collections (preferences, locks, jobs) get the where check (withStrictWhere, src/api/strictInput.ts).
export default buildConfig({
  serverURL: serverURL(),
  secret: payloadSecret(),
  cors: siteOrigins(),
  csrf: siteOrigins(),
  db: databaseAdapter(),
  // SMTP from SMTP_URL and EMAIL_FROM; none (nothing sent) without SMTP_URL: src/email/.
  email: emailAdapter(),
  editor: richTextEditor(),
  sharp,
  upload: {
    limits: { fileSize: mediaMaxFileBytes() },
    responseOnLimit: `The file is larger than ${Math.round(mediaMaxFileBytes() / 1024 / 1024)} MB, the largest upload accepted (MEDIA_MAX_FILE_MB).`,
  },
  telemetry: false,
  logger: loggerConfig(),
  // withScheduleDefault: the Schedule drawer opens on Publish for a never-published document.
  collections: [Releases, Officials, Agencies, Galleries, Media, Users, RemovedReleases, AuditEvents].map(withStrictInput).map(withScheduleDefault),
  endpoints: [revalidateEndpoint, healthEndpoint],
  // readableRefusals: a 4xx that production's minified error classes would answer "An unknown error occurred." says why (src/lib/errors.ts).
  // signInRefusal: a locked account is refused in the words of a wrong password (src/auth/signInThrottle.ts).
  hooks: { afterError: [databaseUnavailableAs503, readableRefusals, refusalsInAdminLanguage, signInRefusal] },
  plugins: plugins(),
  localization: {
    locales: LOCALES.map(({ code, label }) => ({ code, label })),
    defaultLocale: DEFAULT_LOCALE,
    fallback: true,
  },
  i18n: {
    supportedLanguages: { az, en, ru },
    fallbackLanguage: 'en',
    translations: mergeTranslations(adminTranslations, publishDialogTranslations, sessionsTranslations),
  },
  admin: {
    user: Users.slug,
    // Payload's built-in avatar: no request to Gravatar or any other third-party host.
    avatar: 'default',
    timezones: {
      supportedTimezones: [{ label: 'Baku (UTC+04:00)', value: 'Asia/Baku' }],
      defaultTimezone: 'Asia/Baku',
    },
    meta: { titleSuffix: ' · Press Office CMS' },
    livePreview,
    components: {
      beforeDashboard: ['/src/components/admin/ReviewQueue#ReviewQueue'],
      header: ['/src/components/admin/DatabaseStatus#DatabaseStatus'],
      // Two-factor sign-in: the sign-in page asks for the code; /admin/two-factor sets it up (src/auth/twoFactor*.ts).
      views: {
        login: { Component: '/src/components/admin/TwoFactorLogin#TwoFactorLoginView' },
        twoFactor: { Component: '/src/components/admin/TwoFactorView#TwoFactorView', path: '/two-factor', exact: true },
      },
    },
    // The admin refuses only a user whose role requires a second factor not yet set up: it sends them to set it up.
    routes: { unauthorized: '/two-factor' },
    importMap: { baseDir: dirname },
  },
  jobs,
  typescript: {
    outputFile: path.resolve(dirname, 'src/payload-types.ts'),
  },
  graphQL: {
    // refuseEmailVerification: no collection verifies email addresses (an admin creates each account).
    validationRules: () => [refuseHiddenAuthFields, limitQueryDepth, limitRootFields, refuseEmailVerification],
    queries: accessQuery,
    mutations: forgotPasswordMutation,
    schemaOutputFile: path.resolve(dirname, 'src/generated-schema.graphql'),
  },
}).then(withLockRules).then(withAuditLog).then(withStrictWhere).then(withTwoFactor).then(withSessions)
