/** A multipart/form-data body as a browser sends it (fields, then files). */
export function multipart(
  fields: Record<string, string>,
  files: { name: string; filename: string; type: string; content: Buffer }[] = [],
) {
  const boundary = `----redress${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
    );
    parts.push(f.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A PDF of about `bytes` bytes that passes the content check (starts with %PDF-). */
export function pdfOf(bytes: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, bytes - head.length), 0x20)]);
}

export const validForm = {
  name: 'Anna de Vries',
  contactPreference: 'email',
  email: 'anna@example.nl',
  description: 'De medewerker aan de balie was onbeleefd.',
  involved: 'Baliemedewerker burgerzaken',
  desiredOutcome: 'Excuses',
  incidentDate: '2026-11-02',
  website: '',
};
