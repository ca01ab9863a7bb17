import type { PayloadRequest } from 'payload'

/**
 * A local API call given `req` (to stay in its transaction) and a `locale` sets `req.locale` to that
 * locale; the operation the hook belongs to would then save in the wrong language. This runs such a
 * call and puts the request's own locale back.
 */
export async function inOwnLocale<T>(req: PayloadRequest | undefined, call: () => Promise<T>): Promise<T> {
  if (!req) return call()
  const { locale, fallbackLocale } = req
  try {
    return await call()
  } finally {
    Object.assign(req, { locale, fallbackLocale })
  }
}
