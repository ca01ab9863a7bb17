import React from 'react'

import type { Dictionary } from '@/i18n'

/** Share links as plain URLs: no third-party script runs on our pages and nothing is sent until the reader clicks. */
export function ShareLinks({ url, title, t }: { url: string; title: string; t: Dictionary }) {
  const u = encodeURIComponent(url)
  const text = encodeURIComponent(title)
  const links = [
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'X', href: `https://x.com/intent/post?url=${u}&text=${text}` },
    { name: 'Telegram', href: `https://t.me/share/url?url=${u}&text=${text}` },
    { name: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { name: t.shareEmail, href: `mailto:?subject=${text}&body=${u}` },
  ]
  return (
    <section aria-labelledby="share-heading" className="share">
      <h2 id="share-heading">{t.share}</h2>
      <ul>
        {links.map((link) => (
          <li key={link.name}>
            <a href={link.href} rel="noopener noreferrer" target="_blank">
              {link.name}
            </a>
          </li>
        ))}
        <li>
          <a href={url}>{t.copyLink}</a>
        </li>
      </ul>
    </section>
  )
}
