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
      reviewQueue: 'Yoxlama',
      reviewWaiting: 'Yoxlamaya göndərilənlər',
      reviewUnreviewed: 'Yoxlamasız dərc olunub, ikinci redaktoru gözləyir',
      reviewNone: 'Yoxdur.',
      reviewTitle: 'Başlıq',
      reviewBy: 'Göndərən',
      reviewWhen: 'Nə vaxt (Bakı vaxtı)',
      reviewLanguages: 'Dillər',
      reviewReason: 'Səbəb',
      untitled: '(başlıqsız)',
      unknownPerson: '(naməlum)',
    },
  },
  en: {
    version: {
      aboutToRestore:
        'You are about to restore this {{label}} document to the state that it was in on {{versionDate}}. It comes back as a draft: the public site changes only when it is published.',
    },
    pressOffice: {
      restoredAsDraft: 'Restored as a draft. The public site changes only when it is published.',
      reviewQueue: 'Review',
      reviewWaiting: 'Submitted for review',
      reviewUnreviewed: 'Published without review, awaiting a second editor',
      reviewNone: 'None.',
      reviewTitle: 'Title',
      reviewBy: 'Submitted by',
      reviewWhen: 'When (Baku time)',
      reviewLanguages: 'Languages',
      reviewReason: 'Reason',
      untitled: '(untitled)',
      unknownPerson: '(unknown)',
    },
  },
  ru: {
    version: {
      aboutToRestore:
        'Вы собираетесь восстановить этот документ {{label}} в состояние, в котором он находился {{versionDate}}. Версия восстановится как черновик: на сайте изменения появятся только после публикации.',
    },
    pressOffice: {
      restoredAsDraft: 'Восстановлено как черновик. На сайте изменения появятся только после публикации.',
      reviewQueue: 'Проверка',
      reviewWaiting: 'Отправлены на проверку',
      reviewUnreviewed: 'Опубликованы без проверки, ждут второго редактора',
      reviewNone: 'Нет.',
      reviewTitle: 'Заголовок',
      reviewBy: 'Отправил(а)',
      reviewWhen: 'Когда (время Баку)',
      reviewLanguages: 'Языки',
      reviewReason: 'Причина',
      untitled: '(без заголовка)',
      unknownPerson: '(неизвестно)',
    },
  },
}
