import { describe, expect, it } from 'vitest';
import { attachmentDisposition, checkUploads, MAX_FILE_BYTES, safeFilename } from './attachments.js';
import { contrastWithWhite, brandingFor } from './branding.js';
import { pruneTheme } from './assets.js';

const PDF = Buffer.from('%PDF-1.7\n');

describe('attachment rules', () => {
  it('accepts by content and extension together', () => {
    const ok = checkUploads([{ filename: 'brief.PDF', bytes: PDF, truncated: false }]);
    expect(ok.ok && ok.files[0]!.contentType).toBe('application/pdf');
    expect(checkUploads([{ filename: 'brief.png', bytes: PDF, truncated: false }])).toMatchObject({
      ok: false,
      problem: 'type',
    });
    expect(
      checkUploads([{ filename: 'page.html', bytes: Buffer.from('<html>'), truncated: false }]),
    ).toMatchObject({ ok: false, problem: 'type' });
    expect(
      checkUploads([{ filename: 'notes.txt', bytes: Buffer.from([0xff, 0xfe, 0x00]), truncated: false }]),
    ).toMatchObject({ ok: false, problem: 'type' });
  });

  it('refuses truncated, oversized and empty files', () => {
    expect(checkUploads([{ filename: 'a.pdf', bytes: PDF, truncated: true }])).toMatchObject({
      ok: false,
      problem: 'too-large',
    });
    expect(
      checkUploads([
        { filename: 'a.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(MAX_FILE_BYTES)]), truncated: false },
      ]),
    ).toMatchObject({ ok: false, problem: 'too-large' });
    expect(checkUploads([{ filename: 'a.pdf', bytes: Buffer.alloc(0), truncated: false }])).toMatchObject({
      ok: false,
      problem: 'empty',
    });
  });

  it('cleans names: no paths, quotes or control characters; download header is always attachment', () => {
    expect(safeFilename('C:\\Users\\anna\\..\\brief "1".pdf')).toBe('brief _1_.pdf');
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('.htaccess')).toBe('htaccess');
    expect(attachmentDisposition('café.pdf')).toBe(
      `attachment; filename="caf_.pdf"; filename*=UTF-8''caf%C3%A9.pdf`,
    );
  });
});

describe('branding', () => {
  it('applies a colour only with WCAG AA contrast on white (4.5:1)', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 0);
    const org = (branding: unknown) => ({
      name: 'Gemeente Ergens',
      regime: 'awb' as const,
      settings: { branding } as never,
    });
    expect(brandingFor(org({ primaryColor: '#1f4e79' })).css?.body).toContain('#1f4e79');
    expect(brandingFor(org({ primaryColor: '#ffff00' })).css).toBeUndefined();
    expect(brandingFor(org({ primaryColor: 'red;} body{display:none' })).css).toBeUndefined();
    expect(brandingFor(org({ logoUrl: 'javascript:alert(1)' })).logoUrl).toBeUndefined();
    expect(brandingFor(org({ logoUrl: 'https://ergens.nl/logo.svg' })).logoUrl).toBe(
      'https://ergens.nl/logo.svg',
    );
  });
});

describe('theme pruning', () => {
  it('keeps the custom properties used, directly or through others', () => {
    const theme = '.voorbeeld-theme {\n  --a: var(--b);\n  --b: #fff;\n  --c: red;\n}\n';
    const out = pruneTheme(theme, '.x { color: var(--a); }');
    expect(out).toContain('--a: var(--b);');
    expect(out).toContain('--b: #fff;');
    expect(out).not.toContain('--c');
  });
});
