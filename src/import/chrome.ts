/**
 * Page chrome: lines a scraper picks up from the site around the article (menus, share buttons,
 * footers, photo file names, gallery widgets …). Each rule matches one whole, trimmed line.
 *
 * To teach the parser about a new site, add a row to CHROME_RULES. Rules are tried in order
 * and the first match wins, so put specific rules (attribution, site headers) before generic ones.
 */
import type { ReleaseType } from './parser'
import { WEEKDAY_PATTERN } from './dates'

export type ChromeKind =
  /** Site header that reveals which outlet republished the item; only checked before the title. */
  | 'site-header'
  /** "Press Release by the Press Service of …": who issued the text. Kept, but not as a paragraph. */
  | 'attribution'
  /** A photo's file or camera name; kept as a photo. */
  | 'photo'
  /** One unnamed slide of a gallery widget ("Slider Image 1"). */
  | 'gallery-slide'
  /** One slide's caption in a gallery widget ("<title> - Gallery Image"). */
  | 'gallery-caption'
  /** Everything else: dropped. */
  | 'navigation'
  | 'accessibility'
  | 'share'
  | 'social'
  | 'loading'
  | 'date-widget'
  | 'separator'
  | 'footer'

export interface ChromeRule {
  kind: ChromeKind
  pattern: RegExp
  /** What the rule recognises, for people reading or extending this table. */
  note: string
  /** Only match before the title (site headers would be ordinary words further down). */
  headerOnly?: boolean
  /** For 'site-header' rules: the outlet's display name, fixed or taken from the match. */
  outlet?: string | ((match: RegExpExecArray) => string)
  /** The page section this line belongs to hints at the kind of item ("Most recent press releases"). */
  typeHint?: ReleaseType
}

export interface ChromeMatch {
  rule: ChromeRule
  line: string
  /** Set for 'site-header' rules. */
  outlet: string | null
}

const IMAGE_EXTENSION = '(?:jpe?g|png|gif|webp|bmp|tiff?|heic|avif)'
const NO_SENTENCE_END = '(?<![.!?;,])'

