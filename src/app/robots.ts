import type { MetadataRoute } from 'next'

import { siteURL } from '@/site/paths'

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api', '/a11y'] }],
    sitemap: `${siteURL()}/sitemap.xml`,
  }
}
