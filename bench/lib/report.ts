/**
 * Every benchmark prints its figures and appends one row to docs/BENCHMARKS.md,
 * under its own section, so the file is a dated history of measurements.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export type Figures = Record<string, number | string>

export const benchmarksFile = path.resolve(process.cwd(), 'docs/BENCHMARKS.md')

const header = `# Benchmarks

Rows are appended by the scripts in \`bench/\` (see the README). Each row says when it ran, on how many
cores, and the command. Absolute numbers drift on shared machines: compare ratios measured in one run.
`

function cell(value: number | string): string {
  const text = typeof value === 'number' ? String(Math.round(value * 100) / 100) : value
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/**
 * The command as it was run: the `BENCH_*` settings it was given (trials, rounds, a reused build…)
 * change what its figures mean, so a row names them.
 */
export function commandAsRun(command: string, env: Record<string, string | undefined> = process.env): string {
  const settings = Object.entries(env)
    .filter(([key, value]) => key.startsWith('BENCH_') && value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${/^[\w./:@-]*$/.test(value!) ? value : `'${value!.replace(/'/g, `'\\''`)}'`}`)
  return [...settings, command].join(' ')
}

/** Prints the figures and records them as a row of the benchmark's table. */
export function recordBenchmark(name: string, command: string, figures: Figures): void {
  command = commandAsRun(command)
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ')
  const cores = os.cpus().length
  console.log(`\n${name} — ${command}`)
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key}: ${cell(value)}`)

  const columns = ['date (UTC)', 'cores', 'command', ...Object.keys(figures)]
  const row = `| ${[date, String(cores), `\`${command}\``, ...Object.values(figures).map(cell)].join(' | ')} |`
  const tableHead = `| ${columns.join(' | ')} |\n|${columns.map(() => ' --- ').join('|')}|`

  const text = existsSync(benchmarksFile) ? readFileSync(benchmarksFile, 'utf8') : header
  const lines = text.split('\n')
  const start = lines.indexOf(`## ${name}`)
  if (start === -1) {
    const section = `\n## ${name}\n\n${tableHead}\n${row}\n`
    writeFileSync(benchmarksFile, text.replace(/\n*$/, '\n') + section)
    return
  }
  let end = start + 1
  while (end < lines.length && !lines[end].startsWith('## ')) end++
  let lastRow = end - 1
  while (lastRow > start && !lines[lastRow].startsWith('|')) lastRow--
  const sameColumns = lines.slice(start, end).some((line) => line === tableHead.split('\n')[0])
  if (lastRow === start || !sameColumns) {
    // The figures changed shape: start a new table in the same section.
    lines.splice(end, 0, '', tableHead, row, ...(end < lines.length ? [''] : []))
  } else {
    lines.splice(lastRow + 1, 0, row)
  }
  writeFileSync(benchmarksFile, lines.join('\n').replace(/\n*$/, '\n'))
}
