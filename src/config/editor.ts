import { lexicalEditor } from '@payloadcms/richtext-lexical'

/**
 * Lexical's defaults without inline uploads: a release shows photos through its hero image and its
 * gallery, where alt text is enforced, sizes are served responsively and "Used in" can find them.
 */
export const richTextEditor = () =>
  lexicalEditor({ features: ({ defaultFeatures }) => defaultFeatures.filter((feature) => feature.key !== 'upload') })
