/**
 * An editor back from an event: bulk-uploads photos straight into a new gallery (describing each in
 * the upload drawer), adds one from the media library, reorders by keyboard and by mouse drag,
 * publishes, and the public gallery shows them in that order. Photos carry EXIF (camera, GPS, time).
 */
import { expect, type Locator, type Page, test } from '@playwright/test'
import sharp from 'sharp'

import { DEMO_PASSWORD, logIn } from './helpers'

const COLOURS = ['#b22222', '#228b22', '#1e3a8a']

async function cameraFile(index: number) {
  const buffer = await sharp({ create: { width: 1200, height: 800, channels: 3, background: COLOURS[index]! } })
    .withExif({
      IFD0: { Make: 'Canon', Model: 'EOS R6', Artist: 'Press Office Photographer' },
      IFD2: { DateTimeOriginal: '2025:03:10 11:30:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 22/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '49/1 50/1 0/1' },
    })
    .jpeg()
    .toBuffer()
  return { name: `event-${Date.now()}-${index + 1}.jpg`, mimeType: 'image/jpeg', buffer }
}

const filenamesIn = (field: Locator) => field.locator('.upload-relationship-details__filename').allInnerTexts()

/** dnd-kit listens to pointer events: press on the handle, move in steps, release over the target. */
async function dragBefore(page: Page, handle: Locator, target: Locator) {
  const from = (await handle.boundingBox())!
  const to = (await target.boundingBox())!
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 5 })
  await page.mouse.move(to.x + to.width / 2, to.y + 5, { steps: 20 })
  await page.mouse.up()
}

