import type { CollectionBeforeChangeHook } from 'payload'

/**
 * A gallery published without a date takes the moment it is published: the public lists order
 * galleries by date (newest first), and one without a date would never be among the latest.
 * A date given by a person is kept; drafts keep no date until they are published.
 */
export const dateOnPublish: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data?._status !== 'published') return data
  const date = data.date === undefined ? (originalDoc as { date?: string | null } | undefined)?.date : data.date
  if (!date) data.date = new Date().toISOString()
  return data
}
