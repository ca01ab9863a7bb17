import { buildConfig } from 'payload'
import { describe, expect, it } from 'vitest'

import { Media } from '@collections/Media'
import { ConfigError } from '@/config/env'
import { plugins, s3Settings } from '@/config/plugins'

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv
const mongo = { DATABASE_URI: 'mongodb://mongo:27017/press?replicaSet=rs0' }
const minio = { ...mongo, S3_BUCKET: 'press-media', S3_ENDPOINT: 'http://minio:9000', S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret', S3_FORCE_PATH_STYLE: 'true' }

async function mediaUpload(env: NodeJS.ProcessEnv) {
  const config = await buildConfig({
    secret: 'test-secret-for-the-s3-storage-test-0123456789',
    db: {} as never,
    collections: [Media],
    plugins: plugins(env),
  })
  return config.collections.find((c) => c.slug === 'media')!.upload
}

describe('media storage', () => {
  it('stays on the local disk when S3_BUCKET is unset', async () => {
    expect(s3Settings(env(mongo))).toBeNull()
    const upload = await mediaUpload(env(mongo))
    expect(upload.adapter).toBeUndefined()
    expect(upload.disableLocalStorage).toBeFalsy()
    expect(upload.staticDir).toBeTruthy()
  })

  it('goes to the bucket when S3_BUCKET is set', async () => {
    expect(s3Settings(env(minio))).toEqual({
      bucket: 'press-media',
      region: 'us-east-1',
      endpoint: 'http://minio:9000',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    })
    const upload = await mediaUpload(env(minio))
    expect(upload.adapter).toBe('s3')
    expect(upload.disableLocalStorage).toBe(true)
  })

  it('refuses S3 on SQLite, whose migrations lack the storage fields, and half a key pair', () => {
    expect(() => s3Settings(env({ S3_BUCKET: 'press-media', DATABASE_URI: 'file:/tmp/x.db' }))).toThrow(ConfigError)
    expect(() => s3Settings(env({ ...mongo, S3_BUCKET: 'press-media', S3_ACCESS_KEY_ID: 'key' }))).toThrow(/go together/)
  })
})
