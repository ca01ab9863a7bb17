import { APIError, headersWithCors, parseParams, restoreVersionOperation, type CollectionSlug, type Endpoint } from 'payload'

/**
 * Payload's `POST /api/<collection>/versions/:id` (what the admin's "Restore this version" and
 * "Restore as draft" call), replaced for the collections whose public copy staff publish: a restore
 * always brings the old version back as the current draft, whatever `draft` says. What readers see
 * changes only when someone publishes it, through the same steps as any other change (a release's
 * review and change record).
 *
 * Restored as it is, a draft version over a published document would unpublish it and a published
 * version would publish it without review: src/workflow/restoreKeepsPublicCopy.ts and the release
 * workflow refuse both, which left the admin's main Restore button refusing most restores of a
 * published document. They stay as the guard for the other ways in (local API, GraphQL).
 *
 * Custom endpoints are matched before Payload's own (Payload docs: "adding additional middleware on
 * existing routes").
 */
export const restoreAsDraftEndpoint: Endpoint = {
  path: '/versions/:id',
  method: 'post',
  handler: async (req) => {
    const slug = req.routeParams?.collection as CollectionSlug | undefined
    const collection = slug ? req.payload.collections[slug] : undefined
    const id = req.routeParams?.id
    if (!collection || typeof id !== 'string') throw new APIError('Missing ID of version to restore.', 400)
    const { depth, populate } = parseParams(req.query)
    const restored = await restoreVersionOperation({ id, collection, depth, draft: true, populate, req })
    return Response.json(
      { ...restored, message: req.t('pressOffice:restoredAsDraft' as Parameters<typeof req.t>[0]) },
      { headers: headersWithCors({ headers: new Headers(), req }), status: 200 },
    )
  },
}
