/** What an error body must never show a client: stack frames, file paths, the server's folders. */
const LEAKS: [RegExp, string][] = [
  [/\n\s+at \S/, 'a stack frame ("at …")'],
  [/\bat (?:async )?[\w$.<>[\]]+ \((?:file:\/\/|node:|\/|[A-Z]:\\|<anonymous>)/, 'a stack frame ("at fn (/path…")'],
  [/\/work\//, 'the /work/ folder'],
  [/node_modules/, 'node_modules'],
  [/\/(?:home|root|tmp|usr|var)\/[\w.-]+\//, 'a server path'],
  [/\.(?:ts|tsx|js|mjs|cjs):\d+/, 'a source file position'],
  [/"stack"\s*:/, 'a "stack" property'],
  [/SQLITE_|sqlite3?_|drizzle|libsql/i, 'database internals'],
]

/** The first internal detail found in `body`, or null. */
export function leakIn(body: string): string | null {
  for (const [pattern, what] of LEAKS) if (pattern.test(body)) return what
  return null
}
