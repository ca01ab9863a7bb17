'use client'

import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react'

import { needsScripts } from '@/site/frameworkScripts.mjs'

import { PHOTO_INDEX_ATTRIBUTE, type ViewerLabels, type ViewerPhoto } from './galleryViewerData'
import './GalleryViewer.css'

const SWIPE_MIN_PX = 50

const fill = (template: string, index: number, count: number) =>
  template.replace('{index}', String(index + 1)).replace('{count}', String(count))

const focusables = (root: HTMLElement) =>
  Array.from(root.querySelectorAll<HTMLElement>('button:not([disabled]), a[href]')).filter((el) => el.getClientRects().length > 0)

/**
 * Progressive enhancement of a server-rendered gallery grid (`children`): without JavaScript each
 * photo stays a link to its large file; with it, following such a link opens this modal viewer
 * instead. Keys: ←/→ (and Home/End) move, Escape closes and puts focus back on the last photo's link.
 */
export function GalleryViewer({
  title,
  titleLang,
  photos,
  labels,
  children,
}: {
  title: string
  titleLang?: string
  photos: ViewerPhoto[]
  labels: ViewerLabels
  children: ReactNode
}) {
  const gridRef = useRef<HTMLDivElement>(null)
  const dialogRef = useRef<HTMLDialogElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  const [view, setView] = useState({ index: 0, open: false })
  const swipeRef = useRef<{ id: number; x: number; y: number } | null>(null)
  const id = useId()
  const count = photos.length

  const wrap = useCallback((i: number) => (i + count) % count, [count])
  const step = (by: number) => setView((v) => ({ ...v, index: wrap(v.index + by) }))
  const go = (index: number) => setView((v) => ({ ...v, index }))

  // Grid links open the viewer; a click with a modifier key (new tab, download) keeps its default.
  useEffect(() => {
    const grid = gridRef.current
    if (!grid || count === 0) return
    const photoLink = (event: Event) =>
      event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(`a[${PHOTO_INDEX_ATTRIBUTE}]`) : null
    const open = (event: Event, link: HTMLAnchorElement) => {
      const i = Number(link.getAttribute(PHOTO_INDEX_ATTRIBUTE))
      if (!Number.isInteger(i) || i < 0 || i >= count) return
      event.preventDefault()
      setView({ index: i, open: true })
    }
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      const link = photoLink(event)
      if (link) open(event, link)
    }
    // Links answer Enter natively; Space opens the viewer too, as it would a button.
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const link = event.key === ' ' ? photoLink(event) : null
      if (link) open(event, link)
    }
    grid.addEventListener('click', onClick)
    grid.addEventListener('keydown', onKeyDown)
    return () => {
      grid.removeEventListener('click', onClick)
      grid.removeEventListener('keydown', onKeyDown)
    }
  }, [count])

  useEffect(() => {
    const dialog = dialogRef.current
    if (!view.open || !dialog) return
    if (!dialog.open) {
      dialog.showModal()
      closeRef.current?.focus()
    }
    // The neighbours load while this photo is looked at (not when images are hidden in the view).
    if (document.documentElement.classList.contains('a11y-images-hide')) return
    for (const near of [view.index + 1, view.index - 1]) new Image().src = photos[wrap(near)].src
  }, [view, photos, wrap])

  // Escape and the Close button both end here; focus goes to the link of the photo shown last.
  const onClose = () => {
    setView((v) => ({ ...v, open: false }))
    gridRef.current?.querySelector<HTMLAnchorElement>(`a[${PHOTO_INDEX_ATTRIBUTE}="${view.index}"]`)?.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const moves: Record<string, () => void> = {
      ArrowLeft: () => step(-1),
      ArrowRight: () => step(1),
      Home: () => go(0),
      End: () => go(count - 1),
    }
    if (moves[event.key]) {
      event.preventDefault()
      moves[event.key]()
      return
    }
    // A modal dialog keeps focus off the page, but Tab would still leave for the browser's own controls.
    if (event.key === 'Tab') {
      const items = focusables(event.currentTarget)
      if (items.length === 0) return
      const first = items[0]
      const last = items[items.length - 1]
      const active = document.activeElement
      if (event.shiftKey ? active === first || !items.includes(active as HTMLElement) : active === last) {
        event.preventDefault()
        ;(event.shiftKey ? last : first).focus()
      }
    }
  }

  // Swipes: touch and pen only (a mouse drag is left to the browser).
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    swipeRef.current = event.pointerType === 'mouse' ? null : { id: event.pointerId, x: event.clientX, y: event.clientY }
  }
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const start = swipeRef.current
    swipeRef.current = null
    if (!start || start.id !== event.pointerId) return
    const dx = event.clientX - start.x
    const dy = event.clientY - start.y
    if (Math.abs(dx) >= SWIPE_MIN_PX && Math.abs(dx) > 1.5 * Math.abs(dy)) step(dx < 0 ? 1 : -1)
  }
  const onPointerCancel = () => {
    swipeRef.current = null
  }

  if (count === 0) return <>{children}</>
  const { index, open } = view
  const photo = photos[index]
  const titleId = `${id}-title`
  const positionId = `${id}-position`

  return (
    <>
      <div ref={gridRef} {...needsScripts}>
        {children}
      </div>
      <dialog ref={dialogRef} className="gallery-viewer" aria-labelledby={`${titleId} ${positionId}`} onClose={onClose} onKeyDown={onKeyDown}>
        <div className="gallery-viewer__bar">
          <p id={titleId} className="gallery-viewer__title" lang={titleLang}>
            {title}
          </p>
          {/* Polite: the new position is read after whatever the reader pressed. Empty while closed, so opening is a change too. */}
          <p id={positionId} className="gallery-viewer__position" role="status">
            {open ? fill(labels.position, index, count) : ''}
          </p>
          <button ref={closeRef} type="button" className="gallery-viewer__button gallery-viewer__close" onClick={() => dialogRef.current?.close()}>
            {labels.close}
          </button>
        </div>
        <figure className="gallery-viewer__figure">
          <div className="gallery-viewer__stage" onPointerDown={onPointerDown} onPointerUp={onPointerUp} onPointerCancel={onPointerCancel}>
            {open && (
              <>
                {/* eslint-disable-next-line @next/next/no-img-element -- our own file, shown whole; no image service */}
                <img
                  key={index}
                  className="gallery-viewer__image"
                  src={photo.src}
                  width={photo.width ?? undefined}
                  height={photo.height ?? undefined}
                  alt={photo.alt}
                  lang={photo.altLang}
                  decoding="async"
                />
                <span className="img-alt" lang={photo.altLang}>
                  {photo.alt}
                </span>
              </>
            )}
          </div>
          <figcaption className="gallery-viewer__caption">
            {photo.caption && <p lang={photo.caption.lang}>{photo.caption.text}</p>}
            {photo.credit && <p>{photo.credit}</p>}
            <p>
              <a href={photo.download} download>
                {labels.download}
              </a>
            </p>
          </figcaption>
        </figure>
        <div className="gallery-viewer__nav">
          <button type="button" className="gallery-viewer__button gallery-viewer__previous" onClick={() => step(-1)}>
            {labels.previous}
          </button>
          <button type="button" className="gallery-viewer__button gallery-viewer__next" onClick={() => step(1)}>
            {labels.next}
          </button>
        </div>
      </dialog>
    </>
  )
}
