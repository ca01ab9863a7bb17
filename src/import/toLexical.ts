/** Plain paragraphs → the Lexical JSON that `@payloadcms/richtext-lexical` stores. */
export interface LexicalRoot {
  [key: string]: unknown
  root: {
    [key: string]: unknown
    type: 'root'
    direction: 'ltr' | 'rtl' | null
    format: ''
    indent: number
    version: number
    children: Array<{ type: string; version: number; [key: string]: unknown }>
  }
}

export function paragraphsToLexical(paragraphs: string[]): LexicalRoot {
  return {
    root: {
      type: 'root',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        direction: 'ltr',
        format: '',
        indent: 0,
        version: 1,
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
      })),
    },
  }
}

/** The paragraphs' text back out of Lexical JSON (for tests, search and summaries). */
export function lexicalToParagraphs(value: unknown): string[] {
  const root = (value as LexicalRoot | null)?.root
  if (!root) return []
  return root.children.map((node) =>
    ((node.children as Array<{ text?: string }> | undefined) ?? []).map((child) => child.text ?? '').join(''),
  )
}
