/**
 * The admin texts of the project's own fields and collections, per admin language: labels,
 * descriptions, tab and option labels, array row labels, collection labels and nav groups. Payload
 * shows each in the staff member's admin language (az, en, ru) and falls back to English. The English
 * texts are the ones the admin showed before (Payload's own labels from a field's name included), which
 * the browser tests look for. tests/int/admin-labels.test.ts checks that every one is given in all three.
 */
export type AdminLanguage = 'az' | 'en' | 'ru'
/** One admin text in every admin language. */
export type AdminText = Record<AdminLanguage, string>

const texts = <T extends Record<string, AdminText>>(set: T): T => set

/** Texts several collections share. */
export const commonLabels = texts({
  title: { az: 'Başlıq', en: 'Title', ru: 'Заголовок' },
  date: { az: 'Tarix', en: 'Date', ru: 'Дата' },
  agency: { az: 'Qurum', en: 'Agency', ru: 'Ведомство' },
  slug: { az: 'Ünvan (slug)', en: 'Slug', ru: 'Адрес (slug)' },
  slugDescription: {
    az: 'Bu səhifənin veb ünvanı. Başlıqdan yaradılması üçün boş saxlayın.',
    en: 'Web address of this page. Leave empty to make it from the title.',
    ru: 'Веб-адрес этой страницы. Оставьте пустым, чтобы он был создан из заголовка.',
  },
  email: { az: 'E-poçt', en: 'Email', ru: 'Эл. почта' },
  reason: { az: 'Səbəb', en: 'Reason', ru: 'Причина' },
})

/** The admin's navigation groups. */
export const navGroups = texts({
  content: { az: 'Məzmun', en: 'Content', ru: 'Материалы' },
  directory: { az: 'Soraq kitabçası', en: 'Directory', ru: 'Справочник' },
  media: { az: 'Media', en: 'Media', ru: 'Медиа' },
  administration: { az: 'İdarəetmə', en: 'Administration', ru: 'Администрирование' },
})

/** Collection labels (the nav, list and document headings). */
export const collectionLabels = {
  releases: {
    singular: { az: 'Press-reliz', en: 'Release', ru: 'Пресс-релиз' },
    plural: { az: 'Press-relizlər', en: 'Releases', ru: 'Пресс-релизы' },
  },
  officials: {
    singular: { az: 'Rəsmi şəxs', en: 'Official', ru: 'Должностное лицо' },
    plural: { az: 'Rəsmi şəxslər', en: 'Officials', ru: 'Должностные лица' },
  },
  agencies: {
    singular: { az: 'Qurum', en: 'Agency', ru: 'Ведомство' },
    plural: { az: 'Qurumlar', en: 'Agencies', ru: 'Ведомства' },
  },
  galleries: {
    singular: { az: 'Qalereya', en: 'Gallery', ru: 'Галерея' },
    plural: { az: 'Qalereyalar', en: 'Galleries', ru: 'Галереи' },
  },
  media: {
    singular: { az: 'Media faylı', en: 'Media', ru: 'Медиафайл' },
    plural: { az: 'Media faylları', en: 'Media', ru: 'Медиафайлы' },
  },
  users: {
    singular: { az: 'İstifadəçi', en: 'User', ru: 'Пользователь' },
    plural: { az: 'İstifadəçilər', en: 'Users', ru: 'Пользователи' },
  },
  removedReleases: {
    singular: { az: 'Silinmiş press-reliz', en: 'Removed Release', ru: 'Удалённый пресс-релиз' },
    plural: { az: 'Silinmiş press-relizlər', en: 'Removed Releases', ru: 'Удалённые пресс-релизы' },
  },
} satisfies Record<string, { singular: AdminText; plural: AdminText }>

