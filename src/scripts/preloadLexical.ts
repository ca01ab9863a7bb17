/**
 * Lexical's Node builds use top-level await, and its packages import each other. Loaded as one
 * module graph (as importing the Payload config does), Node 20 can stall on that cycle and the
 * process ends with exit code 0 without a word. Loading the packages one after another first,
 * each finished before the next starts, avoids it. Next.js and Vitest bundle these and do not need it.
 */
const ORDER = [
  'lexical',
  '@lexical/utils',
  '@lexical/selection',
  '@lexical/clipboard',
  '@lexical/html',
  '@lexical/list',
  '@lexical/link',
  '@lexical/mark',
  '@lexical/rich-text',
  '@lexical/table',
  '@lexical/headless',
  'payload',
  '@payloadcms/richtext-lexical',
]

export async function preloadLexical(): Promise<void> {
  for (const specifier of ORDER) await import(specifier)
}
