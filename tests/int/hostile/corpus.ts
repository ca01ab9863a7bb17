/**
 * Hostile and broken requests, as data. tests/int/hostile.test.ts sends each one through the app's
 * own REST and GraphQL route handlers, the upload endpoint or the importer, and checks the answer is
 * a refusal (4xx, never a 500) with a clear message, that no stored document changed, and that the
 * error body shows no stack trace or file path.
 *
 * Placeholders in paths, bodies and queries: {release} (a published release), {agency}, {self}
 * (the requesting user's id), {admin} (the admin's id).
 */

export type Role = 'anonymous' | 'contributor' | 'editor' | 'admin'

interface Expectation {
  /** HTTP status, or an inclusive range. GraphQL errors count by their `extensions.statusCode`. */
  status: number | readonly [number, number]
  /** A fragment the first error message must match. */
  message: RegExp
}

export interface RestCase extends Expectation {
  name: string
  channel: 'rest'
  as: Role
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** After /api/, query string included. */
  path: string
  /** Sent as JSON (`Content-Type: application/json`) unless `raw` is given. */
  json?: unknown
  raw?: string
  contentType?: string
  headers?: Record<string, string>
}

export interface GraphqlCase extends Expectation {
  name: string
  channel: 'graphql'
  as: Role
  query?: string
  variables?: Record<string, unknown>
  /** The whole request body as is (for malformed requests). */
  raw?: string
  contentType?: string
  /** Query string of /api/graphql (Payload reads `locale` from it). */
  search?: string
  headers?: Record<string, string>
}

export interface UploadCase extends Expectation {
  name: string
  channel: 'upload'
  as: Role
  /** `POST /api/media` by default; `PATCH` replaces the file of the seeded photo. */
  method?: 'POST' | 'PATCH'
  fileName: string
  content: 'jpeg' | 'text' | 'html' | 'svg' | 'empty' | 'none'
  mimeType?: string
  /** The `_payload` form field: raw text, sent as is. */
  payloadField?: string
  /** Query string of the upload request. */
  search?: string
}

export interface ImporterCase {
  name: string
  channel: 'importer'
  /** Files to write in the case's own folder (name → content) before the import. */
  files?: Record<string, string>
  /** What to import: relative to the case's folder, or absolute. */
  target: string
  /** The importer's message for the failed file. */
  message: RegExp
}

export type HostileCase = RestCase | GraphqlCase | UploadCase | ImporterCase

const MB = 1024 * 1024
const oneMegabyte = 'A'.repeat(MB)
const SCRIPT = '<script>alert(1)</script>'

const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
const nestedWhere = (depth: number) => `releases?${'where[and][0]'.repeat(depth)}[title][equals]=x`

/** A Lexical document with one paragraph holding `children`. */
const lexical = (children: unknown[]) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, textStyle: '', children }],
  },
})
const text = (value: string) => ({ type: 'text', text: value, detail: 0, format: 0, mode: 'normal', style: '', version: 1 })
const link = (url: string, type = 'link') => ({
  type,
  version: 3,
  format: '',
  indent: 0,
  direction: 'ltr',
  fields: { linkType: 'custom', url, newTab: false },
  children: [text('click')],
})

const validRelease = { type: 'press-release', leadAgency: '{agency}' }

const REFUSED = /not allowed/i
const LANGUAGE = /locale|language/i
const CHARACTER = /character/i
const long = (n: number) => 'L'.repeat(n)
const withJsLinkAndLongLead = { lead: { az: long(5000), en: long(5000) }, body: { az: lexical([link('javascript:alert(1)')]) } }
const BAD_QUERY = /cannot be queried|query|invalid|not allowed|sort/i
const LINK = /link|URL/i

