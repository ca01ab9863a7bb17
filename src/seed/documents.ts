import fs from 'node:fs/promises'
import path from 'node:path'

import { projectRoot } from '@/config/env'

/** The five scraped pages, kept byte-for-byte as they were delivered. */
export const DOCUMENTS_DIR = path.join(projectRoot, 'src/seed/documents')

export const readSeedDocument = (file: string): Promise<string> => fs.readFile(path.join(DOCUMENTS_DIR, file), 'utf8')
