import type { Field } from 'payload'

import { editorsField, isEditorUser, staffField, type UserLike } from '@/access'
import { LIST_TITLE_CELL, listTitleField } from '@/components/admin/listTitle'
import { requiredToPublish, titleToCreateOrPublish } from '@/fields/draftRequirements'
import { slugField } from '@/fields/slug'
import { type AdminText, commonLabels, releaseLabels as L } from '@/i18n/fieldLabels'
import { reviewStateOptions, UPDATE_TYPES, WORKFLOW_STATES } from '@/workflow/releaseWorkflow'

export const RELEASE_TYPES = [
  { label: L.typePressRelease, value: 'press-release' },
  { label: L.typeNews, value: 'news' },
  { label: L.typeStatement, value: 'statement' },
  { label: L.typeMediaCoverage, value: 'media-coverage' },
] as const

const readOnly = { readOnly: true } as const
/** Editorial data readers never get (REST, GraphQL, the public pages): only staff read it. */
const staffOnly = { read: staffField } as const
/** Server-set workflow fields: shown once they hold something. */
const shownWhenSet = (name: string) => ({
  ...readOnly,
  condition: (_: unknown, sibling: Record<string, unknown> | undefined) => Boolean(sibling?.[name]),
})

export const content: Field[] = [
  { name: 'title', label: commonLabels.title, type: 'text', localized: true, required: true, maxLength: 300, validate: titleToCreateOrPublish, admin: { components: { Cell: LIST_TITLE_CELL } } },
  listTitleField('releases'),
  { name: 'type', label: L.type, type: 'select', required: true, defaultValue: 'press-release', options: [...RELEASE_TYPES], index: true },
  {
    name: 'featured',
    label: L.featured,
    type: 'checkbox',
    defaultValue: false,
    index: true,
    admin: { position: 'sidebar', description: L.featuredDescription },
  },
  { name: 'lead', label: L.lead, type: 'textarea', localized: true, maxLength: 1000, admin: { description: L.leadDescription } },
  { name: 'body', label: L.body, type: 'richText', localized: true },
  {
    type: 'row',
    fields: [
      {
        name: 'publishedAt',
        label: L.publishedAt,
        type: 'date',
        index: true,
        timezone: true,
        admin: { date: { pickerAppearance: 'dayAndTime' }, description: L.publishedAtDescription },
      },
      {
        name: 'datePrecision',
        label: L.datePrecision,
        type: 'select',
        defaultValue: 'datetime',
        options: [
          { label: L.precisionDatetime, value: 'datetime' },
          { label: L.precisionDate, value: 'date' },
          { label: L.precisionYear, value: 'year' },
        ],
        admin: { description: L.datePrecisionDescription },
      },
      { name: 'place', label: L.place, type: 'text', localized: true, maxLength: 120, admin: { description: L.placeDescription } },
    ],
  },
]

