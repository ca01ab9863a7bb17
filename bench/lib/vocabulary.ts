/**
 * Words for synthetic releases, per language. Frequent words come first; a long tail of made-up
 * words from each language's syllables follows, so word frequencies fall off like real text
 * (a few words in nearly every release, most in a handful).
 */
import type { Locale } from '@/i18n/locales'

const COMMON: Record<Locale, string[]> = {
  az: `və bu ilə üçün olan da ki ilə bir Azərbaycan Respublikası nazirlik nazir dövlət tədbir iclas
    görüş əməkdaşlıq layihə proqram inkişaf təhlükəsizlik vətəndaşlar xidmət hesabat qərar
    prezident İlham Əliyev Bakı şəhər rayon Şəki Gəncə Sumqayıt Lənkəran Quba Şuşa Ağdam
    mühüm məsələlər müzakirə edildi bildirdi qeyd olundu çıxış etdi iştirak etmişdir tədbirdə
    beynəlxalq təşkilat nümayəndə heyəti səfər ölkələr arasında münasibətlər iqtisadi sosial
    təhsil səhiyyə kənd təsərrüfatı ekologiya energetika nəqliyyat rəqəmsal innovasiya gənclər
    idman mədəniyyət turizm investisiya ixrac istehsal müəssisə sahibkarlıq dəstək tədbirləri
    qanun layihəsi Milli Məclis Nazirlər Kabineti fərman sərəncam icra hakimiyyəti başçısı
    polis əməliyyat cinayət işi istintaq məhkəmə prokurorluq yol hərəkəti sürücülər qəza
    yanğın fövqəladə hallar xilasedicilər su təchizatı qaz elektrik enerjisi tikinti təmir
    açılış mərasimi yubiley konfrans forum sərgi seminar təlim kurs mükafat təltif olunmuşdur`
    .split(/\s+/),
  en: `the and of to in for on with by at from is was were has have this that as an a are
    ministry minister state event meeting cooperation project programme development security
    citizens service report decision president Ilham Aliyev Baku city district Sheki Ganja
    important issues discussed said noted speech attended participants international
    organisation delegation visit countries relations between economic social education health
    agriculture ecology energy transport digital innovation youth sport culture tourism
    investment export production enterprise business support measures draft law parliament
    cabinet decree order executive authority head police operation criminal case investigation
    court prosecutor road traffic drivers accident fire emergency rescuers water supply gas
    electricity construction repair opening ceremony anniversary conference forum exhibition
    seminar training course award honoured region national public officials agreement signed`
    .split(/\s+/),
  ru: `и в на с по для от что это был была были как к о из также Азербайджанской Республики
    министерство министр государственный мероприятие заседание встреча сотрудничество проект
    программа развитие безопасность граждане служба отчёт решение президент Ильхам Алиев Баку
    город район Шеки Гянджа Сумгайыт важные вопросы обсуждены отметил заявил выступил приняли
    участие международной организации делегация визит стран отношения между экономический
    социальный образование здравоохранение сельское хозяйство экология энергетика транспорт
    цифровой инновации молодёжь спорт культура туризм инвестиции экспорт производство
    предприятие предпринимательство поддержка меры законопроект Милли Меджлис Кабинет
    Министров указ распоряжение исполнительной власти глава полиция операция уголовное дело
    следствие суд прокуратура дорожное движение водители авария пожар чрезвычайных ситуаций
    спасатели водоснабжение газ электроэнергия строительство ремонт открытие церемония юбилей
    конференция форум выставка семинар обучение награда награждён`
    .split(/\s+/),
}

const SYLLABLES: Record<Locale, string[]> = {
  az: 'ba bə ça çı da də ə ğa gö gü ha hə ı ka kə la lə ma mə na nə o ö ra rə sa sə şa şə ta tə u ü va və ya yə za zə lı lü nı rı sı şı'.split(' '),
  en: 'ba be ca co da de en er fa fo ga ge ha he in is ka ke la le ma me na ne or pa pe ra re sa se ta te th un ve wa we st tr'.split(' '),
  ru: 'ба бе ва ве да де жа за зе ка ко ла ле ма ме на не ов по ра ре са се та те ти ча ше щи ый ль ст тр ск ро но мо ду'.split(' '),
}

const TAIL_SIZE = 4000

/** A deterministic pseudo-random generator (mulberry32): the same seed gives the same archive. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Vocabulary {
  words: string[]
  /** A word, frequent ones far more often (Zipf, s ≈ 1). */
  word(random: () => number): string
}

export function vocabulary(locale: Locale): Vocabulary {
  const made = randomSource(locale.charCodeAt(0) * 31 + locale.charCodeAt(1))
  const syllables = SYLLABLES[locale]
  const tail = new Set<string>()
  while (tail.size < TAIL_SIZE) {
    const length = 2 + Math.floor(made() * 3)
    tail.add(Array.from({ length }, () => syllables[Math.floor(made() * syllables.length)]).join(''))
  }
  const words = [...COMMON[locale], ...tail]
  // Zipf with s = 1: rank r has weight 1/r; sample by inverting the harmonic cumulative sum.
  const cumulative: number[] = []
  let sum = 0
  for (let r = 1; r <= words.length; r++) cumulative.push((sum += 1 / r))
  return {
    words,
    word(random) {
      const x = random() * sum
      let lo = 0
      let hi = cumulative.length - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (cumulative[mid]! < x) lo = mid + 1
        else hi = mid
      }
      return words[lo]!
    },
  }
}
