import type { Field } from 'payload'

import { editorsField, isEditorUser, staffField, type UserLike } from '@/access'
import { LIST_TITLE_CELL, listTitleField } from '@/components/admin/listTitle'
import { requiredToPublish, titleToCreateOrPublish } from '@/fields/draftRequirements'
import { slugField } from '@/fields/slug'
import { reviewStateOptions, UPDATE_TYPES, WORKFLOW_STATES } from '@/workflow/releaseWorkflow'

export const RELEASE_TYPES = [
  { label: 'Press release', value: 'press-release' },
  { label: 'News', value: 'news' },
  { label: 'Statement', value: 'statement' },
  { label: 'Media coverage', value: 'media-coverage' },
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
  { name: 'title', type: 'text', localized: true, required: true, maxLength: 300, validate: titleToCreateOrPublish, admin: { components: { Cell: LIST_TITLE_CELL } } },
  listTitleField('releases'),
  { name: 'type', type: 'select', required: true, defaultValue: 'press-release', options: [...RELEASE_TYPES], index: true },
  {
    name: 'featured',
    type: 'checkbox',
    defaultValue: false,
    index: true,
    admin: { position: 'sidebar', description: 'Shown first on the home page (the newest featured release wins).' },
  },
  { name: 'lead', type: 'textarea', localized: true, maxLength: 1000, admin: { description: 'One or two sentences shown in lists and under the title.' } },
  { name: 'body', type: 'richText', localized: true },
  {
    type: 'row',
    fields: [
      {
        name: 'publishedAt',
        label: 'Publication date and time',
        type: 'date',
        index: true,
        timezone: true,
        admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'Asia/Baku. Set on first publish if left empty.' },
      },
      {
        name: 'datePrecision',
        type: 'select',
        defaultValue: 'datetime',
        options: [
          { label: 'Date and time', value: 'datetime' },
          { label: 'Date only', value: 'date' },
          { label: 'Year only (archive items)', value: 'year' },
        ],
        admin: { description: 'How much of the publication date is known.' },
      },
      { name: 'place', type: 'text', localized: true, maxLength: 120, admin: { description: 'e.g. Baku' } },
    ],
  },
]

