import { describe, expect, it } from 'vitest'

import { attachmentHeader, creditedFilename } from '@/media/download'

describe('credited download names', () => {
  it('puts the credit before the file name and drops characters no file system accepts', () => {
    expect(creditedFilename('_Y7A8241_1.jpg', 'Leyla Məmmədova')).toBe('Leyla Məmmədova - _Y7A8241_1.jpg')
    expect(creditedFilename('IMG_8788+ 2.jpg', 'Press / Office: "MIA"\n')).toBe('Press Office MIA - IMG_8788+ 2.jpg')
    expect(creditedFilename('photo.jpg', null)).toBe('photo.jpg')
    expect(creditedFilename('../../etc/passwd', 'x')).toBe('x - .. .. etc passwd')
  })

  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentHeader('Leyla Məmmədova - a.jpg')).toBe(
      `attachment; filename="Leyla Memmedova - a.jpg"; filename*=UTF-8''Leyla%20M%C9%99mm%C9%99dova%20-%20a.jpg`,
    )
    expect(attachmentHeader('Пресс-служба "МВД" (1).jpg')).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/)
    expect(attachmentHeader('a"b\\c.jpg')).toContain('filename="a_b_c.jpg"')
  })
})
