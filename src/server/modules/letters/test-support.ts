import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Shared by the letters tests.

/** A 1×1 PNG, as a logo. */
export const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** poppler's pdftotext, as a reader would see the text. */
export function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-pdf-'));
  try {
    const file = path.join(dir, 'letter.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The number of images (not soft masks) in a PDF, by pdfimages. */
export function pdfImageCount(pdf: Buffer): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-pdf-'));
  try {
    const file = path.join(dir, 'letter.pdf');
    fs.writeFileSync(file, pdf);
    const lines = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2);
    return lines.filter((l) => l.trim().split(/\s+/)[2] === 'image').length;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
