/**
 * Payload's admin texts the press office reads differently, and the app's own (`pressOffice:`). A
 * restore always brings a version back as a draft (src/workflow/restoreAsDraft.ts): the admin's
 * confirmation says so before, and the endpoint's answer after.
 */
export const adminTranslations = {
  az: {
    version: {
      aboutToRestore:
        'Bu {{label}} sənədini {{versionDate}} tarixindəki vəziyyətinə bərpa etmək üzrəsiniz. O, qaralama kimi bərpa olunur: saytda yalnız dərc olunandan sonra dəyişəcək.',
    },
    pressOffice: {
      restoredAsDraft: 'Qaralama kimi bərpa olundu. Saytda yalnız dərc olunandan sonra dəyişəcək.',
    },
  },
  en: {
    version: {
      aboutToRestore:
        'You are about to restore this {{label}} document to the state that it was in on {{versionDate}}. It comes back as a draft: the public site changes only when it is published.',
    },
    pressOffice: {
      restoredAsDraft: 'Restored as a draft. The public site changes only when it is published.',
    },
  },
  ru: {
    version: {
      aboutToRestore:
        'Вы собираетесь восстановить этот документ {{label}} в состояние, в котором он находился {{versionDate}}. Версия восстановится как черновик: на сайте изменения появятся только после публикации.',
    },
    pressOffice: {
      restoredAsDraft: 'Восстановлено как черновик. На сайте изменения появятся только после публикации.',
    },
  },
}
