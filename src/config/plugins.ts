/**
 * Payload plugins. Media on S3 (or any S3-compatible store: MinIO, Ceph, R2…) when S3_BUCKET is set;
 * otherwise uploads stay in MEDIA_DIR exactly as before: no s3Storage at all, not even a disabled one
 * (it would add an admin provider, and with its storage fields columns the committed SQLite
 * migrations do not have).
 */
import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

import { ConfigError, databaseTarget } from './env'

export interface S3Settings {
  bucket: string
  region: string
  endpoint?: string
  accessKeyId?: string
  secretAccessKey?: string
  forcePathStyle: boolean
}

/** The S3 settings from the environment, or null when S3_BUCKET is unset (local media). */
export function s3Settings(env: NodeJS.ProcessEnv = process.env): S3Settings | null {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) return null
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() || undefined
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() || undefined
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new ConfigError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither (the AWS default credentials: instance role, ~/.aws).')
  }
  if (databaseTarget(env).kind !== 'mongodb') {
    throw new ConfigError(
      'S3_BUCKET needs MongoDB (DATABASE_URI=mongodb://…): the storage adapter adds fields to media that the committed SQLite migrations do not have.',
    )
  }
  return {
    bucket,
    region: env.S3_REGION?.trim() || 'us-east-1',
    endpoint: env.S3_ENDPOINT?.trim() || undefined,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
  }
}

const S3_CLIENT_HANDLER = '@payloadcms/storage-s3/client#S3ClientUploadHandler'

/**
 * With S3 on, the admin renders s3Storage's upload handler from the committed import map; this keeps
 * it there whatever environment runs `npm run generate:importmap`. Only the import-map generator reads
 * `admin.dependencies`.
 */
const keepS3HandlerInImportMap: Plugin = (config) => ({
  ...config,
  admin: { ...config.admin, dependencies: { ...config.admin?.dependencies, [S3_CLIENT_HANDLER]: { type: 'function', path: S3_CLIENT_HANDLER } } },
})

export function plugins(env: NodeJS.ProcessEnv = process.env): Plugin[] {
  const s3 = s3Settings(env)
  if (!s3) return [keepS3HandlerInImportMap]
  return [
    s3Storage({
      // Files are still read through Payload (/api/media/file/…, access control applies); the bucket
      // can stay private.
      collections: { media: true },
      bucket: s3.bucket,
      config: {
        region: s3.region,
        endpoint: s3.endpoint,
        forcePathStyle: s3.forcePathStyle,
        credentials: s3.accessKeyId && s3.secretAccessKey ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } : undefined,
      },
    }),
  ]
}
