import type { UIFieldServerComponent } from 'payload'
import React from 'react'

import { type AdminLanguage, collectionLabels, mediaLabels } from '@/i18n/fieldLabels'
import { findMediaUsage } from '@/media/usage'

/** "Used in" panel of a media item: every release, gallery, official and agency that shows it. */
export const MediaUsage: UIFieldServerComponent = async ({ id, payload, req }) => {
  if (!id) return null
  const uses = await findMediaUsage(payload, id, req)
  const language: AdminLanguage = (['az', 'en', 'ru'] as const).find((code) => code === req?.i18n?.language) ?? 'en'
  return (
    <section className="field-type media-usage" aria-labelledby="media-usage-heading" style={{ marginBottom: 'var(--base)' }}>
      <h3 id="media-usage-heading" className="field-label" style={{ fontSize: '1rem', margin: '0 0 .5rem' }}>
        {mediaLabels.usedInHeading[language]}
      </h3>
      {uses.length ? (
        <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
          {uses.map((use) => (
            <li key={`${use.collection}:${use.id}`}>
              {collectionLabels[use.collection].singular[language]}: <a href={`${payload.config.routes.admin}/collections/${use.collection}/${use.id}`}>{use.title}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p style={{ margin: 0 }}>{mediaLabels.notUsed[language]}</p>
      )}
    </section>
  )
}
