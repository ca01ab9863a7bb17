import config from '@payload-config'
import '@payloadcms/next/css'
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'

import { checked } from '@/api/requestChecks'

export const GET = checked(REST_GET(config), config)
export const POST = checked(REST_POST(config), config)
export const DELETE = checked(REST_DELETE(config), config)
export const PATCH = checked(REST_PATCH(config), config)
export const PUT = checked(REST_PUT(config), config)
export const OPTIONS = REST_OPTIONS(config)
