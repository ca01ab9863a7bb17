import { notFound } from 'next/navigation'

/** Any other address under a language is a 404 in the site's design. */
export default function Unknown(): never {
  notFound()
}
