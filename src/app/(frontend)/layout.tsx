import type { Metadata } from 'next'
import React from 'react'

import './styles.css'

export const metadata: Metadata = {
  title: { default: 'Press office', template: '%s · Press office' },
  description: 'Press releases, news and photos of the press office.',
}

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="az">
      <body>
        <a className="skip-link" href="#main">
          Əsas məzmuna keç
        </a>
        {children}
      </body>
    </html>
  )
}