test('bulk upload into a gallery, add from the library, reorder, publish', async ({ page }) => {
  test.setTimeout(180_000)
  const title = `Bulk upload ${Date.now()}`
  await logIn(page, 'editor@example.com')
  // Azerbaijani, whatever locale an earlier test left as this editor's preference: the alt text
  // written in the drawer must be the default language's for the gallery to publish.
  await page.goto('/admin/collections/galleries/create?locale=az')
  await page.locator('#field-title').fill(title)
  const photos = page.locator('#field-photos')

  // Bulk upload: three files at once, each described in the drawer before saving.
  await photos.getByRole('button', { name: 'Create New' }).click()
  const drawer = page.locator('dialog[open]').last()
  const files = await Promise.all([0, 1, 2].map(cameraFile))
  await drawer.locator('input[type=file]').setInputFiles(files)
  await expect(drawer.getByText('3 Files to Upload').first()).toBeVisible()
  for (let i = 0; i < 3; i++) {
    await drawer.locator('.file-selections__fileRow').nth(i).click()
    await expect(drawer.locator('.bulk-upload--actions-bar__locationText')).toContainText(`${i + 1} of 3`)
    await drawer.locator('#field-alt').fill(`Fotoşəkil ${i + 1}: nazir nümayəndə heyəti ilə görüşür`)
    await drawer.locator('#field-caption').fill(`Görüş, şəkil ${i + 1}`)
  }
  await drawer.locator('.bulk-upload--actions-bar__buttons button', { hasText: 'Save' }).last().click()
  await expect(photos.locator('.upload-relationship-details__filename')).toHaveCount(3, { timeout: 60_000 })
  expect(await filenamesIn(photos)).toEqual(files.map((f) => f.name))

  // From the media library: a photo uploaded earlier (the seed's).
  await photos.getByRole('button', { name: 'Choose from existing' }).click()
  const list = page.locator('dialog[open]').last()
  await list.getByPlaceholder('Search by File Name').fill('seed-004-gallery-image-1.jpg')
  await list.getByText('seed-004-gallery-image-1.jpg', { exact: true }).first().click()
  await expect(photos.locator('.upload-relationship-details__filename')).toHaveCount(4)
  const picked = [...files.map((f) => f.name), 'seed-004-gallery-image-1.jpg']
  expect(await filenamesIn(photos)).toEqual(picked)

  // Reorder by keyboard (dnd-kit: Space to lift, arrows to move, Space to drop): the library photo goes first.
  const handles = photos.locator('.upload--has-many__drag')
  await handles.nth(3).focus()
  for (const key of ['Space', 'ArrowUp', 'ArrowUp', 'ArrowUp', 'Space']) {
    await page.keyboard.press(key)
    await page.waitForTimeout(250) // dnd-kit moves the lifted item on the next animation frames
  }
  await expect.poll(() => filenamesIn(photos)).toEqual([picked[3], picked[0], picked[1], picked[2]])

  // Reorder by mouse drag: the last uploaded photo goes before the first uploaded one.
  await dragBefore(page, handles.nth(3), photos.locator('.upload--has-many__dragItem').nth(1))
  const order = [picked[3], picked[2], picked[0], picked[1]]
  await expect.poll(() => filenamesIn(photos)).toEqual(order)

  // A click while an autosave is running is ignored: retry until the document says it is published.
  await expect(async () => {
    await page.locator('#action-save').click()
    await expect(page.locator('.doc-controls__status, .status').first()).toContainText(/Published|Dərc|Опубликовано/i, { timeout: 3000 })
  }).toPass({ timeout: 30_000 })

  // Stored in that order, published, each photo described, credit and date read from EXIF, no GPS left.
  const found = await page.request.get(`/api/galleries?where[title][equals]=${encodeURIComponent(title)}&depth=1&locale=az`)
  const gallery = ((await found.json()) as { docs: { id: string; _status: string; slug: string; photos: { id: string; filename: string; alt: string; credit?: string; dateTaken?: string; url: string }[] }[] }).docs[0]!
  expect(gallery._status).toBe('published')
  expect(gallery.photos.map((p) => p.filename)).toEqual(order)
  for (const photo of gallery.photos.filter((p) => p.filename.startsWith('event-'))) {
    expect(photo.alt).toMatch(/^Fotoşəkil \d: nazir/)
    expect(photo.credit).toBe('Press Office Photographer')
    expect(photo.dateTaken).toBe('2025-03-10T07:30:00.000Z')
    const file = await page.request.get(photo.url)
    expect(file.status()).toBe(200)
    const { exif } = await sharp(Buffer.from(await file.body())).metadata()
    expect(exif?.toString('latin1') ?? '').not.toMatch(/Canon|GPS/)
  }

  // The public gallery shows them in the same order.
  await page.goto(`/az/galleries/${gallery.slug}`)
  const alts = await page.locator('.gallery-grid img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('alt')))
  expect(alts).toEqual(gallery.photos.map((p) => p.alt))

  // A journalist downloads the original, named after its photographer, without camera data.
  const first = gallery.photos.find((p) => p.filename.startsWith('event-'))!
  const download = await page.request.get(`/download/${first.id}`)
  expect(download.status()).toBe(200)
  expect(download.headers()['content-type']).toBe('image/jpeg')
  expect(download.headers()['content-disposition']).toBe(
    `attachment; filename="Press Office Photographer - ${first.filename}"; filename*=UTF-8''Press%20Office%20Photographer%20-%20${first.filename}`,
  )
  const { exif, width } = await sharp(Buffer.from(await download.body())).metadata()
  expect(width).toBe(1200)
  expect(exif?.toString('latin1') ?? '').not.toMatch(/Canon|GPS/)

  // A published gallery now gets the day it was published and shows among the home page's latest:
  // leave the seeded home as tests/e2e/public-home.spec.ts expects it (only admins delete).
  const login = await page.request.post('/api/users/login', { data: { email: 'admin@example.com', password: DEMO_PASSWORD } })
  const { token } = (await login.json()) as { token: string }
  expect((await page.request.delete(`/api/galleries/${gallery.id}`, { headers: { Authorization: `JWT ${token}` } })).status()).toBe(200)
})

test('the admin says where a photo is used when deleting it is refused', async ({ page }) => {
  await logIn(page, 'editor@example.com')
  const found = await page.request.get('/api/media?where[filename][equals]=seed-004-gallery-image-2.jpg&depth=0')
  const id = ((await found.json()) as { docs: { id: string }[] }).docs[0]!.id
  await page.goto(`/admin/collections/media/${id}`)
  await expect(page.getByRole('heading', { name: 'Used in' })).toBeVisible()
  await page.locator('.doc-controls__dots').click()
  await page.locator('#action-delete').click()
  await page.locator('#confirm-action').click()
  const toast = page.locator('.payload-toast-container')
  await expect(toast).toContainText('This image is used in one place: gallery “President Aliyev')
  await expect(toast).toContainText('only an admin can delete an image that is still in use')
  expect((await page.request.get(`/api/media/${id}`)).status()).toBe(200)
})

test('publishing a gallery with a photo that lacks Azerbaijani alt text names the photo', async ({ page }) => {
  await logIn(page, 'editor@example.com')
  const name = `undescribed-${Date.now()}.jpg`
  // Payload accepts the login cookie on a write only from the site's own origin (CSRF protection).
  const origin = { Origin: new URL(page.url()).origin }
  const created = await page.request.post('/api/media?locale=en', {
    headers: origin,
    multipart: {
      file: { name, mimeType: 'image/jpeg', buffer: (await cameraFile(0)).buffer },
      _payload: JSON.stringify({ alt: 'Described in English only' }),
    },
  })
  expect(created.status()).toBe(201)
  const mediaId = ((await created.json()) as { doc: { id: string } }).doc.id
  const gallery = await page.request.post('/api/galleries?draft=true', { headers: origin, data: { title: `Undescribed ${Date.now()}`, photos: [mediaId] } })
  const galleryId = ((await gallery.json()) as { doc: { id: string } }).doc.id

  await page.goto(`/admin/collections/galleries/${galleryId}?locale=az`)
  await expect(async () => {
    await page.locator('#action-save').click()
    await expect(page.locator('.payload-toast-container')).toContainText(`Cannot publish: “${name}” has no alt text in Azerbaijani`, { timeout: 3000 })
  }).toPass({ timeout: 30_000 })
  const stored = await page.request.get(`/api/galleries/${galleryId}?draft=false`)
  expect(((await stored.json()) as { _status?: string })._status).not.toBe('published')
})