export const releaseLabels = texts({
  tabContent: { az: 'Məzmun', en: 'Content', ru: 'Содержание' },
  tabRelations: { az: 'Qurumlar, şəxslər, şəkillər', en: 'Agencies, people, images', ru: 'Ведомства, персоны, изображения' },
  tabChanges: { az: 'Dəyişikliklər və geri çəkilmə', en: 'Changes and withdrawal', ru: 'Изменения и отзыв' },

  type: { az: 'Növ', en: 'Type', ru: 'Тип' },
  typePressRelease: { az: 'Press-reliz', en: 'Press release', ru: 'Пресс-релиз' },
  typeNews: { az: 'Xəbər', en: 'News', ru: 'Новость' },
  typeStatement: { az: 'Bəyanat', en: 'Statement', ru: 'Заявление' },
  typeMediaCoverage: { az: 'KİV-də işıqlandırma', en: 'Media coverage', ru: 'Освещение в СМИ' },
  featured: { az: 'Seçilmiş', en: 'Featured', ru: 'Избранное' },
  featuredDescription: {
    az: 'Ana səhifədə birinci göstərilir (seçilmişlərdən ən yenisi).',
    en: 'Shown first on the home page (the newest featured release wins).',
    ru: 'Показывается первым на главной странице (из избранных — самый новый).',
  },
  lead: { az: 'Lid', en: 'Lead', ru: 'Лид' },
  leadDescription: {
    az: 'Siyahılarda və başlığın altında göstərilən bir-iki cümlə.',
    en: 'One or two sentences shown in lists and under the title.',
    ru: 'Одно-два предложения, которые показываются в списках и под заголовком.',
  },
  body: { az: 'Mətn', en: 'Body', ru: 'Текст' },
  publishedAt: { az: 'Dərc tarixi və vaxtı', en: 'Publication date and time', ru: 'Дата и время публикации' },
  publishedAtDescription: {
    az: 'Bakı vaxtı (Asia/Baku). Boş qalsa, ilk dərc zamanı qoyulur.',
    en: 'Asia/Baku. Set on first publish if left empty.',
    ru: 'Время Баку (Asia/Baku). Если оставить пустым, ставится при первой публикации.',
  },
  datePrecision: { az: 'Tarixin dəqiqliyi', en: 'Date Precision', ru: 'Точность даты' },
  datePrecisionDescription: {
    az: 'Dərc tarixinin nə dərəcədə məlum olduğu.',
    en: 'How much of the publication date is known.',
    ru: 'Насколько точно известна дата публикации.',
  },
  precisionDatetime: { az: 'Tarix və vaxt', en: 'Date and time', ru: 'Дата и время' },
  precisionDate: { az: 'Yalnız tarix', en: 'Date only', ru: 'Только дата' },
  precisionYear: { az: 'Yalnız il (arxiv materialları)', en: 'Year only (archive items)', ru: 'Только год (архивные материалы)' },
  place: { az: 'Yer', en: 'Place', ru: 'Место' },
  placeDescription: { az: 'məs. Bakı', en: 'e.g. Baku', ru: 'напр. Баку' },

  leadAgency: { az: 'Kimdən (əsas qurum)', en: 'From (lead agency)', ru: 'От кого (ведущее ведомство)' },
  supportingAgencies: { az: 'İştirakçı qurumlar', en: 'Supporting Agencies', ru: 'Участвующие ведомства' },
  officials: { az: 'Adı çəkilən rəsmi şəxslər', en: 'Officials mentioned', ru: 'Упомянутые должностные лица' },
  heroImage: { az: 'Əsas şəkil', en: 'Hero Image', ru: 'Главное изображение' },
  gallery: { az: 'Qalereya', en: 'Gallery', ru: 'Галерея' },
  source: { az: 'Mənbə (təkrar dərc olunan materiallar)', en: 'Source (republished items)', ru: 'Источник (перепечатанные материалы)' },
  sourceDescription: {
    az: 'İlk dəfə başqa yerdə dərc olunmuş materiallar üçün.',
    en: 'For items first published elsewhere.',
    ru: 'Для материалов, впервые опубликованных в другом месте.',
  },
  outlet: { az: 'KİV', en: 'Outlet', ru: 'СМИ' },
  byline: { az: 'Müəllif', en: 'Byline', ru: 'Автор' },
  originalUrl: { az: 'İlkin ünvan (URL)', en: 'Original Url', ru: 'Исходный адрес (URL)' },
  originalDate: { az: 'İlkin dərc tarixi', en: 'Original Date', ru: 'Дата первой публикации' },

  updateType: { az: 'Dəyişikliyin növü', en: 'Update Type', ru: 'Вид изменения' },
  updateTypeDescription: {
    az: 'Dərc olunmuş press-relizdəki dəyişiklikləri dərc edərkən mütləqdir.',
    en: 'Required when publishing changes to a published release.',
    ru: 'Обязательно при публикации изменений в опубликованном релизе.',
  },
  updateMinor: {
    az: 'Kiçik düzəliş (yazı xətası, tərtibat): oxuculara qeyd göstərilmir',
    en: 'Minor change (typo, formatting): no public note',
    ru: 'Мелкое изменение (опечатка, оформление): без заметки для читателей',
  },
  updateMajor: {
    az: 'Əsaslı dəyişiklik: oxucular dəyişiklik qeydini görür',
    en: 'Major change: readers see a change note',
    ru: 'Существенное изменение: читатели увидят заметку об изменении',
  },
  changeNote: { az: 'Dəyişiklik qeydi', en: 'Change Note', ru: 'Заметка об изменении' },
  changeNoteDescription: {
    az: 'Nə dəyişdi, oxucuların görəcəyi bir cümlə ilə.',
    en: 'What changed, in one sentence readers will see.',
    ru: 'Что изменилось, одним предложением, которое увидят читатели.',
  },
  changeHistory: { az: 'Dəyişikliklərin ictimai tarixçəsi', en: 'Public change history', ru: 'Публичная история изменений' },
  changeHistorySingular: { az: 'Dəyişiklik', en: 'Change History', ru: 'Изменение' },
  changeHistoryPlural: { az: 'Dəyişikliklər', en: 'Change Histories', ru: 'Изменения' },
  note: { az: 'Qeyd', en: 'Note', ru: 'Заметка' },

  withdrawal: { az: 'Geri çəkilmə', en: 'Withdrawal', ru: 'Отзыв' },
  withdrawalDescription: {
    az: 'Geri çəkilmiş press-reliz saytda bildiriş və sizin izahınızla qalır. Yalnız dərc olunmuş press-reliz geri çəkilə bilər.',
    en: 'A withdrawn release stays online with a notice and your explanation. Only a published release can be withdrawn.',
    ru: 'Отозванный релиз остаётся на сайте с уведомлением и вашим пояснением. Отозвать можно только опубликованный релиз.',
  },
  withdrawn: { az: 'Geri çəkilib', en: 'Withdrawn', ru: 'Отозван' },
  withdrawnAt: { az: 'Geri çəkilmə vaxtı', en: 'Withdrawn At', ru: 'Время отзыва' },
  explanation: { az: 'İzah', en: 'Explanation', ru: 'Пояснение' },
  explanationDescription: { az: 'Oxuculara göstərilir.', en: 'Shown to readers.', ru: 'Показывается читателям.' },

  workflow: { az: 'Yoxlama', en: 'Review', ru: 'Проверка' },
  state: { az: 'Yoxlama statusu', en: 'Review status', ru: 'Статус проверки' },
  stateDescription: {
    az: 'Press-relizi redaktora göndərmək üçün “Yoxlamaya göndərilib” seçin və yadda saxlayın.',
    en: 'Choose “Submitted for review” and save to send this release to an editor.',
    ru: 'Чтобы отправить релиз редактору, выберите «Отправлено на проверку» и сохраните.',
  },
  stateDraft: { az: 'Qaralama', en: 'Draft', ru: 'Черновик' },
  stateInReview: { az: 'Yoxlamaya göndərilib', en: 'Submitted for review', ru: 'Отправлено на проверку' },
  statePublished: { az: 'Dərc olunub', en: 'Published', ru: 'Опубликовано' },
  stateWithdrawn: { az: 'Geri çəkilib', en: 'Withdrawn', ru: 'Отозвано' },
  submittedBy: { az: 'Göndərən', en: 'Submitted By', ru: 'Отправил(а)' },
  authors: { az: 'Son dərcdən bəri yazanlar', en: 'Written since the last publish by', ru: 'Правки после последней публикации внесли' },
  authorsDescription: {
    az: 'Server təyin edir. Onların heç biri press-relizi dərc edən yoxlayıcı ola bilməz.',
    en: 'Set by the server. None of them can be the reviewer who publishes it.',
    ru: 'Заполняется сервером. Никто из них не может быть проверяющим, который публикует релиз.',
  },
  submittedAt: { az: 'Göndərilmə vaxtı', en: 'Submitted At', ru: 'Время отправки' },
  reviewedBy: { az: 'Dərc edən', en: 'Published by', ru: 'Опубликовал(а)' },
  firstPublishedAt: { az: 'İlk dərc vaxtı', en: 'First Published At', ru: 'Время первой публикации' },
  forcePublishReason: { az: 'Yoxlamasız dərc: səbəb', en: 'Publish without review: reason', ru: 'Публикация без проверки: причина' },
  forcePublishReasonDescription: {
    az: 'Yalnız redaktorlar, təcili materiallar üçün. Qeyd olunur və ikinci redaktor yoxlayana qədər göstərilir.',
    en: 'Editors only, for urgent items. Recorded and shown until a second editor reviews it.',
    ru: 'Только для редакторов, для срочных материалов. Записывается и показывается, пока второй редактор не проверит.',
  },
  forcePublished: { az: 'Yoxlamasız dərc olunub', en: 'Published without review', ru: 'Опубликовано без проверки' },
  forceKind: { az: 'Növ', en: 'Kind', ru: 'Вид' },
  forceKindForce: {
    az: 'Yoxlamasız, səbəb göstərilməklə dərc olunub',
    en: 'Published without review, with a reason',
    ru: 'Опубликовано без проверки, с указанием причины',
  },
  forceKindMinor: {
    az: 'Redaktorun təkbaşına etdiyi kiçik düzəliş',
    en: 'Minor change by an editor alone',
    ru: 'Мелкая правка, внесённая редактором самостоятельно',
  },
  forceBy: { az: 'Dərc edən', en: 'By', ru: 'Опубликовал(а)' },
  forceAt: { az: 'Dərc vaxtı', en: 'At', ru: 'Время публикации' },
  forceReviewedBy: { az: 'Yoxlayan', en: 'Reviewed By', ru: 'Проверил(а)' },
  forceReviewedAt: { az: 'Yoxlama vaxtı', en: 'Reviewed At', ru: 'Время проверки' },
  confirmForceReview: {
    az: 'Bu press-relizi yoxladım (yoxlamasız dərc olunub)',
    en: 'I have reviewed this release (published without review)',
    ru: 'Я проверил(а) этот релиз (опубликован без проверки)',
  },

  importSource: { az: 'İdxal mənbəyi', en: 'Import Source', ru: 'Источник импорта' },
  importKey: { az: 'Açar', en: 'Key', ru: 'Ключ' },
  importFile: { az: 'Fayl', en: 'File', ru: 'Файл' },
  importPhotos: { az: 'Mənbədə adı çəkilən fotolar', en: 'Photos named in the source', ru: 'Фотографии, указанные в источнике' },
  importPhotosDescription: {
    az: 'Bunları yükləyin və qalereyaya əlavə edin.',
    en: 'Upload these and add them to the gallery.',
    ru: 'Загрузите их и добавьте в галерею.',
  },
})

