/**
 * What the audit log records. One list, in the order the admin's filter shows it: to record
 * something new, add its action here with a label, call
 * `recordAuditEvent` where it happens, and run `npm run migrate:create` (the select's options are
 * part of the schema).
 */
export const AUDIT_ACTIONS = {
  'sign-in': 'Signed in',
  'sign-in-failed': 'Sign-in failed',
  'account-locked': 'Account locked (too many failed sign-ins)',
  'password-reset-requested': 'Password reset asked',
  'password-reset': 'Password reset done',
  '2fa-enrolled': 'Two-factor sign-in set up',
  '2fa-reset': 'Two-factor sign-in reset by an admin',
  'user-created': 'User created',
  'role-changed': 'Role changed',
  'user-disabled': 'User disabled',
  'sessions-ended': "User's sessions ended by an admin",
  'user-deleted': 'User deleted',
  publish: 'Published',
  'publish-without-review': 'Published without review',
  'review-confirmed': 'Review of a publish without review confirmed',
  'scheduled-publish': 'Published as scheduled',
  'scheduled-unpublish': 'Unpublished as scheduled',
  unpublish: 'Unpublished',
  withdraw: 'Withdrawn',
  'version-restored': 'Version restored (as a draft)',
  delete: 'Deleted',
  'media-replaced': 'Photo file replaced',
  'audit-pruned': 'Old audit records removed (AUDIT_RETENTION_DAYS)',
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS

export const AUDIT_ACTION_OPTIONS = (Object.entries(AUDIT_ACTIONS) as [AuditAction, string][]).map(([value, label]) => ({ value, label }))
