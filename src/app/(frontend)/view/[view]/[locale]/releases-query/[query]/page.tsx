// The same route in the view for visually impaired readers (/view/{view}/…, reached by the
// a11y cookie rewrite in src/a11y/viewRouting.mjs). Next reads segment settings only from the
// route file itself, so they are repeated here.
export const revalidate = 3600
export { default, generateMetadata, generateStaticParams } from '@/app/(frontend)/[locale]/releases-query/[query]/page'
