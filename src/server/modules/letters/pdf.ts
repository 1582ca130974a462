import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { LocalDate } from '../../../domain/dates.js';
import { longDate } from '../../../domain/format.js';
import type { Letter } from '../../../domain/letters/model.js';

const require = createRequire(import.meta.url);
const roboto = require('pdfmake/fonts/Roboto.js') as { Roboto: Record<string, string> };
const fontDir = path.dirname(roboto.Roboto.normal!);

pdfmake.addFonts(roboto);
// The document definition is ours, but letter text comes from people: never fetch a URL and read
// no local file except the fonts (images come in as data URLs).
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontDir + path.sep));

/** The organisation's letterhead (settings.letterhead; logo as a data:image/png or jpeg URL). */
export interface Letterhead {
  organisationName: string;
  address?: string | undefined;
  phone?: string | undefined;
  website?: string | undefined;
  logo?: string | undefined;
}

export interface RenderInput {
  letter: Letter;
  letterhead: Letterhead;
  letterDate: LocalDate;
  reference: string;
  recipient: { name: string | null; address?: string | null | undefined };
}

const LABELS = {
  nl: {
    date: 'Datum',
    reference: 'Ons kenmerk',
    subject: 'Onderwerp',
    page: (n: number, of: number) => `Pagina ${n} van ${of}`,
  },
  en: {
    date: 'Date',
    reference: 'Our reference',
    subject: 'Subject',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
};

const LOGO = /^data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/=]+$/;

/** The letter as a PDF (A4): letterhead, addressee, date, reference, subject, paragraphs, sign-off. */
export async function renderLetterPdf(input: RenderInput): Promise<Buffer> {
  const { letter, letterhead: head } = input;
  const l = LABELS[letter.lang];
  const headLines = [head.address, head.phone, head.website]
    .filter((x): x is string => Boolean(x))
    .flatMap((x) => x.split(/\n|,\s*(?=\d{4}\s?[A-Z]{2})/));
  const recipientLines = [
    input.recipient.name ?? '',
    ...(input.recipient.address ?? '').split(/\n|,\s*/),
  ].filter(Boolean);

  const body: Record<string, unknown>[] = [];
  for (const p of letter.paragraphs) {
    if (p.role === 'header') continue;
    if (p.heading) body.push({ text: p.heading, style: 'heading' });
    body.push({
      text: p.text,
      style: p.role === 'signoff' ? 'signoff' : 'paragraph',
      ...(p.heading ? { margin: [0, 0, 0, 10] } : {}),
    });
  }

  const docDefinition = {
    pageSize: 'A4',
    pageMargins: [70, 60, 70, 60],
    info: {
      title: letter.subject ?? input.reference,
      author: head.organisationName,
      subject: input.reference,
      creator: 'Redress',
      producer: 'Redress (pdfmake)',
    },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25 },
    styles: {
      organisation: { fontSize: 14, bold: true },
      letterhead: { fontSize: 9, color: '#444444' },
      meta: { fontSize: 9.5 },
      heading: { bold: true, margin: [0, 4, 0, 2] },
      paragraph: { margin: [0, 0, 0, 10] },
      signoff: { margin: [0, 6, 0, 0] },
    },
    footer: (page: number, pages: number) => ({
      text: l.page(page, pages),
      alignment: 'center',
      fontSize: 8,
      color: '#666666',
      margin: [0, 20, 0, 0],
    }),
    content: [
      {
        columns: [
          head.logo && LOGO.test(head.logo)
            ? { image: head.logo, fit: [120, 60], width: 130 }
            : { text: '', width: 130 },
          {
            width: '*',
            alignment: 'right',
            stack: [
              { text: head.organisationName, style: 'organisation' },
              ...headLines.map((t) => ({ text: t.trim(), style: 'letterhead' })),
            ],
          },
        ],
        margin: [0, 0, 0, 36],
      },
      { stack: recipientLines.map((t) => ({ text: t })), margin: [0, 0, 0, 30] },
      {
        table: {
          widths: [80, '*'],
          body: [
            [
              { text: `${l.date}:`, style: 'meta' },
              { text: longDate(input.letterDate, letter.lang), style: 'meta' },
            ],
            [
              { text: `${l.reference}:`, style: 'meta' },
              { text: input.reference, style: 'meta' },
            ],
            ...(letter.subject
              ? [
                  [
                    { text: `${l.subject}:`, style: 'meta' },
                    { text: letter.subject, style: 'meta' },
                  ],
                ]
              : []),
          ],
        },
        layout: 'noBorders',
        margin: [0, 0, 0, 24],
      },
      ...body,
    ],
  };
  return pdfmake.createPdf(docDefinition).getBuffer();
}
