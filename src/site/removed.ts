import { site } from './payload'

/** Whether `slug` is the address of a release deleted after it was public (see RemovedReleases). */
export async function isRemovedRelease(slug: string): Promise<boolean> {
  const payload = await site()
  const { totalDocs } = await payload.count({ collection: 'removed-releases', where: { slug: { equals: slug } }, overrideAccess: true })
  return totalDocs > 0
}