export const agencyLabels = texts({
  name: { az: 'Ad', en: 'Name', ru: 'Название' },
  shortName: { az: 'Qısa ad', en: 'Short Name', ru: 'Краткое название' },
  shortNameDescription: { az: 'məs. DİN, DMX', en: 'e.g. MIA, SMS', ru: 'напр. МВД, ГМС' },
  kind: { az: 'Növ', en: 'Kind', ru: 'Тип' },
  kindMinistry: { az: 'Nazirlik', en: 'Ministry', ru: 'Министерство' },
  kindStateService: { az: 'Dövlət xidməti', en: 'State service', ru: 'Государственная служба' },
  kindStructuralUnit: { az: 'Struktur bölmə', en: 'Structural unit', ru: 'Структурное подразделение' },
  kindInternational: { az: 'Beynəlxalq təşkilat', en: 'International organisation', ru: 'Международная организация' },
  kindMediaOutlet: { az: 'KİV', en: 'Media outlet', ru: 'СМИ' },
  kindOtherStateBody: { az: 'Digər dövlət orqanı', en: 'Other state body', ru: 'Другой государственный орган' },
  parent: { az: 'Tabe olduğu qurum', en: 'Parent', ru: 'Вышестоящее ведомство' },
  parentDescription: {
    az: 'Struktur bölmə üçün: tabe olduğu nazirlik.',
    en: 'For a structural unit: the ministry it belongs to.',
    ru: 'Для структурного подразделения: министерство, в которое оно входит.',
  },
  website: { az: 'Veb sayt', en: 'Website', ru: 'Веб-сайт' },
  logo: { az: 'Loqo', en: 'Logo', ru: 'Логотип' },
  description: { az: 'Təsvir', en: 'Description', ru: 'Описание' },
  contacts: { az: 'Əlaqə', en: 'Contacts', ru: 'Контакты' },
  address: { az: 'Ünvan', en: 'Address', ru: 'Адрес' },
  phone: { az: 'Telefon', en: 'Phone', ru: 'Телефон' },
})

