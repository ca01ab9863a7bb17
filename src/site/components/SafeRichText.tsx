import { type JSXConverter, type JSXConvertersFunction, RichText } from '@payloadcms/richtext-lexical/react'
import React from 'react'

import { isSafeLinkUrl } from '@/lib/safeUrl'

type LinkNode = { fields?: { url?: string; newTab?: boolean; linkType?: string } }

/**
 * Links whose address is not safe (`javascript:`, `data:`…) are shown as their text only. The API
 * refuses such links, but documents written before that (or through the local API) may still hold
 * them; React only blocks `javascript:` and would still render `data:` or `vbscript:` as a link.
 */
const safeLink: JSXConverter = ({ node, nodesToJSX }) => {
  const { fields = {} } = node as LinkNode
  const children = nodesToJSX({ nodes: (node as { children?: never[] }).children ?? [] })
  if (fields.linkType === 'internal' || !isSafeLinkUrl(fields.url)) return <>{children}</>
  return (
    <a href={fields.url} rel={fields.newTab ? 'noopener noreferrer' : undefined} target={fields.newTab ? '_blank' : undefined}>
      {children}
    </a>
  )
}

const converters: JSXConvertersFunction = ({ defaultConverters }) => ({ ...defaultConverters, link: safeLink, autolink: safeLink })

/** Payload's rich-text renderer with links checked. */
export function SafeRichText({ data }: { data: unknown }) {
  return <RichText data={data as never} converters={converters} />
}
