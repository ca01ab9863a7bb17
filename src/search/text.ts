/** The plain text of a Lexical document: every text node, blocks separated by a new line. */
export function lexicalText(value: unknown): string {
  const parts: string[] = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const { type, text, children } = node as { type?: unknown; text?: unknown; children?: unknown }
    if (typeof text === 'string') parts.push(text)
    if (type === 'linebreak' || type === 'tab') parts.push(' ')
    if (Array.isArray(children)) {
      for (const child of children) walk(child)
      parts.push('\n')
    }
  }
  walk((value as { root?: unknown } | null)?.root)
  return parts.join('').replace(/\n+/g, '\n').trim()
}