export const officialLabels = texts({
  name: { az: 'Ad, soyad', en: 'Name', ru: 'Имя и фамилия' },
  rank: { az: 'Rütbə', en: 'Rank', ru: 'Звание' },
  rankDescription: { az: 'məs. general-polkovnik', en: 'e.g. Colonel-General', ru: 'напр. генерал-полковник' },
  portrait: { az: 'Portret', en: 'Portrait', ru: 'Портрет' },
  biography: { az: 'Tərcümeyi-hal', en: 'Biography', ru: 'Биография' },
  positions: { az: 'Vəzifələr', en: 'Positions', ru: 'Должности' },
  position: { az: 'Vəzifə', en: 'Position', ru: 'Должность' },
  positionsHeld: { az: 'Tutduğu vəzifələr', en: 'Positions held', ru: 'Занимаемые должности' },
  positionsDescription: {
    az: 'Tutduğu bütün vəzifələr, tarixləri ilə. Hazırda tutduğu vəzifənin bitmə tarixini boş saxlayın.',
    en: 'Every post held, with dates. Leave the end date empty for a post held now.',
    ru: 'Все занимаемые должности с датами. Для нынешней должности оставьте дату окончания пустой.',
  },
  positionTitle: { az: 'Vəzifə', en: 'Title', ru: 'Должность' },
  startDate: { az: 'Başlama tarixi', en: 'Start Date', ru: 'Дата начала' },
  endDate: { az: 'Bitmə tarixi', en: 'End Date', ru: 'Дата окончания' },
  headOfAgency: { az: 'Qurumun rəhbəri', en: 'Head Of Agency', ru: 'Руководитель ведомства' },
  headOfAgencyDescription: {
    az: 'Eyni vaxtda yalnız bir nəfərin tuta biləcəyi vəzifə (nazir, xidmət rəisi).',
    en: 'A post one person holds at a time (minister, chief of service).',
    ru: 'Должность, которую одновременно занимает один человек (министр, начальник службы).',
  },
  currentTitle: { az: 'Hazırkı vəzifə', en: 'Current Title', ru: 'Текущая должность' },
  currentTitleDescription: {
    az: 'Hazırda tutduğu vəzifələrdən götürülür.',
    en: 'Derived from the positions held now.',
    ru: 'Определяется по должностям, занимаемым сейчас.',
  },
})

