/**
 * Runs a benchmark's main function: exit 0 when it is done (servers and timers it used must not keep
 * the process alive), exit 1 with one line when it fails.
 */
export function runBench(name: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    },
  )
}
