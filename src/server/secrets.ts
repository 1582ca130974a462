import crypto from 'node:crypto';

/**
 * The one way Redress stores a bearer secret (API token, session id, status-link token): only its
 * SHA-256, so a database leak does not hand out working links or logins.
 */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

/**
 * What a stored mail body carries where its status link goes: the link itself is minted when the mail
 * is sent (outbox/finalise.ts), so no readable link is ever stored (status-link secrets).
 */
export const STATUS_URL_PLACEHOLDER = '{{statusUrl}}';

/** A fresh bearer token for a status link (192 bits, URL-safe). */
export function newStatusToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}