export const galleryLabels = texts({
  dateDescription: {
    az: 'Boş qalsa, qalereyanın dərc olunduğu gün olur.',
    en: 'Left empty, it becomes the day the gallery is published.',
    ru: 'Если оставить пустым, будет дата публикации галереи.',
  },
  photos: { az: 'Fotolar', en: 'Photos', ru: 'Фотографии' },
  photosDescription: {
    az: 'Bir neçə fotonu birdən atın (toplu yükləmə) və ya media kitabxanasından seçin; sıranı dəyişmək üçün sürükləyin. Şəkilaltı yazı, müəllif və alternativ mətn hər fotonun özünə aiddir.',
    en: 'Drop many photos at once (bulk upload) or choose them from the media library; drag to reorder. Caption, credit and alt text belong to each photo.',
    ru: 'Перетащите сразу несколько фотографий (массовая загрузка) или выберите их в медиатеке; порядок меняется перетаскиванием. Подпись, автор и альтернативный текст относятся к каждой фотографии.',
  },
  cover: { az: 'Örtük şəkli', en: 'Cover', ru: 'Обложка' },
  coverDescription: {
    az: 'Siyahılarda və paylaşılanda göstərilir. Seçilməsə, ilk foto götürülür.',
    en: 'Shown in lists and when shared. Defaults to the first photo.',
    ru: 'Показывается в списках и при отправке ссылки. По умолчанию — первая фотография.',
  },
})

