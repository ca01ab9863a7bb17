/**
 * A document's title for the admin's lists and pickers when it has none in the language being viewed:
 * the title in the first language that has one (az, en, ru), marked with that language — "[en] Title"
 * instead of Payload's "<No Title>". Staff only: a virtual field (`listTitle`) computed after reading,
 * shown by the title column's cell (ListTitleCell).
 *
 * Used by releases and galleries: the field `listTitleField(slug)` among the fields, and
 * `admin: { components: { Cell: LIST_TITLE_CELL } }` on the `title` field.
 */
import type { CollectionSlug, FieldHook, TextField } from 'payload'

import { isStaffUser, type UserLike } from '@/access/roles'
import { DEFAULT_LOCALE, LOCALES, type LocaleCode } from '@/fields/localizedName'

export const LIST_TITLE_CELL = '/src/components/admin/ListTitleCell#ListTitleCell'

type Titles = Partial<Record<string, string | null | undefined>>

const present = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0

export const markedTitle = (title: string, locale: string): string => `[${locale}] ${title}`

/** The title in `locale`, else the first language that has one, marked; null when none has. */
export function listTitleOf(titles: Titles, locale: string): string | null {
  const own = titles[locale]
  if (present(own)) return own
  for (const { code } of LOCALES) {
    const title = titles[code]
    if (code !== locale && present(title)) return markedTitle(title, code)
  }
  return null
}

/**
 * The virtual field. With fallback on, a title read in the default language is that language's own;
 * in another language it may be the default language's, so the titles of every language are read
 * (once per document, only for staff).
 */
export function listTitleField(collection: CollectionSlug, titleField = 'title'): TextField {
  const compute: FieldHook = async ({ data, originalDoc, req }) => {
    if (!isStaffUser(req.user as UserLike)) return undefined
    const doc = (data ?? originalDoc) as Record<string, unknown> | undefined
    const id = doc?.id as string | number | undefined
    const locale = (req.locale ?? DEFAULT_LOCALE) as LocaleCode | 'all'
    if (!doc || locale === 'all') return undefined
    const title = doc[titleField]
    if (present(title) && locale === DEFAULT_LOCALE) return title
    if (id === undefined) return present(title) ? title : null
    // Read in every language on a copy of the request: Payload sets the locale on the request it is
    // given, and a list's rows are read at once (a shared request left the others reading 'all').
    const all = (await req.payload.findByID({
      collection,
      id,
      locale: 'all',
      draft: true,
      depth: 0,
      select: { [titleField]: true },
      overrideAccess: true,
      disableErrors: true,
      req: { ...req },
    } as Parameters<typeof req.payload.findByID>[0])) as unknown as Record<string, unknown> | null
    const titles = all?.[titleField]
    return listTitleOf(titles && typeof titles === 'object' ? (titles as Titles) : { [locale]: present(title) ? title : null }, locale)
  }
  return {
    name: 'listTitle',
    type: 'text',
    virtual: true,
    // Never in the edit form (nor sent back with it): only the list's title cell reads it.
    admin: { disabled: true },
    hooks: { afterRead: [compute] },
  }
}