export const relations: Field[] = [
  { name: 'leadAgency', label: L.leadAgency, type: 'relationship', relationTo: 'agencies', required: true, index: true, validate: requiredToPublish },
  { name: 'supportingAgencies', label: L.supportingAgencies, type: 'relationship', relationTo: 'agencies', hasMany: true },
  { name: 'officials', label: L.officials, type: 'relationship', relationTo: 'officials', hasMany: true },
  { name: 'heroImage', label: L.heroImage, type: 'upload', relationTo: 'media' },
  { name: 'gallery', label: L.gallery, type: 'relationship', relationTo: 'galleries' },
  {
    name: 'source',
    label: L.source,
    type: 'group',
    admin: { description: L.sourceDescription },
    fields: [
      { name: 'outlet', label: L.outlet, type: 'relationship', relationTo: 'agencies', filterOptions: { kind: { equals: 'media-outlet' } } },
      { name: 'byline', label: L.byline, type: 'text', maxLength: 200 },
      {
        name: 'originalUrl',
        label: L.originalUrl,
        type: 'text',
        validate: (value: unknown) =>
          value == null || value === '' || /^https?:\/\/[^\s]+$/i.test(String(value)) || 'The original URL must start with http:// or https://',
      },
      { name: 'originalDate', label: L.originalDate, type: 'date', timezone: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    ],
  },
]

/** Change notes are asked for when a published release is published again. */
export const changes: Field[] = [
  {
    name: 'updateType',
    label: L.updateType,
    type: 'radio',
    access: staffOnly,
    options: [
      { label: L.updateMinor, value: UPDATE_TYPES[0] },
      { label: L.updateMajor, value: UPDATE_TYPES[1] },
    ],
    admin: {
      condition: (data) => Boolean(data?.workflow?.firstPublishedAt),
      description: L.updateTypeDescription,
    },
  },
  {
    name: 'changeNote',
    label: L.changeNote,
    type: 'textarea',
    localized: true,
    access: staffOnly,
    maxLength: 500,
    admin: { condition: (data) => data?.updateType === 'major', description: L.changeNoteDescription },
  },
  {
    name: 'changeHistory',
    label: L.changeHistory,
    labels: { singular: L.changeHistorySingular, plural: L.changeHistoryPlural },
    type: 'array',
    admin: { ...readOnly, condition: (data) => Boolean(data?.changeHistory?.length) },
    fields: [
      { name: 'date', label: commonLabels.date, type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      // Not required: a note is written in the language it was published from; the others read it marked (src/site/changeNotes.ts).
      { name: 'note', label: L.note, type: 'textarea', localized: true, maxLength: 500 },
    ],
  },
]

export const withdrawal: Field = {
  name: 'withdrawal',
  label: L.withdrawal,
  type: 'group',
  admin: {
    description: L.withdrawalDescription,
    condition: (data) => Boolean(data?.workflow?.firstPublishedAt),
  },
  fields: [
    { name: 'withdrawn', label: L.withdrawn, type: 'checkbox', defaultValue: false, access: { update: editorsField } },
    { name: 'withdrawnAt', label: L.withdrawnAt, type: 'date', admin: { ...readOnly, condition: (_, sibling) => Boolean(sibling?.withdrawn) } },
    {
      name: 'explanation',
      label: L.explanation,
      type: 'textarea',
      localized: true,
      maxLength: 2000,
      admin: { condition: (_, sibling) => Boolean(sibling?.withdrawn), description: L.explanationDescription },
    },
  ],
}

const stateLabels: Record<(typeof WORKFLOW_STATES)[number], AdminText> = {
  draft: L.stateDraft,
  in_review: L.stateInReview,
  published: L.statePublished,
  withdrawn: L.stateWithdrawn,
}

export const workflow: Field = {
  name: 'workflow',
  label: L.workflow,
  type: 'group',
  access: staffOnly,
  admin: { position: 'sidebar' },
  fields: [
    {
      name: 'state',
      label: L.state,
      type: 'select',
      defaultValue: 'draft',
      index: true,
      options: WORKFLOW_STATES.map((value) => ({ label: stateLabels[value], value })),
      // Only the states a person can choose (published and withdrawn come from Publish and Withdraw), and the current one.
      filterOptions: ({ options, siblingData }) => reviewStateOptions(options, (siblingData as { state?: string } | undefined)?.state),
      admin: { description: L.stateDescription },
    },
    { name: 'submittedBy', label: L.submittedBy, type: 'relationship', relationTo: 'users', admin: shownWhenSet('submittedBy') },
    {
      name: 'authors',
      label: L.authors,
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      admin: {
        ...readOnly,
        condition: (_: unknown, sibling: { authors?: unknown[] } | undefined) => Boolean(sibling?.authors?.length),
        description: L.authorsDescription,
      },
    },
    { name: 'submittedAt', label: L.submittedAt, type: 'date', admin: { ...shownWhenSet('submittedAt'), date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'reviewedBy', label: L.reviewedBy, type: 'relationship', relationTo: 'users', admin: shownWhenSet('reviewedBy') },
    { name: 'firstPublishedAt', label: L.firstPublishedAt, type: 'date', admin: { ...shownWhenSet('firstPublishedAt'), date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'forcePublishReason',
      label: L.forcePublishReason,
      type: 'textarea',
      maxLength: 1000,
      access: { update: editorsField, create: editorsField },
      admin: {
        description: L.forcePublishReasonDescription,
        condition: (_data, _sibling, { user }) => isEditorUser(user as UserLike),
      },
    },
    {
      name: 'forcePublished',
      label: L.forcePublished,
      type: 'group',
      admin: { condition: (_, sibling) => Boolean(sibling?.forcePublished?.by) },
      fields: [
        {
          name: 'kind',
          label: L.forceKind,
          type: 'select',
          options: [
            { label: L.forceKindForce, value: 'force' },
            { label: L.forceKindMinor, value: 'minor' },
          ],
          admin: readOnly,
        },
        { name: 'reason', label: commonLabels.reason, type: 'textarea', admin: readOnly },
        { name: 'by', label: L.forceBy, type: 'relationship', relationTo: 'users', admin: readOnly },
        { name: 'at', label: L.forceAt, type: 'date', admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'reviewedBy', label: L.forceReviewedBy, type: 'relationship', relationTo: 'users', admin: readOnly },
        { name: 'reviewedAt', label: L.forceReviewedAt, type: 'date', admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    {
      name: 'confirmForceReview',
      label: L.confirmForceReview,
      type: 'checkbox',
      access: { update: editorsField },
      admin: { condition: (_, sibling) => Boolean(sibling?.forcePublished?.by && !sibling?.forcePublished?.reviewedAt) },
    },
  ],
}

export const importSource: Field = {
  name: 'importSource',
  label: L.importSource,
  type: 'group',
  access: staffOnly,
  admin: { position: 'sidebar', condition: (data) => Boolean(data?.importSource?.key) },
  fields: [
    { name: 'key', label: L.importKey, type: 'text', index: true, admin: readOnly },
    { name: 'file', label: L.importFile, type: 'text', admin: readOnly },
    {
      name: 'photos',
      label: L.importPhotos,
      type: 'textarea',
      admin: { ...readOnly, description: L.importPhotosDescription },
    },
  ],
}

export const releaseSlug = slugField()
