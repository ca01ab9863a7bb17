import { Forbidden, type Endpoint, type PayloadRequest, type Where } from 'payload'

import { isAdminUser, type UserLike } from '@/access/roles'
import { InputError, whereProblem } from '@/api/strictInput'
import { idOf, type Rel } from '@/lib/relations'


const PAGE = 500
export const CSV_COLUMNS = ['when', 'action', 'who', 'who_id', 'client_address', 'collection', 'document_id', 'title', 'detail'] as const

/**
 * One CSV cell, always quoted (quotes doubled). A cell that a spreadsheet would take for a formula
 * (starting with = + - @, or a tab or carriage return before one) gets a leading apostrophe: titles
 * and reasons are typed by staff, and a sign-in attempt's address by anyone.
 */
export function csvCell(value: unknown): string {
  let text = value == null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return `"${text.replace(/"/g, '""')}"`
}

type Row = {
  when?: string | null
  action?: string | null
  who?: Rel
  whoName?: string | null
  clientAddress?: string | null
  targetCollection?: string | null
  targetId?: string | null
  targetTitle?: string | null
  detail?: unknown
}

const line = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`
const rowOf = (r: Row) => line([r.when, r.action, r.whoName, idOf(r.who), r.clientAddress, r.targetCollection, r.targetId, r.targetTitle, r.detail])

/**
 * `GET /api/audit-events/export.csv?where[…]`: the records the admin's list filters select (the same
 * `where` its URL holds), newest first, as CSV; admins only. Read a page at a time and streamed, up
 * to the moment the export began (records written meanwhile do not shift the pages).
 */
export const exportCsvEndpoint: Endpoint = {
  path: '/export.csv',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    if (!isAdminUser(req.user as UserLike)) throw new Forbidden(req.t)
    const filter = (req.query as { where?: unknown } | undefined)?.where as Where | undefined
    const problem = whereProblem(req.payload.collections['audit-events'].config.fields, filter, { req })
    if (problem) throw new InputError(problem)
    const startedAt = new Date().toISOString()
    const where: Where = { and: [...(filter ? [filter] : []), { when: { less_than_equal: startedAt } }] }
    const pageOf = (page: number) =>
      req.payload.find({
        collection: 'audit-events',
        where,
        sort: ['-when', '-id'],
        limit: PAGE,
        page,
        depth: 0,
        overrideAccess: false,
        user: req.user,
      }) as unknown as Promise<{ docs: Row[]; hasNextPage: boolean }>
    // The first page is read before answering: a filter Payload refuses is a 400, not a cut-off file.
    let next: { docs: Row[]; hasNextPage: boolean } | null = await pageOf(1)
    let page = 1
    const encoder = new TextEncoder()
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        // A byte-order mark: spreadsheets then read Azerbaijani and Russian names as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${line([...CSV_COLUMNS])}`))
      },
      async pull(controller) {
        if (!next) return controller.close()
        controller.enqueue(encoder.encode(next.docs.map(rowOf).join('')))
        next = next.hasNextPage ? await pageOf(++page) : null
      },
    })
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="audit-events-${startedAt.slice(0, 10)}.csv"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}
