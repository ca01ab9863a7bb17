import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

export const site = (): Promise<Payload> => getPayload({ config })
