import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Payload's server-only packages stay out of the client bundles.
  serverExternalPackages: ['sharp', 'libsql', '@libsql/client'],
  images: {
    // Only our own uploads; never an external image service.
    localPatterns: [{ pathname: '/api/media/file/**' }],
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
