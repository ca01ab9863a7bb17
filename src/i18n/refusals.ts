/**
 * The server's refusals in the admin's language. The workflow and the upload checks say why in
 * English (the API's language, and what the tests and logs read); a person whose admin is in
 * Azerbaijani or Russian gets the same sentence in their language (config afterError hook below).
 * A message without an entry here stays in English.
 */
import type { AfterErrorHook } from 'payload'

type Lang = 'az' | 'ru'
type Entry = { en: RegExp; az: (m: RegExpMatchArray) => string; ru: (m: RegExpMatchArray) => string }

const LANGUAGE: Record<string, Record<Lang, string>> = {
  Azerbaijani: { az: 'azərbaycanca', ru: 'на азербайджанском' },
  English: { az: 'ingiliscə', ru: 'на английском' },
  Russian: { az: 'rusca', ru: 'на русском' },
}
const languages = (list: string, lang: Lang) =>
  list
    .split(/, | and /)
    .map((name) => LANGUAGE[name]?.[lang] ?? name)
    .join(lang === 'az' ? ' və ' : ' и ')

const exact = (en: string, az: string, ru: string): Entry => ({ en: new RegExp(`^${en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), az: () => az, ru: () => ru })

export const REFUSALS: Entry[] = [
  exact(
    'Contributors cannot publish. Set “Review status” to “Submitted for review” and save: an editor will publish it.',
    'Müəlliflər dərc edə bilmir. “Yoxlama statusu”nu “Yoxlamaya göndərilib” edin və yadda saxlayın: redaktor dərc edəcək.',
    'Авторы не могут публиковать. Выберите «Статус проверки» → «Отправлено на проверку» и сохраните: редактор опубликует.',
  ),
  exact(
    'This release has not been submitted for review. Submit it for another editor to publish, or give a reason to publish without review.',
    'Bu xəbər yoxlamaya göndərilməyib. Onu başqa redaktorun dərc etməsi üçün göndərin və ya yoxlamasız dərc etmək üçün səbəb yazın.',
    'Этот релиз не отправлен на проверку. Отправьте его, чтобы опубликовал другой редактор, или укажите причину публикации без проверки.',
  ),
  exact(
    'You submitted this release yourself: another editor must publish it, or give a reason to publish without review.',
    'Bu xəbəri yoxlamaya özünüz göndərmisiniz: onu başqa redaktor dərc etməlidir və ya yoxlamasız dərc etmək üçün səbəb yazın.',
    'Вы сами отправили этот релиз на проверку: опубликовать его должен другой редактор, или укажите причину публикации без проверки.',
  ),
  exact(
    'You wrote part of this version since it was last published: another editor must review and publish it, or give a reason to publish without review.',
    'Son dərcdən bəri bu versiyanın bir hissəsini siz yazmısınız: onu başqa redaktor yoxlayıb dərc etməlidir və ya yoxlamasız dərc etmək üçün səbəb yazın.',
    'Вы писали эту версию после последней публикации: проверить и опубликовать её должен другой редактор, или укажите причину публикации без проверки.',
  ),
  exact(
    'This release is already published: choose whether this is a minor or a major change.',
    'Bu xəbər artıq dərc olunub: dəyişikliyin kiçik, yoxsa əsaslı olduğunu seçin.',
    'Этот релиз уже опубликован: укажите, мелкое это изменение или существенное.',
  ),
  exact(
    'A major change to a published release needs a change note, which readers will see.',
    'Dərc olunmuş xəbərdə əsaslı dəyişiklik üçün oxucuların görəcəyi dəyişiklik qeydi lazımdır.',
    'Для существенного изменения опубликованного релиза нужна заметка об изменении, её увидят читатели.',
  ),
  exact(
    'A withdrawn release needs a public explanation of why it was withdrawn.',
    'Geri çağırılan xəbər üçün səbəbin ictimai izahı lazımdır.',
    'Для отозванного релиза нужно публичное объяснение причины.',
  ),
  exact(
    'Only a published release can be withdrawn. Unpublish or delete a release that was never meant to be public.',
    'Yalnız dərc olunmuş xəbər geri çağırıla bilər. Heç dərc olunmamalı olan xəbəri dərcdən çıxarın və ya silin.',
    'Отозвать можно только опубликованный релиз. Релиз, который не должен был стать публичным, снимите с публикации или удалите.',
  ),
  exact(
    'This release has unpublished changes. A withdrawal or a review confirmation changes only the notice or the record: publish the changes first, or restore the published version, then do it.',
    'Bu xəbərdə dərc olunmamış dəyişikliklər var. Geri çağırma və ya yoxlamanın təsdiqi yalnız bildirişi və ya qeydi dəyişir: əvvəlcə dəyişiklikləri dərc edin və ya dərc olunmuş versiyanı bərpa edin, sonra bunu edin.',
    'В релизе есть неопубликованные изменения. Отзыв или подтверждение проверки меняет только уведомление или запись: сначала опубликуйте изменения или восстановите опубликованную версию, затем повторите.',
  ),
  exact(
    'Only press office staff can change releases.',
    'Xəbərləri yalnız mətbuat xidmətinin əməkdaşları dəyişə bilər.',
    'Изменять релизы могут только сотрудники пресс-службы.',
  ),
  exact(
    'Restoring a published version would publish it without the review and the change record publishing needs. Restore it as a draft, then publish it as usual.',
    'Dərc olunmuş versiyanı bərpa etmək onu yoxlamasız və dəyişiklik qeydi olmadan dərc edərdi. Onu qaralama kimi bərpa edin, sonra adi qaydada dərc edin.',
    'Восстановление опубликованной версии опубликовало бы её без проверки и записи об изменении. Восстановите её как черновик, затем опубликуйте как обычно.',
  ),
  exact(
    'Only an editor can review a release published without review.',
    'Yoxlamasız dərc olunmuş xəbəri yalnız redaktor yoxlaya bilər.',
    'Проверить релиз, опубликованный без проверки, может только редактор.',
  ),
  exact(
    'There is no publish-without-review to confirm on this release.',
    'Bu xəbərdə təsdiq ediləcək yoxlamasız dərc yoxdur.',
    'В этом релизе нет публикации без проверки, которую нужно подтвердить.',
  ),
  exact(
    'A review confirmation changes nothing else: withdraw a release, or publish it again, on its own.',
    'Yoxlamanın təsdiqi başqa heç nəyi dəyişmir: xəbəri geri çağırmaq və ya yenidən dərc etmək ayrıca edilir.',
    'Подтверждение проверки ничего больше не меняет: отзыв релиза или повторная публикация делаются отдельно.',
  ),
  exact(
    'This publish without review has already been reviewed.',
    'Bu yoxlamasız dərc artıq yoxlanılıb.',
    'Эта публикация без проверки уже проверена.',
  ),
  exact(
    'You wrote part of this release since its last review: another editor must review it.',
    'Son yoxlamadan bəri bu xəbərin bir hissəsini siz yazmısınız: onu başqa redaktor yoxlamalıdır.',
    'Вы писали этот релиз после последней проверки: проверить его должен другой редактор.',
  ),
  exact(
    'This release changed after you opened it: someone saved a newer version. Reload the page to see what changed, then publish.',
    'Siz açandan sonra bu xəbər dəyişib: kimsə daha yeni versiyanı yadda saxlayıb. Nəyin dəyişdiyini görmək üçün səhifəni yeniləyin, sonra dərc edin.',
    'Релиз изменился после того, как вы его открыли: кто-то сохранил более новую версию. Обновите страницу, чтобы увидеть изменения, затем публикуйте.',
  ),
  exact(
    'This release changed after its publication was scheduled: an editor must review it again and schedule it anew.',
    'Bu xəbər dərci planlaşdırıldıqdan sonra dəyişib: redaktor onu yenidən yoxlamalı və yenidən planlaşdırmalıdır.',
    'Релиз изменился после того, как была запланирована публикация: редактор должен проверить его снова и запланировать заново.',
  ),
  exact(
    'Only an editor can unpublish a release.',
    'Xəbəri yalnız redaktor dərcdən çıxara bilər.',
    'Снять релиз с публикации может только редактор.',
  ),
  exact(
    'Only the person who submitted this release or an editor can take it back to draft.',
    'Xəbəri qaralamaya yalnız onu göndərən şəxs və ya redaktor qaytara bilər.',
    'Вернуть релиз в черновик может только отправивший его или редактор.',
  ),
  exact(
    'The review status cannot be set to “Published” by hand: choose “Submitted for review” and save, and an editor publishes it.',
    '“Dərc olunub” statusu əl ilə seçilmir: “Yoxlamaya göndərilib” seçib yadda saxlayın, redaktor dərc edəcək.',
    'Статус «Опубликовано» не выбирается вручную: выберите «Отправлено на проверку» и сохраните, редактор опубликует.',
  ),
  exact(
    'The review status cannot be set to “Withdrawn” by hand: an editor withdraws a published release under “Changes and withdrawal” and publishes.',
    '“Geri çağırılıb” statusu əl ilə seçilmir: redaktor dərc olunmuş xəbəri “Dəyişikliklər və geri çağırma” bölməsində geri çağırıb dərc edir.',
    'Статус «Отозвано» не выбирается вручную: редактор отзывает опубликованный релиз в разделе «Изменения и отзыв» и публикует.',
  ),
  exact(
    'You published this release without review: a second editor must review it.',
    'Bu xəbəri yoxlamasız siz dərc etmisiniz: onu ikinci redaktor yoxlamalıdır.',
    'Вы опубликовали этот релиз без проверки: его должен проверить второй редактор.',
  ),
  exact(
    'Contributors save drafts; an editor publishes.',
    'Müəlliflər qaralama saxlayır; redaktor dərc edir.',
    'Авторы сохраняют черновики; публикует редактор.',
  ),
  exact(
    'Contributors save drafts; an editor unpublishes.',
    'Müəlliflər qaralama saxlayır; dərcdən redaktor çıxarır.',
    'Авторы сохраняют черновики; снимает с публикации редактор.',
  ),
  exact(
    'This photo is on a published page: an editor must change it.',
    'Bu foto dərc olunmuş səhifədədir: onu redaktor dəyişməlidir.',
    'Это фото на опубликованной странице: изменить его должен редактор.',
  ),
  exact(
    'This photo is in a release waiting for review: an editor may be looking at it. Set the release back to draft to change the photo, then submit it again.',
    'Bu foto yoxlama gözləyən xəbərdədir: redaktor ona baxa bilər. Fotonu dəyişmək üçün xəbəri qaralamaya qaytarın, sonra yenidən yoxlamaya göndərin.',
    'Это фото в релизе, ожидающем проверки: редактор может его сейчас смотреть. Чтобы изменить фото, верните релиз в черновик, затем снова отправьте на проверку.',
  ),
  exact(
    'Someone else is editing this document: only an editor can take it over.',
    'Bu sənədi başqası redaktə edir: onu yalnız redaktor ələ ala bilər.',
    'Этот документ редактирует другой человек: перехватить его может только редактор.',
  ),
  {
    en: /^Cannot publish: “(.+)” has no alt text in (.+)\. Describe it in Media first\.$/,
    az: (m) => `Dərc etmək olmur: “${m[1]}” üçün ${languages(m[2]!, 'az')} alternativ mətn yoxdur. Əvvəlcə “Media” bölməsində onu təsvir edin.`,
    ru: (m) => `Нельзя опубликовать: у «${m[1]}» нет альтернативного текста ${languages(m[2]!, 'ru')}. Сначала опишите его в разделе «Медиа».`,
  },
]

/** `message` in `lang`, or as it is when the language is English or the message has no entry. */
export function refusalIn(message: string, lang: string | undefined): string {
  if (lang !== 'az' && lang !== 'ru') return message
  for (const entry of REFUSALS) {
    const match = message.match(entry.en)
    if (match) return entry[lang](match)
  }
  return message
}

/** Config afterError hook: REST and GraphQL refusals in the signed-in person's admin language. */
export const refusalsInAdminLanguage: AfterErrorHook = ({ req, result, graphqlResult }) => {
  const lang = req?.i18n?.language
  if (lang !== 'az' && lang !== 'ru') return
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message: refusalIn(graphqlResult.message, lang) } }
  if (!result) return
  const errors = (result.errors ?? []).map((error) => (error.message ? { ...error, message: refusalIn(error.message, lang) } : error))
  return { response: { ...result, errors } }
}
