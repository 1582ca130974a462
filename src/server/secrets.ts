import crypto from 'node:crypto';

/**
 * The one way Redress stores a bearer secret (API token, session id, status-link token): only its
 * SHA-256, so a database leak does not hand out working links or logins.
 */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}
