'use client'
import { Button, Modal, useAuth, useForm, useFormFields, useModal, useTranslation } from '@payloadcms/ui'
import type { PublishButtonClientProps } from 'payload'
import React, { useCallback, useId, useRef, useState } from 'react'

import { publishQuestions, type UpdateKind } from './publishQuestions'
import { SchedulePublishButton } from './SchedulePublishButton'

const MODAL = 'release-publish-dialog'
/** At most this many tenths of a second for an autosave in flight to finish before publishing. */
const PUBLISH_WAIT_TRIES = 150

/**
 * Payload's Publish button (with its Schedule drawer), asking first what publishing needs: minor or
 * major for a release already published, the change note for a major one, and for an editor
 * without a second pair of eyes the reason to publish without review (src/workflow/releaseWorkflow.ts
 * decides; this only asks). Nothing to ask: it publishes at once, as Payload's button does.
 */
export function ReleasePublishButton(props: PublishButtonClientProps & { label?: string }) {
  const { i18n } = useTranslation()
  const t = (key: string) => (i18n.t as (k: string) => string)(`publishDialog:${key}`)
  const { user } = useAuth()
  const { dispatchFields } = useForm()
  const { openModal, closeModal } = useModal()
  const workflow = useFormFields(([fields]) => ({
    firstPublishedAt: fields['workflow.firstPublishedAt']?.value,
    state: fields['workflow.state']?.value,
    submittedBy: fields['workflow.submittedBy']?.value,
    authors: fields['workflow.authors']?.value,
    withdrawn: fields['withdrawal.withdrawn']?.value,
  }))
  const wrapper = useRef<HTMLDivElement>(null)
  const confirmed = useRef(false)
  const [kind, setKind] = useState<UpdateKind | null>(null)
  const [note, setNote] = useState('')
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const ids = { kind: useId(), note: useId(), reason: useId(), problem: useId() }

  const questions = publishQuestions({ ...workflow, userId: user?.id, kind })

  // Clicks on Publish (not on the Schedule menu) stop here while there is something to ask.
  const onClickCapture = useCallback(
    (event: React.MouseEvent) => {
      const button = (event.target as HTMLElement).closest('#action-save')
      if (!button || confirmed.current) return
      const needed = publishQuestions({ ...workflow, userId: user?.id, kind: null })
      if (!needed.askKind && !needed.askReason) return
      event.preventDefault()
      event.stopPropagation()
      setProblem(null)
      openModal(MODAL)
    },
    [openModal, user?.id, workflow],
  )

  const confirm = () => {
    if (questions.askKind && !kind) return setProblem(t('chooseKind'))
    if (questions.askNote && !note.trim()) return setProblem(t('noteRequired'))
    if (questions.askReason && !reason.trim()) return setProblem(t('reasonRequired'))
    if (questions.askKind) dispatchFields({ type: 'UPDATE', path: 'updateType', value: kind })
    dispatchFields({ type: 'UPDATE', path: 'changeNote', value: questions.askNote ? note.trim() : null })
    if (questions.askReason) dispatchFields({ type: 'UPDATE', path: 'workflow.forcePublishReason', value: reason.trim() })
    closeModal(MODAL)
    // Payload's button submits what the form holds once it has rendered the values set above. While an
    // autosave runs the form ignores a submit and the button is briefly disabled: wait for both.
    confirmed.current = true
    const clickWhenReady = (tries: number) => {
      const button = wrapper.current?.querySelector<HTMLButtonElement>('#action-save')
      const form = wrapper.current?.closest('form')
      const ready = button && !button.disabled && form?.getAttribute('data-form-ready') !== 'false'
      if (ready || tries >= PUBLISH_WAIT_TRIES) {
        button?.click()
        confirmed.current = false
      } else setTimeout(() => clickWhenReady(tries + 1), 100)
    }
    setTimeout(() => clickWhenReady(0), 50)
  }

  return (
    <div ref={wrapper} onClickCapture={onClickCapture} style={{ display: 'contents' }}>
      <SchedulePublishButton {...props} />
      {/* Named by its heading (without it the dialog's name would be its slug). */}
      <Modal slug={MODAL} className="confirmation-modal release-publish-dialog" aria-labelledby={`${ids.kind}-title`}>
        <div className="confirmation-modal__wrapper">
          <div className="confirmation-modal__content">
            <h1 id={`${ids.kind}-title`}>{t('title')}</h1>
            {questions.askKind && (
              <fieldset className="field-type radio">
                <legend className="field-label">{t('kindQuestion')}</legend>
                {(['minor', 'major'] as const).map((value) => (
                  <label key={value} style={{ display: 'block', margin: '0.5rem 0' }}>
                    <input type="radio" name={ids.kind} value={value} checked={kind === value} onChange={() => setKind(value)} /> {t(value)}
                  </label>
                ))}
              </fieldset>
            )}
            {questions.askNote && (
              <div className="field-type textarea">
                <label className="field-label" htmlFor={ids.note}>
                  {t('changeNote')}
                </label>
                <textarea id={ids.note} rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={`${ids.note}-help`} />
                <p id={`${ids.note}-help`} className="field-description">
                  {t('changeNoteHelp')}
                </p>
              </div>
            )}
            {questions.askReason && (
              <div className="field-type textarea">
                <label className="field-label" htmlFor={ids.reason}>
                  {t('reason')}
                </label>
                <textarea id={ids.reason} rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={`${ids.reason}-help`} />
                <p id={`${ids.reason}-help`} className="field-description">
                  {t('reasonHelp')}
                </p>
              </div>
            )}
            {questions.minorAlone && <p className="field-description">{t('minorAlone')}</p>}
            {problem && (
              <p id={ids.problem} role="alert" className="field-error" style={{ color: 'var(--theme-error-750)', fontWeight: 600 }}>
                {problem}
              </p>
            )}
          </div>
          <div className="confirmation-modal__controls">
            <Button buttonStyle="secondary" onClick={() => closeModal(MODAL)} size="large">
              {t('cancel')}
            </Button>
            <Button id="publish-dialog-confirm" onClick={confirm} size="large">
              {t('publish')}
            </Button>
          </div>
        </div>
      </Modal>
    </div>
  )
}
