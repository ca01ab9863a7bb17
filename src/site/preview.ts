import type { RootLivePreviewConfig } from 'payload'

/**
 * Payload's live preview shows a draft release in the admin through `/preview`, which turns on
 * Next's draft mode for signed-in staff only and opens `/{locale}/preview/{id}`. That page is never
 * cached and renders the latest draft; public pages never show drafts.
 */
export const livePreview: RootLivePreviewConfig = {
  collections: ['releases'],
  url: ({ data, locale }) => `/preview?id=${encodeURIComponent(String(data?.id ?? ''))}&locale=${locale?.code ?? 'az'}`,
  breakpoints: [
    { label: 'Phone', name: 'phone', width: 375, height: 812 },
    { label: 'Desktop', name: 'desktop', width: 1280, height: 900 },
  ],
}
