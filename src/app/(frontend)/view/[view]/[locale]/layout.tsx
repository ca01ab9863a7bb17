// The same route in the view for visually impaired readers (/view/{view}/…, reached by the
// a11y cookie rewrite in src/a11y/viewRouting.mjs).
export { default, generateStaticParams, generateMetadata } from '@/app/(frontend)/[locale]/layout'
