import type { Config } from 'payload'

/**
 * Payload's admin texts the press office reads differently. The admin's Restore shows one toast for
 * any refused restore and drops the server's reason (src/workflow/restoreKeepsPublicCopy.ts and the
 * release workflow refuse restores that would publish or unpublish): the toast says what is refused.
 */
export const adminTranslations = {
  az: {
    version: {
      problemRestoringVersion:
        'Versiya bərpa olunmadı. Qaralama versiya dərc olunmuş səhifənin üzərinə bərpa edilmir (səhifəni saytdan götürərdi); press-relizin dərc olunmuş versiyası «Qaralamalar kimi bərpa et» ilə bərpa edilir və sonra adi qaydada dərc olunur.',
    },
  },
  en: {
    version: {
      problemRestoringVersion:
        'The version was not restored. A draft version is not restored over a published page (it would take the page off the site); a published version of a release is restored with “Restore as draft”, then published as usual.',
    },
  },
  ru: {
    version: {
      problemRestoringVersion:
        'Версия не восстановлена. Черновую версию нельзя восстановить поверх опубликованной страницы (это сняло бы её с сайта); опубликованную версию пресс-релиза восстанавливают кнопкой «Восстановить как черновик», затем публикуют как обычно.',
    },
  },
} as NonNullable<Config['i18n']>['translations']
