import { getPayload, type SanitizedConfig } from 'payload'

/**
 * Payload endpoints that answered a 500 for a request that can never succeed here, each refused
 * with a 404 and a sentence before Payload runs it:
 * - any request to a collection without endpoints (Payload's 501);
 * - `POST /api/<auth collection>/verify/<token>` when the collection does not verify email
 *   addresses (Payload looked for a `_verificationToken` column that does not exist);
 * - `GET /api/payload-jobs/handle-schedules` when no task has a schedule (Payload's own 500);
 * - `DELETE /api/payload-preferences/<key>` of a preference the signed-in user does not have (the
 *   SQL adapter's delete fails on a missing row instead of answering "not found").
 */
export async function endpointRefusal(method: string, slug: string[], headers: Headers, config: Promise<SanitizedConfig> | SanitizedConfig): Promise<{ status: number; message: string } | null> {
  const { collections, jobs } = await config
  // Payload answers a collection without endpoints (payload-migrations) with a 501 echoing the URL.
  if (collections.find((c) => c.slug === slug[0])?.endpoints === false) return { status: 404, message: `There is no /api/${slug[0]!.slice(0, 40)}.` }
  if (method === 'POST' && slug[1] === 'verify' && slug.length === 3) {
    const collection = collections.find((c) => c.slug === slug[0])
    if (collection?.auth && !collection.auth.verify) return { status: 404, message: 'Email addresses are not verified here: an admin creates each account, ready to sign in.' }
  }
  if (method === 'GET' && slug[0] === 'payload-jobs' && slug[1] === 'handle-schedules' && slug.length === 2 && !jobs?.scheduling) {
    return { status: 404, message: 'No job here runs on a schedule: there are no schedules to handle.' }
  }
  if (method === 'DELETE' && slug[0] === 'payload-preferences' && slug.length === 2) {
    const payload = await getPayload({ config })
    const { user } = await payload.auth({ headers, canSetHeaders: false })
    // Without a user Payload refuses itself (401).
    if (!user) return null
    const { totalDocs } = await payload.count({
      collection: 'payload-preferences',
      where: { and: [{ key: { equals: slug[1] } }, { 'user.value': { equals: user.id } }, { 'user.relationTo': { equals: user.collection } }] },
      overrideAccess: true,
    })
    if (totalDocs === 0) return { status: 404, message: `You have no saved preference "${slug[1]!.slice(0, 100)}".` }
  }
  return null
}
