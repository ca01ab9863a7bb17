/**
 * Slugs from Azerbaijani, English and Russian titles. Azerbaijani letters follow the usual Latin
 * URL conventions (ə→e, ş→sh, ç→ch, ğ→g, ı→i, ö→o, ü→u); Cyrillic uses a simple passport-style table.
 */
const AZ: Record<string, string> = {
  ə: 'e', Ə: 'e', ğ: 'g', Ğ: 'g', ı: 'i', I: 'i', İ: 'i', ö: 'o', Ö: 'o',
  ş: 'sh', Ş: 'sh', ç: 'ch', Ç: 'ch', ü: 'u', Ü: 'u',
}

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
}

export const MAX_SLUG_LENGTH = 96

export function transliterate(text: string): string {
  let out = ''
  for (const char of text) {
    const lower = char.toLowerCase()
    out += AZ[char] ?? CYRILLIC[lower] ?? char
  }
  return out
}

export function slugify(text: string): string {
  const ascii = transliterate(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’"]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (ascii.length <= MAX_SLUG_LENGTH) return ascii
  const cut = ascii.slice(0, MAX_SLUG_LENGTH)
  const lastDash = cut.lastIndexOf('-')
  return (lastDash > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '')
}