export const CHROME_RULES: readonly ChromeRule[] = [
  // ── Who published the page ─────────────────────────────────────────────────────────────
  {
    kind: 'site-header',
    pattern: /^Virtual Karabakh\b.*$/iu,
    note: 'virtualkarabakh.az header: "Virtual Karabakh Karabakh Justice for khojaly"',
    headerOnly: true,
    outlet: 'Virtual Karabakh',
  },
  {
    kind: 'site-header',
    pattern: /^Azernews(?:\.az)?$/iu,
    note: 'azernews.az header: "Azernews.Az"',
    headerOnly: true,
    outlet: 'Azernews',
  },
  {
    kind: 'site-header',
    pattern: /^(\p{L}[\p{L}\d-]*)\.(?:az|com|net|org|ru|info|news|media|tv)$/iu,
    note: 'any other site whose header is just its domain name, e.g. "Report.az"',
    headerOnly: true,
    outlet: (m) => capitalise(m[1] ?? ''),
  },

  // ── Who issued the text ────────────────────────────────────────────────────────────────
  {
    kind: 'attribution',
    pattern: new RegExp(`^statements?\\s+(?:by|of|from)\\s+the\\s+press\\s+(?:service|office|secretary)\\b.{0,120}${NO_SENTENCE_END}$`, 'iu'),
    note: '"Statement by the Press Service of the Ministry …"',
    typeHint: 'statement',
  },
  {
    kind: 'attribution',
    pattern: new RegExp(`^press\\s+release\\s+(?:by|of|from)\\s+the\\s+.{3,120}${NO_SENTENCE_END}$`, 'iu'),
    note: '"Press Release by the Press Service of the Ministry of Internal Affairs"',
    typeHint: 'press-release',
  },
  {
    kind: 'attribution',
    pattern: new RegExp(`^(?:(?:information|news)\\s+(?:by|of|from)\\s+)?the\\s+press\\s+(?:service|office|cent(?:re|er))\\s+of\\s+the\\s+.{3,120}${NO_SENTENCE_END}$`, 'iu'),
    note: '"The Press Service of the State Migration Service" as a line of its own',
  },
  {
    kind: 'attribution',
    pattern: new RegExp(`^.{3,120}\\s+mətbuat\\s+xidmətinin\\s+məlumatı${NO_SENTENCE_END}$`, 'iu'),
    note: 'Azerbaijani: "Daxili İşlər Nazirliyinin Mətbuat xidmətinin məlumatı"',
    typeHint: 'press-release',
  },
  {
    kind: 'attribution',
    pattern: new RegExp(`^пресс-(?:релиз|служба)(?!\\p{L}).{0,120}${NO_SENTENCE_END}$`, 'iu'),
    note: 'Russian: "Пресс-релиз пресс-службы МВД", "Пресс-служба МВД"',
  },

  // ── Photos and galleries ───────────────────────────────────────────────────────────────
  {
    kind: 'photo',
    pattern: new RegExp(`^[^\\s].{0,100}\\.${IMAGE_EXTENSION}$`, 'iu'),
    note: 'an image file name: "image_20250124150231.jpg"',
  },
  {
    kind: 'photo',
    // Camera files (DCF): 4 characters with at least one letter or "_", then 4 digits, then copy suffixes.
    pattern: new RegExp(`^(?=[A-Z0-9_]{0,3}[A-Z_])[A-Z0-9_]{4}\\d{4}(?:[ _+\\-]*\\(?\\d{1,6}\\)?)*(?:\\.${IMAGE_EXTENSION})?$`, 'u'),
    note: 'a camera file name: "_Y7A8241_1", "IMG_8788+ 2", "DSC_0042", "P1000123"',
  },
  {
    kind: 'gallery-slide',
    pattern: /^(?:slider|gallery)\s+image(?:\s*\d+)?$/iu,
    note: 'an unnamed gallery slide: "Slider Image 1"',
  },
  {
    kind: 'gallery-caption',
    pattern: /^.+\s[-–—]\s*gallery\s+image(?:\s*\d+)?$/iu,
    note: 'a gallery slide captioned with the page title: "<title> - Gallery Image"',
  },

  // ── Navigation and accessibility ───────────────────────────────────────────────────────
  {
    kind: 'navigation',
    pattern: /^(?:useful\s+links|faydalı\s+(?:linklər|keçidlər)|полезные\s+ссылки)\s*:?$/iu,
    note: '"Useful links" menu title',
  },
  {
    kind: 'navigation',
    pattern: /^websites\s+of\s+(?:the\s+)?structural\s+units\b.{0,80}$/iu,
    note: '"Websites of the structural units of the MIA" menu title',
  },
  {
    kind: 'navigation',
    pattern: /^(?:←\s*)?(?:back|go\s+back|geri|назад|back\s+to\s+(?:the\s+)?(?:list|news|top))$/iu,
    note: '"Back" link',
  },
  {
    kind: 'navigation',
    pattern: /^(?:most\s+recent|latest|other|related|more|all)\s+press\s+releases$/iu,
    note: 'list-of-press-releases block title: "Most recent press releases"',
    typeHint: 'press-release',
  },
  {
    kind: 'navigation',
    pattern: /^(?:most\s+recent|latest|other|related|more|all)\s+(?:news|articles)$/iu,
    note: 'list-of-news block title: "Latest news"',
  },
  {
    kind: 'navigation',
    pattern: /^(?:latest\s+)?(?:see|read|show|view)\s+(?:more|all)$/iu,
    note: '"See more" / "Latest See more" links',
  },
  {
    kind: 'navigation',
    // Short items separated by pipes, as in footer menus.
    pattern: /^[^|.!?]{1,40}(?:\|[^|.!?]{1,40})+$/u,
    note: 'a pipe-separated menu: "Terms for users | Privacy Policy | All rights reserved"',
  },
  {
    kind: 'accessibility',
    pattern: /^(?:(?:version\s+)?for\s+the\s+visually\s+impaired|görmə\s+çətinliyi\s+olanlar\s+üçün|(?:версия\s+)?для\s+слабовидящих)\s*:?$/iu,
    note: 'the low-vision version switch, in English, Azerbaijani and Russian',
  },

  // ── Sharing, social, loading ───────────────────────────────────────────────────────────
  {
    kind: 'share',
    pattern: /^(?:share|paylaş|поделиться)(?:\s+(?:on|this|this\s+article|in))?\s*:?$/iu,
    note: '"Share:" / "Paylaş:" buttons',
  },
  {
    kind: 'social',
    pattern: /^(?:follow\s+us|bizi\s+izləyin|подписывайтесь|следите\s+за\s+нами)(?!\p{L}).{0,60}$/iu,
    note: '"Follow us on Twitter @AzerNewsAz"',
  },
  {
    kind: 'loading',
    pattern: /^(?:loading|yüklənir|загрузка)\s*(?:\.{1,3}|…)?$/iu,
    note: '"Loading..." placeholders',
  },

  // ── Dates that are not the release date ────────────────────────────────────────────────
  {
    kind: 'date-widget',
    pattern: new RegExp(`^(?:${WEEKDAY_PATTERN}),?\\s+(?=.*\\d{4})[\\p{L}\\d ,.]{4,30}$`, 'iu'),
    note: "the site's today's-date widget: \"Saturday April 20 2024\"",
  },

  // ── Separators and footers ─────────────────────────────────────────────────────────────
  {
    kind: 'separator',
    pattern: /^[-–—_=*•·~.]{2,}$/u,
    note: 'a rule line: "--"',
  },
  {
    kind: 'footer',
    pattern: /^(?:©|\(c\)|copyright\b).{0,200}$/iu,
    note: 'copyright line: "© 2024 The Republic of Azerbaijan State Migration Service"',
  },
  {
    kind: 'footer',
    pattern: /^.{0,150}\ball\s+rights\s+reserved\.?$/iu,
    note: 'a line ending in "All rights reserved"',
  },
]

/** The first chrome rule matching the whole (trimmed) line, or null when the line is content. */
export function matchChrome(line: string, { inHeader }: { inHeader: boolean }): ChromeMatch | null {
  for (const rule of CHROME_RULES) {
    if (rule.headerOnly && !inHeader) continue
    const match = rule.pattern.exec(line)
    if (!match) continue
    return { rule, line, outlet: outletName(rule, match) }
  }
  return null
}

function outletName(rule: ChromeRule, match: RegExpExecArray): string | null {
  if (rule.outlet === undefined) return null
  return typeof rule.outlet === 'string' ? rule.outlet : rule.outlet(match)
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