export const mediaLabels = texts({
  description: {
    az: 'Press-relizlər və qalereyalar üçün fotolar. Yükləmə zamanı yer və kamera məlumatları silinir.',
    en: 'Photos for releases and galleries. Location and camera data are removed on upload.',
    ru: 'Фотографии для релизов и галерей. Данные о местоположении и камере удаляются при загрузке.',
  },
  alt: { az: 'Alternativ mətn', en: 'Alt text', ru: 'Альтернативный текст' },
  altDescription: {
    az: 'Fotoda nə göstərildiyi, onu görə bilməyən oxucular üçün (məs. “Nazir nümayəndə heyəti ilə sazişi imzalayır”). Onu göstərən hər hansı material dərc olunmazdan əvvəl Azərbaycan dilində yazılmalıdır.',
    en: 'What the photo shows, for readers who cannot see it (e.g. “The minister signs the agreement with the delegation”). Needed in Azerbaijani before anything showing it is published.',
    ru: 'Что изображено на фотографии, для читателей, которые не могут её увидеть (напр. «Министр подписывает соглашение с делегацией»). Нужен на азербайджанском языке до публикации любого материала с этой фотографией.',
  },
  caption: { az: 'Şəkilaltı yazı', en: 'Caption', ru: 'Подпись' },
  credit: { az: 'Müəllif', en: 'Credit', ru: 'Автор' },
  creditDescription: {
    az: 'Fotoqraf və ya mənbə. Foto faylında göstərilibsə, oradan oxunur.',
    en: 'Photographer or source. Read from the photo when it says.',
    ru: 'Фотограф или источник. Берётся из файла фотографии, если он там указан.',
  },
  dateTaken: { az: 'Çəkiliş tarixi', en: 'Date Taken', ru: 'Дата съёмки' },
  dateTakenDescription: {
    az: 'Foto faylında (EXIF) göstərilibsə, oradan oxunur.',
    en: 'Read from the photo (EXIF) when it says.',
    ru: 'Берётся из фотографии (EXIF), если там указана.',
  },
  usedIn: { az: 'İstifadə olunduğu yerlər', en: 'Used In', ru: 'Где используется' },
  /** The "Used in" panel (src/components/admin/MediaUsage.tsx). */
  usedInHeading: { az: 'İstifadə olunduğu yerlər', en: 'Used in', ru: 'Где используется' },
  notUsed: {
    az: 'Hələ heç yerdə istifadə olunmur: silinə bilər.',
    en: 'Not used anywhere yet: it can be deleted.',
    ru: 'Пока нигде не используется: её можно удалить.',
  },
  inPublishedUse: { az: 'Saytda göstərilir', en: 'On the public site', ru: 'На сайте' },
  inPublishedUseDescription: {
    az: 'Server təyin edir: bu foto dərc olunmuş press-relizdə, qalereyada, rəsmi şəxsin və ya qurumun səhifəsində göstərilir. O vaxta qədər onu yalnız əməkdaşlar aça bilər.',
    en: 'Set by the server: a published release, gallery, official or agency shows this photo. Until then only staff can open it.',
    ru: 'Заполняется сервером: фотография показана в опубликованном релизе, галерее, на странице должностного лица или ведомства. До этого её могут открыть только сотрудники.',
  },
  deleteWhileInUse: { az: 'İstifadə olunsa da, sil', en: 'Delete even though it is used', ru: 'Удалить, хотя она используется' },
  deleteWhileInUseDescription: {
    az: 'Yalnız administratorlar üçün. Onu göstərən səhifələr onsuz qalacaq.',
    en: 'Admins only. The pages that show it will go without it.',
    ru: 'Только для администраторов. Страницы, где она показана, останутся без неё.',
  },
})

