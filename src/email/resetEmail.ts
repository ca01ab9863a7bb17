/** The password-reset message, in the admin languages: subject, plain text and HTML. */
import { isLocale, type Locale } from '@/i18n/locales'

type Texts = { subject: string; hello: (name: string) => string; asked: string; once: (minutes: string) => string; ignore: string; signature: string }

const TEXTS: Record<Locale, Texts> = {
  az: {
    subject: 'Şifrənin bərpası',
    hello: (name) => `Salam, ${name}.`,
    asked: 'Mətbuat xidmətinin idarəetmə panelində hesabınız üçün şifrənin bərpası istənilib. Yeni şifrə təyin etmək üçün bu linki açın:',
    once: (minutes) => `Link yalnız bir dəfə işləyir, ${minutes} dəqiqə ərzində.`,
    ignore: 'Bunu siz istəməmisinizsə, bu məktuba əhəmiyyət verməyin: şifrəniz dəyişməyəcək.',
    signature: 'Mətbuat xidməti',
  },
  en: {
    subject: 'Reset your password',
    hello: (name) => `Hello ${name},`,
    asked: 'Someone asked to reset the password of your account in the press office admin. To choose a new password, open this link:',
    once: (minutes) => `The link works once, for ${minutes} minutes.`,
    ignore: 'If you did not ask for this, ignore this message: your password stays as it is.',
    signature: 'Press office',
  },
  ru: {
    subject: 'Сброс пароля',
    hello: (name) => `Здравствуйте, ${name}.`,
    asked: 'Для вашей учётной записи в панели пресс-службы запрошен сброс пароля. Чтобы задать новый пароль, откройте ссылку:',
    once: (minutes) => `Ссылка работает один раз, в течение ${minutes} мин.`,
    ignore: 'Если вы этого не запрашивали, не обращайте внимания на это письмо: пароль останется прежним.',
    signature: 'Пресс-служба',
  },
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export interface ResetEmail {
  subject: string
  text: string
  html: string
}

export function resetEmail(language: string, { name, url, minutes }: { name: string; url: string; minutes: number }): ResetEmail {
  const lang: Locale = isLocale(language) ? language : 'az'
  const t = TEXTS[lang]
  const duration = String(Number(minutes.toFixed(2)))
  const paragraphs = [t.hello(name), t.asked]
  const text = [...paragraphs, url, t.once(duration), t.ignore, `— ${t.signature}`].join('\n\n') + '\n'
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`
  const html = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(t.subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5">',
    ...paragraphs.map(p),
    `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
    p(t.once(duration)),
    p(t.ignore),
    p(`— ${t.signature}`),
    '</body></html>',
  ].join('\n')
  return { subject: t.subject, text, html }
}