export const relations: Field[] = [
  { name: 'leadAgency', label: 'From (lead agency)', type: 'relationship', relationTo: 'agencies', required: true, index: true, validate: requiredToPublish },
  { name: 'supportingAgencies', type: 'relationship', relationTo: 'agencies', hasMany: true },
  { name: 'officials', label: 'Officials mentioned', type: 'relationship', relationTo: 'officials', hasMany: true },
  { name: 'heroImage', type: 'upload', relationTo: 'media' },
  { name: 'gallery', type: 'relationship', relationTo: 'galleries' },
  {
    name: 'source',
    label: 'Source (republished items)',
    type: 'group',
    admin: { description: 'For items first published elsewhere.' },
    fields: [
      { name: 'outlet', type: 'relationship', relationTo: 'agencies', filterOptions: { kind: { equals: 'media-outlet' } } },
      { name: 'byline', type: 'text', maxLength: 200 },
      {
        name: 'originalUrl',
        type: 'text',
        validate: (value: unknown) =>
          value == null || value === '' || /^https?:\/\/[^\s]+$/i.test(String(value)) || 'The original URL must start with http:// or https://',
      },
      { name: 'originalDate', type: 'date', timezone: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    ],
  },
]

/** Change notes are asked for when a published release is published again. */
export const changes: Field[] = [
  {
    name: 'updateType',
    type: 'radio',
    access: staffOnly,
    options: [
      { label: 'Minor change (typo, formatting): no public note', value: UPDATE_TYPES[0] },
      { label: 'Major change: readers see a change note', value: UPDATE_TYPES[1] },
    ],
    admin: {
      condition: (data) => Boolean(data?.workflow?.firstPublishedAt),
      description: 'Required when publishing changes to a published release.',
    },
  },
  {
    name: 'changeNote',
    type: 'textarea',
    localized: true,
    access: staffOnly,
    maxLength: 500,
    admin: { condition: (data) => data?.updateType === 'major', description: 'What changed, in one sentence readers will see.' },
  },
  {
    name: 'changeHistory',
    label: 'Public change history',
    type: 'array',
    admin: { ...readOnly, condition: (data) => Boolean(data?.changeHistory?.length) },
    fields: [
      { name: 'date', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      // Not required: a note is written in the language it was published from; the others read it marked (src/site/changeNotes.ts).
      { name: 'note', type: 'textarea', localized: true, maxLength: 500 },
    ],
  },
]

export const withdrawal: Field = {
  name: 'withdrawal',
  type: 'group',
  admin: {
    description: 'A withdrawn release stays online with a notice and your explanation. Only a published release can be withdrawn.',
    condition: (data) => Boolean(data?.workflow?.firstPublishedAt),
  },
  fields: [
    { name: 'withdrawn', type: 'checkbox', defaultValue: false, access: { update: editorsField } },
    { name: 'withdrawnAt', type: 'date', admin: { ...readOnly, condition: (_, sibling) => Boolean(sibling?.withdrawn) } },
    {
      name: 'explanation',
      type: 'textarea',
      localized: true,
      maxLength: 2000,
      admin: { condition: (_, sibling) => Boolean(sibling?.withdrawn), description: 'Shown to readers.' },
    },
  ],
}

const stateLabels: Record<(typeof WORKFLOW_STATES)[number], string> = {
  draft: 'Draft',
  in_review: 'Submitted for review',
  published: 'Published',
  withdrawn: 'Withdrawn',
}

export const workflow: Field = {
  name: 'workflow',
  label: 'Review',
  type: 'group',
  access: staffOnly,
  admin: { position: 'sidebar' },
  fields: [
    {
      name: 'state',
      label: 'Review status',
      type: 'select',
      defaultValue: 'draft',
      index: true,
      options: WORKFLOW_STATES.map((value) => ({ label: stateLabels[value], value })),
      // Only the states a person can choose (published and withdrawn come from Publish and Withdraw), and the current one.
      filterOptions: ({ options, siblingData }) => reviewStateOptions(options, (siblingData as { state?: string } | undefined)?.state),
      admin: { description: 'Choose “Submitted for review” and save to send this release to an editor.' },
    },
    { name: 'submittedBy', type: 'relationship', relationTo: 'users', admin: shownWhenSet('submittedBy') },
    {
      name: 'authors',
      label: 'Written since the last publish by',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      admin: {
        ...readOnly,
        condition: (_: unknown, sibling: { authors?: unknown[] } | undefined) => Boolean(sibling?.authors?.length),
        description: 'Set by the server. None of them can be the reviewer who publishes it.',
      },
    },
    { name: 'submittedAt', type: 'date', admin: { ...shownWhenSet('submittedAt'), date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'reviewedBy', label: 'Published by', type: 'relationship', relationTo: 'users', admin: shownWhenSet('reviewedBy') },
    { name: 'firstPublishedAt', type: 'date', admin: { ...shownWhenSet('firstPublishedAt'), date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'forcePublishReason',
      label: 'Publish without review: reason',
      type: 'textarea',
      maxLength: 1000,
      access: { update: editorsField, create: editorsField },
      admin: {
        description: 'Editors only, for urgent items. Recorded and shown until a second editor reviews it.',
        condition: (_data, _sibling, { user }) => isEditorUser(user as UserLike),
      },
    },
    {
      name: 'forcePublished',
      label: 'Published without review',
      type: 'group',
      admin: { condition: (_, sibling) => Boolean(sibling?.forcePublished?.by) },
      fields: [
        {
          name: 'kind',
          type: 'select',
          options: [
            { label: 'Published without review, with a reason', value: 'force' },
            { label: 'Minor change by an editor alone', value: 'minor' },
          ],
          admin: readOnly,
        },
        { name: 'reason', type: 'textarea', admin: readOnly },
        { name: 'by', type: 'relationship', relationTo: 'users', admin: readOnly },
        { name: 'at', type: 'date', admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'reviewedBy', type: 'relationship', relationTo: 'users', admin: readOnly },
        { name: 'reviewedAt', type: 'date', admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    {
      name: 'confirmForceReview',
      label: 'I have reviewed this release (published without review)',
      type: 'checkbox',
      access: { update: editorsField },
      admin: { condition: (_, sibling) => Boolean(sibling?.forcePublished?.by && !sibling?.forcePublished?.reviewedAt) },
    },
  ],
}

export const importSource: Field = {
  name: 'importSource',
  type: 'group',
  access: staffOnly,
  admin: { position: 'sidebar', condition: (data) => Boolean(data?.importSource?.key) },
  fields: [
    { name: 'key', type: 'text', index: true, admin: readOnly },
    { name: 'file', type: 'text', admin: readOnly },
    {
      name: 'photos',
      label: 'Photos named in the source',
      type: 'textarea',
      admin: { ...readOnly, description: 'Upload these and add them to the gallery.' },
    },
  ],
}

export const releaseSlug = slugField()