export const userLabels = texts({
  name: { az: 'Ad', en: 'Name', ru: 'Имя' },
  twoFactor: { az: 'İki mərhələli giriş', en: 'Two-factor sign-in', ru: 'Двухфакторный вход' },
  roles: { az: 'Rollar', en: 'Roles', ru: 'Роли' },
  rolesDescription: {
    az: 'Müəlliflər yazır və yoxlamaya göndərir; redaktorlar yoxlayır və dərc edir; administratorlar istifadəçiləri idarə edir və silir.',
    en: 'Contributors write and submit; editors review and publish; admins manage users and delete.',
    ru: 'Авторы пишут и отправляют на проверку; редакторы проверяют и публикуют; администраторы управляют пользователями и удаляют.',
  },
  disabled: { az: 'Hesab bağlıdır', en: 'Disabled', ru: 'Учётная запись отключена' },
  disabledDescription: {
    az: 'Bağlı hesabla daxil olmaq olmur; qeyd edildiyi an bütün seansları bitir.',
    en: 'A disabled account cannot sign in; ticking this ends all its sessions at once.',
    ru: 'С отключённой учётной записью войти нельзя; отметка сразу завершает все её сеансы.',
  },
  sessions: { az: 'Seanslar', en: 'Sessions', ru: 'Сеансы' },
})

/** The role names (values in src/access/roles.ts). */
export const roleLabels = {
  contributor: { az: 'Müəllif', en: 'Contributor', ru: 'Автор' },
  editor: { az: 'Redaktor', en: 'Editor', ru: 'Редактор' },
  admin: { az: 'Administrator', en: 'Admin', ru: 'Администратор' },
} satisfies Record<'contributor' | 'editor' | 'admin', AdminText>

export const removedReleaseLabels = texts({
  description: {
    az: 'Silinmiş press-relizlərin veb ünvanları. Onlar “410 Gone” cavabını verir. Ünvandan yenidən istifadə etmək üçün sətri silin.',
    en: 'Web addresses of deleted releases. They answer “410 Gone”. Delete a row to let the address be reused.',
    ru: 'Веб-адреса удалённых релизов. Они отвечают «410 Gone». Удалите строку, чтобы адрес можно было использовать снова.',
  },
  locale: { az: 'Dil', en: 'Locale', ru: 'Язык' },
  removedAt: { az: 'Silinmə vaxtı', en: 'Removed At', ru: 'Время удаления' },
})
