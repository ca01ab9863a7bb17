'use client'
import { RenderDefaultCell } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'
import React from 'react'

/**
 * The title column of a list: the title in the language being viewed, or, when it has none there,
 * the title in the language it exists in, marked ("[en] Title"; `listTitle`, src/components/admin/listTitle.ts).
 * Everything else (the link to the document, the pick in a relationship drawer) is Payload's own cell.
 */
export function ListTitleCell(props: DefaultCellComponentProps & { columnIndex?: number }) {
  const listTitle = (props.rowData as { listTitle?: string | null } | undefined)?.listTitle
  const cellData = typeof listTitle === 'string' && listTitle ? listTitle : props.cellData
  return <RenderDefaultCell clientProps={{ ...props, cellData }} columnIndex={props.columnIndex ?? 0} isLinkedColumn={Boolean(props.link)} />
}
