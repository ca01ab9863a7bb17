import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256')
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Every regular file under `dir`, as sorted POSIX paths relative to it; `skip` names directories to leave out. */
export function listFiles(dir: string, skip: (name: string) => boolean = () => false): string[] {
  const out: string[] = []
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        if (!skip(entry.name)) walk(child)
      } else if (entry.isFile()) {
        out.push(child)
      }
    }
  }
  if (fs.existsSync(dir)) walk('')
  return out.sort()
}

/** Flushes a file (or directory entry) to disk, so a rename that follows survives a power cut. */
export function fsyncPath(target: string): void {
  const fd = fs.openSync(target, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

export function copyFileDurable(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true })
  fs.copyFileSync(from, to)
  fsyncPath(to)
}

/** A path inside `root` for a relative path read from a manifest; refuses `..` and absolute paths. */
export function insideDir(root: string, relative: string): string {
  const resolved = path.resolve(root, relative)
  if (path.isAbsolute(relative) || !resolved.startsWith(path.resolve(root) + path.sep)) {
    throw new Error(`the path "${relative}" leaves its folder`)
  }
  return resolved
}
