/**
 * Payload's email adapter (@payloadcms/email-nodemailer) over SMTP, from SMTP_URL and EMAIL_FROM
 * (src/email/settings.ts); none without SMTP_URL, so nothing is sent and nothing waits for a mail server.
 *
 * Sending never holds a request or a database write: `sendEmail` hands the message to the transport
 * and returns at once. Payload calls it inside the transaction that wrote the reset token, and on
 * SQLite that transaction holds the only write lock: a slow or unreachable mail server would hold
 * every save, sign-in and publish of the site while it waited (issue 22). A message that cannot be
 * delivered is logged; the transport gives up after the timeouts below. Every message goes out as
 * plain text and HTML (the text made from the HTML when the caller gives none).
 */
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { EmailAdapter, SendEmailOptions } from 'payload'

import { emailFrom, smtpUrl } from './settings'

/** Messages handed over and not yet delivered; beyond this a message is dropped (and logged), not queued. */
const MAX_PENDING = 100

export type Handover = { accepted: 'queued' | 'dropped' }

export function emailAdapter(): Promise<EmailAdapter<Handover>> | undefined {
  const url = smtpUrl()
  if (!url) return undefined
  const from = emailFrom()
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  })
  // skipVerify: checking the server at start would hold the start while a mail server is slow.
  return nodemailerAdapter({ transport, defaultFromAddress: from.address, defaultFromName: from.name, skipVerify: true }).then(
    (nodemailerEmail): EmailAdapter<Handover> =>
      ({ payload }) => {
        const inner = nodemailerEmail({ payload })
        let pending = 0
        return {
          ...inner,
          sendEmail: async (message: SendEmailOptions): Promise<Handover> => {
            const to = typeof message.to === 'string' ? message.to : JSON.stringify(message.to)
            if (pending >= MAX_PENDING) {
              payload.logger.error({ msg: `Email to ${to} not sent: ${MAX_PENDING} messages are already waiting for the mail server.` })
              return { accepted: 'dropped' }
            }
            pending += 1
            const full = { ...message, text: message.text ?? (typeof message.html === 'string' ? textOfHtml(message.html) : undefined) }
            setImmediate(() => {
              inner
                .sendEmail(full)
                .catch((err: unknown) => payload.logger.error({ err, msg: `Email to ${to} could not be sent (SMTP_URL).` }))
                .finally(() => (pending -= 1))
            })
            return { accepted: 'queued' }
          },
        }
      },
  )
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' }

/** The plain-text part of a simple HTML message: paragraphs as lines, links as their address. */
export function textOfHtml(html: string): string {
  return html
    .replace(/<(style|head|title)[\s\S]*?<\/\1>/gi, '')
    .replace(/<a\b[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_, href: string, label: string) => (label.trim() === href ? href : `${label} (${href})`))
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr)>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
