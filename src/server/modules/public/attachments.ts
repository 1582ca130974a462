import crypto from 'node:crypto';

// Documents from the public: checked by their content (never by the name or the browser's type),
// stored as bytes, and only ever offered as a download (Content-Disposition: attachment, nosniff).
// No virus scanner is attached yet: a file is never opened, executed or shown inline by Redress.
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILES = 5;

export interface AllowedType {
  extensions: readonly string[];
  contentType: string;
  matches(bytes: Buffer): boolean;
}

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const isZip = (b: Buffer) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]);

export const ALLOWED_TYPES: readonly AllowedType[] = [
  {
    extensions: ['pdf'],
    contentType: 'application/pdf',
    matches: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]),
  },
  {
    extensions: ['jpg', 'jpeg'],
    contentType: 'image/jpeg',
    matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  },
  {
    extensions: ['png'],
    contentType: 'image/png',
    matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    extensions: ['docx'],
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    matches: isZip,
  },
  { extensions: ['odt'], contentType: 'application/vnd.oasis.opendocument.text', matches: isZip },
  { extensions: ['txt'], contentType: 'text/plain; charset=utf-8', matches: isPlainText },
];

export const ACCEPT_ATTRIBUTE = ALLOWED_TYPES.flatMap((t) => t.extensions.map((e) => `.${e}`)).join(',');
export const ALLOWED_EXTENSIONS_TEXT = ALLOWED_TYPES.flatMap((t) => t.extensions).join(', ');

function isPlainText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface Upload {
  filename: string;
  bytes: Buffer;
  /** The stream hit the size limit: the bytes are incomplete. */
  truncated: boolean;
}

export interface CheckedFile {
  filename: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  content: Buffer;
}

export type AttachmentProblem = 'too-large' | 'empty' | 'type' | 'too-many';

export type CheckResult =
  { ok: true; files: CheckedFile[] } | { ok: false; problem: AttachmentProblem; filename?: string };

/** Checks count, size and type of the uploads (in this order) and cleans the names. */
export function checkUploads(uploads: readonly Upload[]): CheckResult {
  if (uploads.length > MAX_FILES) return { ok: false, problem: 'too-many' };
  const files: CheckedFile[] = [];
  for (const u of uploads) {
    const filename = safeFilename(u.filename);
    if (u.truncated || u.bytes.length > MAX_FILE_BYTES) return { ok: false, problem: 'too-large', filename };
    if (u.bytes.length === 0) return { ok: false, problem: 'empty', filename };
    const ext = filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : '';
    const type = ALLOWED_TYPES.find((t) => t.extensions.includes(ext));
    if (!type || !type.matches(u.bytes)) return { ok: false, problem: 'type', filename };
    files.push({
      filename,
      contentType: type.contentType,
      byteSize: u.bytes.length,
      sha256: crypto.createHash('sha256').update(u.bytes).digest('hex'),
      content: u.bytes,
    });
  }
  return { ok: true, files };
}

/** The last path segment, without control characters or quotes, at most 120 characters. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}"<>|*?:]/gu, '_')
    .replace(/^\.+/, '')
    .trim();
  if (!cleaned) return 'bijlage';
  if (cleaned.length <= 120) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 120 - ext.length) + ext;
}

/** RFC 6266 / 5987 Content-Disposition that always downloads, with a plain ASCII fallback name. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function formatBytes(n: number, lang: 'nl' | 'en'): string {
  if (n < 1024) return `${n} B`;
  const kb = n / 1024;
  if (kb < 1024) return `${Math.round(kb)} kB`;
  const mb = (kb / 1024).toFixed(1);
  return `${lang === 'nl' ? mb.replace('.', ',') : mb} MB`;
}
