/* Payload admin shell (from Payload's template; regenerate with `payload generate:importmap`). */
import type { ServerFunctionClient } from 'payload'

import config from '@payload-config'
import '@payloadcms/next/css'
import { handleServerFunctions, RootLayout } from '@payloadcms/next/layouts'
import { headers } from 'next/headers'
import { createLocalReq, getPayload } from 'payload'
import React from 'react'

import { refuseScheduleServerFunction } from '@/workflow/scheduleServerFunction'

import { importMap } from './admin/importMap.js'
import './custom.scss'

type Args = { children: React.ReactNode }

const serverFunction: ServerFunctionClient = async function (args) {
  'use server'
  // Payload's schedule-publish checks only admin access: scheduling needs publish permission (src/workflow/scheduleServerFunction.ts).
  if (args.name === 'schedule-publish') {
    const payload = await getPayload({ config })
    const { user } = await payload.auth({ headers: await headers() })
    const refused = await refuseScheduleServerFunction(args.args ?? {}, await createLocalReq({ user: user ?? undefined }, payload))
    if (refused) return refused
  }
  return handleServerFunctions({ ...args, config, importMap })
}

const Layout = ({ children }: Args) => (
  <RootLayout config={config} importMap={importMap} serverFunction={serverFunction}>
    {children}
  </RootLayout>
)

export default Layout
