import type { Payload } from 'payload'

import type { TestUser } from './payload'

/** A published agency every release can point to. */
export async function makeAgency(payload: Payload, name = 'Ministry of Internal Affairs') {
  return payload.create({
    collection: 'agencies',
    data: { name, shortName: 'MIA', kind: 'ministry', _status: 'published' },
  })
}

export function paragraph(text: string) {
  return {
    root: {
      type: 'root',
      direction: 'ltr' as const,
      format: '' as const,
      indent: 0,
      version: 1,
      children: [
        {
          type: 'paragraph',
          direction: 'ltr' as const,
          format: '' as const,
          indent: 0,
          version: 1,
          textFormat: 0,
          textStyle: '',
          children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
        },
      ],
    },
  }
}

/** A draft release written by `author` through the local API with access control on. */
export async function draftRelease(payload: Payload, author: TestUser, agencyId: string, title = 'A Board meeting was held') {
  return payload.create({
    collection: 'releases',
    data: { title, type: 'press-release', leadAgency: agencyId, body: paragraph('Text.') },
    draft: true,
    user: author,
    overrideAccess: false,
  })
}