const rest: RestCase[] = [
  // Malformed JSON and content types
  { name: 'malformed JSON (cut off)', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', raw: '{"title":', status: 400, message: /JSON/i },
  { name: 'malformed JSON (not JSON at all)', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', raw: 'title=x', status: 400, message: /JSON/i },
  { name: 'JSON array as a document', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', raw: '[1,2,3]', status: 400, message: /object|JSON|invalid/i },
  { name: 'JSON string as a document', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', raw: '"title"', status: 400, message: /object|JSON|invalid/i },
  { name: 'JSON null as a document', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', raw: 'null', status: 400, message: /object|JSON|invalid|required/i },
  { name: 'JSON body labelled text/plain', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', raw: JSON.stringify({ title: 'x', ...validRelease }), contentType: 'text/plain', status: [400, 415], message: /JSON|content type|required/i },
  { name: 'XML body', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', raw: '<release><title>x</title></release>', contentType: 'application/xml', status: [400, 415], message: /JSON|content type|required/i },
  { name: 'JSON with a duplicate-key prototype pollution attempt', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', raw: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}', status: 400, message: /unknown field|invalid/i },
  // Deeply nested JSON
  { name: 'JSON nested 10 000 deep in a field', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', raw: `{"title":${nested(10_000)}}`, status: 400, message: /invalid|deep|JSON/i },
  { name: 'JSON nested 100 000 deep', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', raw: nested(100_000), status: [400, 413], message: /invalid|deep|JSON|large/i },
  { name: 'rich text nested 5 000 deep', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', raw: `{"title":"x","type":"press-release","leadAgency":"{agency}","body":{"root":${'{"type":"paragraph","children":['.repeat(5000)}${']}'.repeat(5000)}}}`, status: 400, message: /invalid|deep|body/i },
  { name: 'where nested 200 deep', channel: 'rest', as: 'anonymous', method: 'GET', path: nestedWhere(200), status: 400, message: BAD_QUERY },
  // Missing required fields
  { name: 'release without any field', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', json: {}, status: 400, message: /title|required|invalid/i },
  { name: 'release without a lead agency', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', json: { title: 'No agency', type: 'press-release' }, status: 400, message: /leadAgency|agency|invalid/i },
  { name: 'agency without a kind', channel: 'rest', as: 'editor', method: 'POST', path: 'agencies', json: { name: 'Agency without kind' }, status: 400, message: /kind|invalid/i },
  { name: 'user without a password', channel: 'rest', as: 'admin', method: 'POST', path: 'users', json: { email: 'nopass@test.example', name: 'No pass', roles: ['editor'] }, status: 400, message: /password|invalid/i },
  { name: 'empty title', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', json: { title: '', ...validRelease }, status: 400, message: /title|invalid/i },
  // Wrong types
  { name: 'title as a number', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', json: { title: 12345, ...validRelease }, status: 400, message: /title|invalid/i },
  { name: 'title as an object', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', json: { title: { $ne: null }, ...validRelease }, status: 400, message: /title|invalid/i },
  { name: 'title as an array', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', json: { title: ['a', 'b'], ...validRelease }, status: 400, message: /title|invalid/i },
  { name: 'type outside its options', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', json: { title: 'x', type: 'propaganda', leadAgency: '{agency}' }, status: 400, message: /type|invalid/i },
  { name: 'lead agency that is not an id', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', json: { title: 'x', type: 'press-release', leadAgency: 'not-an-id' }, status: 400, message: /leadAgency|agency|invalid/i },
  { name: 'lead agency as an operator object', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', json: { title: 'x', type: 'press-release', leadAgency: { $ne: null } }, status: 400, message: /leadAgency|agency|invalid/i },
  { name: 'publication date that is not a date', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', json: { title: 'x', ...validRelease, publishedAt: 'yesterday-ish' }, status: 400, message: /publishedAt|date|invalid/i },
  { name: 'checkbox as a string', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { featured: 'yes please' }, status: 400, message: /featured|invalid/i },
  { name: 'hasMany relationship as a string', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { supportingAgencies: 'all' }, status: 400, message: /supportingAgencies|agenc|invalid/i },
  { name: 'rich text as a plain string', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { body: '<p>hi</p>' }, status: 400, message: /body|invalid/i },
  { name: 'rich text without a root', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { body: { root: 'x' } }, status: 400, message: /body|invalid/i },
  { name: 'rich text with an unknown node type', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { body: lexical([{ type: 'script', version: 1, text: 'alert(1)' }]) }, status: 400, message: /body|invalid|node/i },
  { name: 'group field as a string', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { source: 'elsewhere' }, status: 400, message: /source|invalid/i },
  { name: 'email field that is not an address', channel: 'rest', as: 'admin', method: 'PATCH', path: 'users/{self}', json: { email: `${SCRIPT}@x` }, status: 400, message: /email|invalid/i },
  { name: 'roles outside their options', channel: 'rest', as: 'admin', method: 'POST', path: 'users', json: { email: 'root@test.example', password: 'a long enough password', name: 'Root', roles: ['superuser'] }, status: 400, message: /roles|invalid/i },
  // 1 MB values
  { name: '1 MB title', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', json: { title: oneMegabyte, ...validRelease }, status: 400, message: /title|long|invalid/i },
  { name: '1 MB lead on update', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { lead: oneMegabyte }, status: 400, message: /lead|long|invalid/i },
  { name: '1 MB agency name', channel: 'rest', as: 'editor', method: 'POST', path: 'agencies', json: { name: oneMegabyte, kind: 'ministry' }, status: 400, message: /name|long|invalid/i },
  // Only admins set names (a contributor renaming themselves is refused, below); the limits hold for them.
  { name: '1 MB user name', channel: 'rest', as: 'admin', method: 'PATCH', path: 'users/{self}', json: { name: oneMegabyte }, status: 400, message: /name|long|invalid/i },
  { name: 'a contributor renaming themselves', channel: 'rest', as: 'contributor', method: 'PATCH', path: 'users/{self}', json: { name: 'Demo Editor' }, status: 403, message: /not allowed/i },
  { name: '1 MB text in a rich-text paragraph', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { body: lexical([text(oneMegabyte)]) }, status: 400, message: /body|long|invalid/i },
  { name: '1 MB search term', channel: 'rest', as: 'anonymous', method: 'GET', path: `releases?where[title][like]=${'a'.repeat(MB)}`, status: [400, 431], message: /long|query|invalid/i },
  // Unknown fields and fields nobody may set
  { name: 'unknown top-level field', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', json: { title: 'Unknown field', ...validRelease, isAdmin: true }, status: 400, message: /isAdmin|unknown/i },
  { name: 'unknown field on update', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { title: 'Renamed', views: 1_000_000 }, status: 400, message: /views|unknown/i },
  { name: 'unknown field inside a group', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { source: { byline: 'x', secret: 1 } }, status: 400, message: /secret|unknown/i },
  { name: 'password hash set directly', channel: 'rest', as: 'contributor', method: 'PATCH', path: 'users/{self}', json: { hash: 'deadbeef', salt: 'cafe' }, status: 400, message: /hash|salt|unknown/i },
  { name: 'reset token set directly', channel: 'rest', as: 'contributor', method: 'PATCH', path: 'users/{self}', json: { resetPasswordToken: 'known-token', resetPasswordExpiration: '2099-01-01' }, status: 400, message: /resetPassword|unknown/i },
  { name: 'contributor promotes themself to admin', channel: 'rest', as: 'contributor', method: 'PATCH', path: 'users/{self}', json: { roles: ['admin'] }, status: [400, 403], message: /roles|not allowed/i },
  { name: 'contributor edits the admin', channel: 'rest', as: 'contributor', method: 'PATCH', path: 'users/{admin}', json: { name: 'pwned' }, status: [403, 404], message: /not allowed|not found/i },
  { name: 'anonymous creates a release', channel: 'rest', as: 'anonymous', method: 'POST', path: 'releases', json: { title: 'Anon', ...validRelease }, status: 403, message: REFUSED },
  { name: 'contributor publishes directly', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', json: { title: 'Straight to public', ...validRelease, _status: 'published' }, status: 403, message: REFUSED },
  { name: 'contributor deletes a release', channel: 'rest', as: 'contributor', method: 'DELETE', path: 'releases/{release}?draft=true', status: 403, message: REFUSED },
  { name: 'bulk delete with an always-true where', channel: 'rest', as: 'contributor', method: 'DELETE', path: 'releases?where[id][exists]=true', status: 403, message: REFUSED },
  // javascript: and other unsafe links in rich text
  { name: 'javascript: link in rich text', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { body: lexical([link('javascript:alert(document.cookie)')]) }, status: 400, message: LINK },
  { name: 'JaVaScRiPt: link with mixed case and spaces', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { body: lexical([link('  JaVaScRiPt:alert(1)')]) }, status: 400, message: LINK },
  { name: 'javascript: link hidden by a tab', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { body: lexical([link('java\tscript:alert(1)')]) }, status: 400, message: LINK },
  { name: 'javascript: autolink', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { body: lexical([link('javascript:alert(1)', 'autolink')]) }, status: 400, message: LINK },
  { name: 'data:text/html link', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { body: lexical([link('data:text/html,<script>alert(1)</script>')]) }, status: 400, message: LINK },
  { name: 'vbscript: link', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { body: lexical([link('vbscript:msgbox(1)')]) }, status: 400, message: LINK },
  { name: 'javascript: link in an official biography', channel: 'rest', as: 'editor', method: 'POST', path: 'officials', json: { name: 'Bio link', biography: lexical([link('javascript:alert(1)')]) }, status: 400, message: LINK },
  { name: 'javascript: source URL of a release', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', json: { title: 'Republished', ...validRelease, source: { originalUrl: 'javascript:alert(1)' } }, status: 400, message: /URL|originalUrl/i },
  { name: 'javascript: agency website', channel: 'rest', as: 'editor', method: 'PATCH', path: 'agencies/{agency}', json: { website: 'javascript:alert(1)//http://x' }, status: 400, message: /website|http/i },
  // Operator injection and hidden fields in where
  { name: 'Mongo-style $ne operator', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?where[title][$ne]=x', status: 400, message: BAD_QUERY },
  { name: 'Mongo-style $where operator', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?where[$where]=sleep(1000)', status: 400, message: BAD_QUERY },
  { name: 'unknown operator', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?where[title][regex_unknown]=.*', status: 400, message: BAD_QUERY },
  { name: 'operator $gt inside or', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?where[or][0][title][$gt]=&where[or][1][_status][equals]=draft', status: 400, message: BAD_QUERY },
  { name: 'unknown field in where', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?where[nonexistent][equals]=1', status: 400, message: BAD_QUERY },
  { name: 'or on a field anonymous may not read', channel: 'rest', as: 'anonymous', method: 'GET', path: 'media?where[or][0][deleteWhileInUse][equals]=true&where[or][1][alt][exists]=true', status: [400, 403], message: BAD_QUERY },
  { name: 'where on users.hash (admin)', channel: 'rest', as: 'admin', method: 'GET', path: 'users?where[hash][exists]=true', status: 400, message: BAD_QUERY },
  { name: 'where on users.salt (admin)', channel: 'rest', as: 'admin', method: 'GET', path: 'users?where[salt][like]=a', status: 400, message: BAD_QUERY },
  { name: 'where on users.resetPasswordToken (admin)', channel: 'rest', as: 'admin', method: 'GET', path: 'users?where[resetPasswordToken][exists]=true', status: 400, message: BAD_QUERY },
  { name: 'where on users.hash (contributor)', channel: 'rest', as: 'contributor', method: 'GET', path: 'users?where[hash][like]=a', status: 400, message: BAD_QUERY },
  { name: 'where on users.lockUntil (admin)', channel: 'rest', as: 'admin', method: 'GET', path: 'users?where[lockUntil][exists]=false', status: 400, message: BAD_QUERY },
  { name: 'where through a relation to the submitter hash', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?where[workflow.submittedBy.hash][exists]=true', status: [400, 403], message: BAD_QUERY },
  { name: 'where through a relation to the submitter email', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?where[workflow.submittedBy.email][like]=a', status: [400, 403], message: BAD_QUERY },
  { name: 'where through a relation to the reviewer salt (editor)', channel: 'rest', as: 'editor', method: 'GET', path: 'releases?where[workflow.reviewedBy.salt][exists]=true', status: [400, 403], message: BAD_QUERY },
  { name: 'sort on users.hash', channel: 'rest', as: 'admin', method: 'GET', path: 'users?sort=hash', status: 400, message: BAD_QUERY },
  { name: 'sort on a relation to the submitter hash', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?sort=workflow.submittedBy.hash', status: 400, message: BAD_QUERY },
  { name: 'SQL in a where path', channel: 'rest', as: 'anonymous', method: 'GET', path: `releases?where[title"; DROP TABLE releases; --][equals]=x`, status: 400, message: BAD_QUERY },
  { name: 'SQL in sort', channel: 'rest', as: 'anonymous', method: 'GET', path: `releases?sort=${encodeURIComponent('title; DROP TABLE releases')}`, status: 400, message: BAD_QUERY },
  // Odd paging, sort, depth and locale
  { name: 'limit not a number', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?limit=abc', status: 400, message: /limit/i },
  { name: 'negative limit', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?limit=-5', status: 400, message: /limit/i },
  { name: 'huge limit', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?limit=99999999999999999999', status: 400, message: /limit/i },
  { name: 'negative limit in a method-override body', channel: 'rest', as: 'anonymous', method: 'POST', path: 'releases', raw: 'limit=-1&where[title][like]=a', contentType: 'application/x-www-form-urlencoded', headers: { 'X-Payload-HTTP-Method-Override': 'GET' }, status: 400, message: /limit/i },
  { name: 'page zero', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?page=0', status: 400, message: /page/i },
  { name: 'negative page', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?page=-1', status: 400, message: /page/i },
  { name: 'huge page', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?page=1e400', status: 400, message: /page/i },
  { name: 'page as an object', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?page[$gt]=1', status: 400, message: /page/i },
  { name: 'sort on an unknown field', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?sort=nonexistent', status: 400, message: BAD_QUERY },
  { name: 'sort as an object', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?sort[$ne]=1', status: 400, message: /sort/i },
  { name: 'depth too deep', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?depth=1000', status: 400, message: /depth/i },
  { name: 'depth not a number', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?depth=all', status: 400, message: /depth/i },
  { name: 'unknown locale', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?locale=xx', status: 400, message: /locale/i },
  { name: 'locale path traversal', channel: 'rest', as: 'anonymous', method: 'GET', path: `releases?locale=${encodeURIComponent('../../etc')}`, status: 400, message: /locale/i },
  { name: 'unknown fallback locale', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?fallback-locale=xx', status: 400, message: /locale/i },
  { name: 'unknown locale on write', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true&locale=xx', json: { title: 'In no language' }, status: 400, message: /locale/i },
  { name: 'malformed id', channel: 'rest', as: 'anonymous', method: 'GET', path: `releases/${encodeURIComponent("1' OR '1'='1")}`, status: [400, 404], message: /not found|invalid/i },
  { name: 'unknown collection', channel: 'rest', as: 'anonymous', method: 'GET', path: 'payload-preferences-nope', status: 404, message: /not found/i },
  { name: 'internal collection: preferences', channel: 'rest', as: 'anonymous', method: 'GET', path: 'payload-preferences', status: [401, 404], message: /not allowed|not found|unauthori/i },
  { name: 'internal collection: jobs', channel: 'rest', as: 'anonymous', method: 'GET', path: 'payload-jobs', status: [401, 404], message: /not allowed|not found|unauthori/i },
  // Class 6: every way to name the language of a write is checked, and a write in "all" languages is refused
  { name: 'locale=all on a draft save with a javascript: link and a 5 000-character lead', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?locale=all&draft=true', json: withJsLinkAndLongLead, status: 400, message: LANGUAGE },
  { name: 'locale=all on publish', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?locale=all', json: { ...withJsLinkAndLongLead, _status: 'published', workflow: { publishReason: 'Urgent correction' } }, status: 400, message: LANGUAGE },
  { name: 'locale=all on an autosave', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?locale=all&draft=true&autosave=true', json: withJsLinkAndLongLead, status: 400, message: LANGUAGE },
  { name: 'locale=all on create', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases?locale=all&draft=true', json: { title: { az: 'x' }, ...validRelease, ...withJsLinkAndLongLead }, status: 400, message: LANGUAGE },
  { name: 'locale=all on duplicate', channel: 'rest', as: 'editor', method: 'POST', path: 'agencies/{agency}/duplicate?locale=all', json: { name: 'Copy' }, status: 400, message: LANGUAGE },
  { name: 'releases are not duplicated', channel: 'rest', as: 'editor', method: 'POST', path: 'releases/{release}/duplicate', json: {}, status: 404, message: /not found/i },
  { name: 'locale=all on a bulk PATCH by where', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases?where[id][equals]={release}&locale=all&draft=true', json: withJsLinkAndLongLead, status: 400, message: LANGUAGE },
  { name: 'locale=all on an official', channel: 'rest', as: 'editor', method: 'PATCH', path: 'officials?where[id][exists]=true&locale=all&draft=true', json: { biography: { az: lexical([link('javascript:alert(1)')]) } }, status: 400, message: LANGUAGE },
  { name: 'locale=* (Payload reads it as all) on write', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?locale=*&draft=true', json: withJsLinkAndLongLead, status: 400, message: LANGUAGE },
  { name: 'locale in capitals on write', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?locale=AZ&draft=true', json: { lead: long(5000) }, status: 400, message: LANGUAGE },
  { name: 'locale with a trailing space on write', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?locale=az%20&draft=true', json: { lead: long(5000) }, status: 400, message: LANGUAGE },
  { name: 'locale as a list on write', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?locale[]=all&draft=true', json: withJsLinkAndLongLead, status: 400, message: LANGUAGE },
  { name: 'locale given twice on write', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?locale=az&locale=all&draft=true', json: withJsLinkAndLongLead, status: 400, message: LANGUAGE },
  { name: 'locale in the body', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { locale: 'all', ...withJsLinkAndLongLead }, status: 400, message: /locale|unknown/i },
  { name: 'publishSpecificLocale=all', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?publishSpecificLocale=all', json: withJsLinkAndLongLead, status: 400, message: LANGUAGE },
  { name: 'publishSpecificLocale of an unknown language', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?publishSpecificLocale=xx', json: { lead: 'x' }, status: 400, message: LANGUAGE },
  { name: 'fallbackLocale of an unknown language', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?fallbackLocale=xx', status: 400, message: LANGUAGE },
  // Class 9: bad input answers 4xx, never 500
  ...[
    'where[publishedAt][greater_than]=notadate',
    'where[publishedAt][equals]=2025-13-45',
    'where[createdAt][less_than]=x',
    'where[publishedAt][less_than_equal]=1e400',
    'where[source.originalDate][greater_than]=x',
    'where[id][equals][x]=1',
    'where[title][equals][a]=1',
    'where[title][greater_than][a]=1',
    'where[_status][equals][a]=1',
    'where[leadAgency.name][equals][a]=1',
    'where[id][in][a][b]=1',
    'where[title][near]=1,2,3',
    'where[heroImage][near]=1,2,3',
    'where[publishedAt][near]=1,2',
    'where[title][within]=x',
    'where[title][within][type]=Polygon',
    'where[title][intersects]=x',
    'where[title][exists]=maybe',
    'where[title][all]=a',
    'where[featured][equals]=maybe',
    'where=notjson',
    'data=notjson',
  ].map((query): RestCase => ({ name: `where/params: ${query}`, channel: 'rest', as: 'anonymous', method: 'GET', path: `releases?${query}`, status: 400, message: /where|data|date|value|operator|true or false|list|map|object|query/i })),
  { name: 'where: like on a date with a JSON-looking value', channel: 'rest', as: 'anonymous', method: 'GET', path: `releases?where[updatedAt][not_like]=${encodeURIComponent('{"a":1}')}`, status: 400, message: /text/i },
  { name: 'versions of a collection without versions (admin)', channel: 'rest', as: 'admin', method: 'GET', path: 'users/versions', status: 404, message: /versions/i },
  { name: 'select as a plain string', channel: 'rest', as: 'anonymous', method: 'GET', path: 'removed-releases/versions?select=null', status: [400, 404], message: /select|versions/i },
  { name: 'a group as null on create', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', json: { title: 'x', ...validRelease, source: null }, status: 400, message: /source/i },
  { name: 'a group as null on a draft save', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { workflow: null }, status: 400, message: /workflow/i },
  { name: 'form-encoded POST', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', raw: 'title=x&type=press-release', contentType: 'application/x-www-form-urlencoded', status: 415, message: /JSON/i },
  { name: 'form-encoded PATCH', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', raw: 'title=x', contentType: 'application/x-www-form-urlencoded', status: 415, message: /JSON/i },
  { name: 'JSON content type in capitals', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', raw: JSON.stringify({ title: 'x', ...validRelease, isAdmin: true }), contentType: 'Application/JSON', status: 400, message: /isAdmin|unknown/i },
  { name: 'non-ASCII in the Authorization token', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?draft=true', headers: { Authorization: 'JWT \u00e4\u00f6\u00fc' }, status: 400, message: /token|sign in/i },
  { name: 'UTF-8 bytes in the Authorization token', channel: 'rest', as: 'anonymous', method: 'GET', path: 'users/me', headers: { Authorization: 'JWT \u00c3\u00a4' }, status: 400, message: /token|sign in/i },
  { name: 'non-ASCII in the payload-token cookie', channel: 'rest', as: 'anonymous', method: 'GET', path: 'users/me', headers: { Cookie: 'payload-token=\u00c3\u00a4' }, status: 400, message: /token|sign in/i },
  { name: 'double-encoded percent in a file name (staff)', channel: 'rest', as: 'editor', method: 'GET', path: 'media/file/%2525', status: [400, 404], message: /file|name/i },
  { name: 'double-encoded dot-dot in a file name (staff)', channel: 'rest', as: 'editor', method: 'GET', path: 'media/file/%252e%252e%252fusers', status: [400, 404], message: /file|name/i },
  { name: 'double-encoded NUL in a file name (staff)', channel: 'rest', as: 'admin', method: 'GET', path: 'media/file/x%2500y.jpg', status: [400, 404], message: /file|name/i },
  { name: 'file name that is not on the server (staff)', channel: 'rest', as: 'editor', method: 'GET', path: 'media/file/nothere.jpg', status: 404, message: /file|server/i },
  { name: 'double-encoded id', channel: 'rest', as: 'editor', method: 'GET', path: 'releases/%2525', status: [400, 404], message: /not found/i },
  { name: 'invalid month and day in a draft save', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { publishedAt: '2025-13-45' }, status: 400, message: /publishedAt|date/i },
  { name: 'invalid date in an autosave', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true&autosave=true', json: { publishedAt: 'x' }, status: 400, message: /publishedAt|date/i },
  { name: 'invalid date in a group in a draft save', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { source: { originalDate: '2025-13-45' } }, status: 400, message: /originalDate|date/i },
  { name: '30 February in a draft save', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { publishedAt: '2025-02-30T10:00:00.000Z' }, status: 400, message: /publishedAt|date/i },
  { name: 'unknown time zone in a draft save', channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json: { publishedAt: '2025-01-01T10:00:00.000Z', publishedAt_tz: 'Mars/Olympus' }, status: 400, message: /time zone/i },
  // Class 10: characters no text may hold (they break XML: the RSS feed)
  ...([
    ['NUL in a title', { title: 'Before\u0000after' }],
    ['BEL in a title', { title: 'Bell\u0007' }],
    ['ESC in a place', { place: '\u001B[31mBaku' }],
    ['line feed in a title (single line)', { title: 'Two\nlines' }],
    ['DEL in a lead', { lead: 'Delete\u007F' }],
    ['NUL in a lead (multi-line)', { lead: 'Line one\n\u0000' }],
    ['lone high surrogate in a title', { title: 'Broken \uD800 pair' }],
    ['lone low surrogate in a lead', { lead: 'Broken \uDC00 pair' }],
    ['U+FFFE in a title', { title: 'Not a character \uFFFE' }],
    ['U+FFFF in a lead', { lead: 'Not a character \uFFFF' }],
    ['vertical tab in a rich-text text node', { body: lexical([text('Tab\u000Bbed')]) }],
    ['form feed in a group text field', { source: { byline: 'By\u000Cline' } }],
    ['control character in an array row', { changeHistory: [{ date: '2025-01-01T10:00:00.000Z', note: 'Fixed\u0001' }] }],
  ] as const).map(([name, json]): RestCase => ({ name, channel: 'rest', as: 'editor', method: 'PATCH', path: 'releases/{release}?draft=true', json, status: 400, message: CHARACTER })),
  { name: 'control character in an agency name', channel: 'rest', as: 'editor', method: 'POST', path: 'agencies', json: { name: 'Agency\u0002', kind: 'ministry' }, status: 400, message: CHARACTER },
  { name: 'control character in a user name', channel: 'rest', as: 'admin', method: 'PATCH', path: 'users/{self}', json: { name: 'Me\u0000' }, status: 400, message: CHARACTER },
  // Class 11: pages of at most 100 documents, bodies of at most 2 MB
  { name: 'limit=0 (every document)', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?limit=0', status: 400, message: /limit/i },
  { name: 'limit=101', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?limit=101', status: 400, message: /limit/i },
  { name: 'limit=1000 (staff)', channel: 'rest', as: 'editor', method: 'GET', path: 'releases?limit=1000&draft=true', status: 400, message: /limit/i },
  { name: 'pagination=false', channel: 'rest', as: 'anonymous', method: 'GET', path: 'releases?pagination=false', status: 400, message: /pagination/i },
  { name: 'pagination=false on versions', channel: 'rest', as: 'editor', method: 'GET', path: 'releases/versions?pagination=false', status: 400, message: /pagination/i },
  { name: 'limit=0 in a method-override body', channel: 'rest', as: 'anonymous', method: 'POST', path: 'releases', raw: 'limit=0&where[title][like]=a', contentType: 'application/x-www-form-urlencoded', headers: { 'X-Payload-HTTP-Method-Override': 'GET' }, status: 400, message: /limit/i },
  { name: '3 MB JSON body', channel: 'rest', as: 'contributor', method: 'POST', path: 'releases', raw: JSON.stringify({ title: 'x', ...validRelease, lead: 'A'.repeat(3 * MB) }), status: 413, message: /larger than|MB/i },
]

const graphql: GraphqlCase[] = [
  { name: 'malformed JSON body', channel: 'graphql', as: 'anonymous', raw: '{"query": "{ Releases { docs { id } }"', status: 400, message: /JSON|parse|invalid/i },
  { name: 'body that is not JSON', channel: 'graphql', as: 'anonymous', raw: 'query=x', contentType: 'application/x-www-form-urlencoded', status: [400, 415], message: /JSON|content|invalid/i },
  { name: 'syntax error in the query', channel: 'graphql', as: 'anonymous', query: '{ Releases( { docs { id } }', status: 400, message: /Syntax Error/i },
  { name: 'query without any operation', channel: 'graphql', as: 'anonymous', raw: '{}', status: 400, message: /query/i },
  { name: 'query as a number', channel: 'graphql', as: 'anonymous', raw: '{"query": 42}', status: 400, message: /query/i },
  { name: 'unknown field', channel: 'graphql', as: 'anonymous', query: '{ Releases { docs { id secretField } } }', status: 400, message: /Cannot query field/i },
  { name: 'hash field of users', channel: 'graphql', as: 'admin', query: '{ Users { docs { id hash salt } } }', status: 400, message: /Cannot query field/i },
  { name: 'where on users hash', channel: 'graphql', as: 'admin', query: '{ Users(where: { hash: { exists: true } }) { docs { id } } }', status: 400, message: /hash|not defined|Field/i },
  { name: 'where on users resetPasswordToken', channel: 'graphql', as: 'admin', query: '{ Users(where: { resetPasswordToken: { exists: true } }) { docs { id } } }', status: 400, message: /resetPasswordToken|not defined|Field/i },
  { name: 'unknown where operator', channel: 'graphql', as: 'anonymous', query: '{ Releases(where: { title: { ne: "x" } }) { docs { id } } }', status: 400, message: /ne|not defined|Field/i },
  { name: 'wrong argument type', channel: 'graphql', as: 'anonymous', query: '{ Releases(limit: "ten") { docs { id } } }', status: 400, message: /Int|limit/i },
  { name: 'unknown locale enum', channel: 'graphql', as: 'anonymous', query: '{ Releases(locale: xx) { docs { id } } }', status: 400, message: /locale|enum|xx/i },
  { name: 'deeply nested selection', channel: 'graphql', as: 'anonymous', query: `{ Releases { docs { leadAgency { ${'parent { '.repeat(40)}id${' }'.repeat(40)} } } } }`, status: 400, message: /depth|deeper|complex|exceeds/i },
  { name: 'huge alias fan-out', channel: 'graphql', as: 'anonymous', query: `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: Releases(limit: 100) { docs { id } }`).join(' ')} }`, status: 400, message: /at most 10 things at once|complex|exceeds/i },
  { name: 'create with a 1 MB title', channel: 'graphql', as: 'contributor', query: `mutation($t: String!, $a: String!) { createRelease(data: { title: $t, type: press_release, leadAgency: $a }, draft: true) { id } }`, variables: { t: oneMegabyte, a: '{agency}' }, status: 400, message: /title|long|invalid/i },
  { name: 'create without required fields', channel: 'graphql', as: 'contributor', query: 'mutation { createRelease(data: {}) { id } }', status: 400, message: /title|required|leadAgency|invalid value/i },
  { name: 'create as anonymous', channel: 'graphql', as: 'anonymous', query: 'mutation($a: String!) { createRelease(data: { title: "x", type: press_release, leadAgency: $a }) { id } }', variables: { a: '{agency}' }, status: 403, message: REFUSED },
  { name: 'update with an unknown field', channel: 'graphql', as: 'editor', query: 'mutation($id: String!) { updateRelease(id: $id, data: { views: 5 }) { id } }', variables: { id: '{release}' }, status: 400, message: /views|not defined|Field/i },
  { name: 'update with a javascript: link', channel: 'graphql', as: 'editor', query: 'mutation($id: String!, $b: JSON) { updateRelease(id: $id, data: { body: $b }) { id } }', variables: { id: '{release}', b: lexical([link('javascript:alert(1)')]) }, status: 400, message: LINK },
  { name: 'update with a wrong type variable', channel: 'graphql', as: 'editor', query: 'mutation($id: String!, $f: Boolean) { updateRelease(id: $id, data: { featured: $f }) { id } }', variables: { id: '{release}', f: 'yes' }, status: 400, message: /Boolean|featured|\$f/i },
  { name: 'contributor sets own roles', channel: 'graphql', as: 'contributor', query: 'mutation($id: String!) { updateUser(id: $id, data: { roles: admin }) { id roles } }', variables: { id: '{self}' }, status: [400, 403], message: /roles|not allowed/i },
  { name: 'anonymous lists users', channel: 'graphql', as: 'anonymous', query: '{ Users { docs { id email } } }', status: 403, message: REFUSED },
  // Class 6: the language of a GraphQL write
  { name: 'locale=all in the URL of a mutation', channel: 'graphql', as: 'editor', search: '?locale=all', query: 'mutation($id: String!, $l: String) { updateRelease(id: $id, data: { lead: $l }, draft: true) { id } }', variables: { id: '{release}', l: long(5000) }, status: 400, message: LANGUAGE },
  { name: 'locale=* in the URL of a mutation', channel: 'graphql', as: 'editor', search: '?locale=*', query: 'mutation($id: String!, $b: JSON) { updateRelease(id: $id, data: { body: $b }, draft: true) { id } }', variables: { id: '{release}', b: { az: lexical([link('javascript:alert(1)')]) } }, status: 400, message: LANGUAGE },
  { name: 'unknown locale in the URL', channel: 'graphql', as: 'anonymous', search: '?locale=xx', query: '{ Releases { docs { id } } }', status: 400, message: LANGUAGE },
  // Class 9
  { name: 'fragment cycle through two fragments', channel: 'graphql', as: 'anonymous', query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }', status: 400, message: /fragment/i },
  { name: 'fragment spreading itself', channel: 'graphql', as: 'anonymous', query: 'query { Releases { docs { ...A } } } fragment A on Release { id ...A }', status: 400, message: /fragment/i },
  { name: 'non-ASCII in the Authorization token', channel: 'graphql', as: 'anonymous', headers: { Authorization: 'JWT \u00e4' }, query: '{ meUser { user { id } } }', status: 400, message: /token|sign in/i },
  { name: 'date that is no date in where', channel: 'graphql', as: 'anonymous', query: '{ Releases(where: { publishedAt: { greater_than: "notadate" } }) { docs { id } } }', status: 400, message: /date/i },
  // Class 10
  { name: 'control character in a title', channel: 'graphql', as: 'editor', query: 'mutation($id: String!, $t: String) { updateRelease(id: $id, data: { title: $t }, draft: true) { id } }', variables: { id: '{release}', t: 'Bell\u0007' }, status: 400, message: CHARACTER },
  // Class 11
  { name: 'limit: 0', channel: 'graphql', as: 'anonymous', query: '{ Releases(limit: 0) { docs { id } } }', status: 400, message: /limit/i },
  { name: 'limit: 0 from a variable', channel: 'graphql', as: 'anonymous', query: 'query($l: Int) { Releases(limit: $l) { docs { id } } }', variables: { l: 0 }, status: 400, message: /limit/i },
  { name: 'limit 0 as a variable default', channel: 'graphql', as: 'anonymous', query: 'query($l: Int = 0) { Releases(limit: $l) { docs { id } } }', status: 400, message: /limit/i },
  { name: 'huge limit', channel: 'graphql', as: 'anonymous', query: '{ Releases(limit: 100000) { docs { id } } }', status: 400, message: /limit/i },
  // The operation that runs (operationName), with its own defaults and the fragments it spreads
  { name: 'limit 0 as the default of the operation run, 5 in another', channel: 'graphql', as: 'anonymous', raw: JSON.stringify({ query: 'query A($l: Int = 0){ Releases(limit:$l){ totalDocs limit docs{id} } } query B($l: Int = 5){ Releases(limit:$l){ totalDocs } }', operationName: 'A' }), status: 400, message: /limit/i },
  { name: 'pagination false as the default of the operation run, true in another', channel: 'graphql', as: 'anonymous', raw: JSON.stringify({ query: 'query Q($p: Boolean = false){ Releases(pagination:$p){ totalDocs limit } } query B($p: Boolean = true){ Releases(pagination:$p){ totalDocs } }', operationName: 'Q' }), status: 400, message: /pagination/i },
  { name: 'limit 0 in a fragment, from the default of the operation run', channel: 'graphql', as: 'anonymous', raw: JSON.stringify({ query: 'query A($l: Int = 0){ ...F } query B($l: Int = 5){ ...F } fragment F on Query { Releases(limit:$l){ totalDocs } }', operationName: 'A' }), status: 400, message: /limit/i },
  { name: 'limit 0 as the default of a variable named constructor', channel: 'graphql', as: 'anonymous', query: 'query($constructor: Int = 0){ Releases(limit:$constructor){ totalDocs docs { id } } }', status: 400, message: /limit/i },
  { name: 'pagination: null', channel: 'graphql', as: 'anonymous', query: '{ Releases(pagination: null) { totalDocs docs { id } } }', status: 400, message: /pagination/i },
  { name: 'pagination null from a variable', channel: 'graphql', as: 'anonymous', query: 'query($p: Boolean){ Releases(pagination:$p){ totalDocs docs { id } } }', variables: { p: null }, status: 400, message: /pagination/i },
  { name: 'over 50 000 tokens, an operation with limit 0 run', channel: 'graphql', as: 'anonymous', raw: JSON.stringify({ query: `query A { Releases(limit: 0) { totalDocs } } query B { Releases(where: { id: { in: [${Array.from({ length: 60_000 }, () => '"a"').join(' ')}] } }) { totalDocs } }`, operationName: 'A' }), status: 400, message: /tokens|long/i },
  { name: 'pagination: false', channel: 'graphql', as: 'anonymous', query: '{ Releases(pagination: false) { docs { id } } }', status: 400, message: /pagination/i },
  { name: '3 MB body', channel: 'graphql', as: 'anonymous', query: `{ Releases(where: { title: { equals: "${'A'.repeat(3 * MB)}" } }) { docs { id } } }`, status: 413, message: /large/i },
]

const upload: UploadCase[] = [
  { name: 'path traversal in the file name', channel: 'upload', as: 'editor', fileName: '../../etc/passwd.jpg', content: 'jpeg', status: 400, message: /name|path/i },
  { name: 'absolute path as the file name', channel: 'upload', as: 'editor', fileName: '/etc/passwd.jpg', content: 'jpeg', status: 400, message: /name|path/i },
  { name: 'Windows path traversal in the file name', channel: 'upload', as: 'editor', fileName: '..\\..\\windows\\win.ini.jpg', content: 'jpeg', status: 400, message: /name|path/i },
  { name: 'NUL byte in the file name', channel: 'upload', as: 'editor', fileName: 'photo.jpg\u0000.php', content: 'jpeg', status: 400, message: /name/i },
  { name: 'script in the file name', channel: 'upload', as: 'editor', fileName: '<script>alert(1)</script>.jpg', content: 'jpeg', status: 400, message: /name/i },
  { name: 'text file called .jpg', channel: 'upload', as: 'editor', fileName: 'passwd.jpg', content: 'text', mimeType: 'image/jpeg', status: [400, 415], message: /image|type|JPEG|PNG/i },
  { name: 'HTML page called .jpg', channel: 'upload', as: 'editor', fileName: 'page.jpg', content: 'html', mimeType: 'image/jpeg', status: [400, 415], message: /image|type|JPEG|PNG/i },
  { name: 'SVG with script', channel: 'upload', as: 'editor', fileName: 'logo.svg', content: 'svg', mimeType: 'image/svg+xml', status: [400, 415], message: /image|type|JPEG|PNG|SVG/i },
  { name: 'empty file', channel: 'upload', as: 'editor', fileName: 'empty.jpg', content: 'empty', mimeType: 'image/jpeg', status: 400, message: /empty|image|file/i },
  { name: 'no file at all', channel: 'upload', as: 'editor', fileName: '', content: 'none', status: 400, message: /file/i },
  { name: 'malformed JSON in _payload', channel: 'upload', as: 'editor', fileName: 'photo.jpg', content: 'jpeg', payloadField: '{"alt":', status: 400, message: /JSON|invalid/i },
  { name: 'alt text missing', channel: 'upload', as: 'editor', fileName: 'photo.jpg', content: 'jpeg', payloadField: '{}', status: 400, message: /alt|required|invalid/i },
  { name: '1 MB alt text', channel: 'upload', as: 'editor', fileName: 'photo.jpg', content: 'jpeg', payloadField: JSON.stringify({ alt: oneMegabyte }), status: [400, 413], message: /alt|long|invalid|limit/i },
  { name: 'unknown field in _payload', channel: 'upload', as: 'editor', fileName: 'photo.jpg', content: 'jpeg', payloadField: JSON.stringify({ alt: 'Alt', url: 'javascript:alert(1)', filename: '../../x.jpg' }), status: 400, message: /url|unknown|filename/i },
  { name: 'anonymous upload', channel: 'upload', as: 'anonymous', fileName: 'photo.jpg', content: 'jpeg', status: 403, message: REFUSED },
  { name: 'file replaced with a traversal name', channel: 'upload', as: 'editor', method: 'PATCH', fileName: '../../../tmp/evil.jpg', content: 'jpeg', status: 400, message: /name|path/i },
  { name: 'locale=all on upload', channel: 'upload', as: 'editor', search: '?locale=all', fileName: 'photo.jpg', content: 'jpeg', payloadField: JSON.stringify({ alt: { az: long(5000) } }), status: 400, message: LANGUAGE },
  { name: 'locale in the _payload field', channel: 'upload', as: 'editor', fileName: 'photo.jpg', content: 'jpeg', payloadField: JSON.stringify({ alt: 'Alt', locale: 'all' }), status: 400, message: /locale|unknown/i },
  { name: 'control character in the alt text', channel: 'upload', as: 'editor', fileName: 'photo.jpg', content: 'jpeg', payloadField: JSON.stringify({ alt: 'A\u0000photo' }), status: 400, message: CHARACTER },
]

const importer: ImporterCase[] = [
  { name: 'target that does not exist', channel: 'importer', target: 'missing/nothing-here.txt', message: /cannot open|ENOENT/ },
  { name: 'path traversal to a system file', channel: 'importer', target: '../../../../../../../etc/passwd', message: /\.txt|not a text|cannot/i },
  { name: 'absolute path to a system file', channel: 'importer', target: '/etc/hostname', message: /\.txt|not a text|cannot/i },
  { name: 'a device', channel: 'importer', target: '/dev/zero', message: /\.txt|not a text|cannot|regular/i },
  { name: 'folder without text files', channel: 'importer', files: { 'notes.md': '# nothing' }, target: '.', message: /no \.txt files/ },
  { name: 'empty file', channel: 'importer', files: { 'empty.txt': '' }, target: 'empty.txt', message: /empty/ },
  { name: 'binary file', channel: 'importer', files: { 'binary.txt': '\u0000\u0001\u0002\u0003'.repeat(500) }, target: 'binary.txt', message: /binary/ },
  { name: 'title of 1 MB on one line', channel: 'importer', files: { 'huge-title.txt': `${'Title '.repeat(175_000)}\n\n24.01.2025\n\nBody text of the release.\n` }, target: 'huge-title.txt', message: /long|title|too large/i },
  { name: 'file of 20 MB', channel: 'importer', files: { 'huge.txt': `Title\n\n${'Paragraph text. '.repeat(1_300_000)}\n` }, target: 'huge.txt', message: /too large|MB/i },
  { name: 'symlinked .txt pointing outside', channel: 'importer', files: { 'link.txt': '@symlink:/etc/passwd' }, target: 'link.txt', message: /link|regular|cannot/i },
]

export const corpus: HostileCase[] = [...rest, ...graphql, ...upload, ...importer]
