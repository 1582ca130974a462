import type { LocalDate } from '../../../domain/dates.js';
import { longDate } from '../../../domain/format.js';

/** The e-mail with a new status link (ISO-02), sent only to the address on file. */
export function statusLinkMessage(a: {
  lang: 'nl' | 'en';
  organisationName: string;
  complainantName: string | null;
  reference: string;
  statusUrl: string;
  validUntil: LocalDate;
}): { subject: string; text: string } {
  if (a.lang === 'en') {
    return {
      subject: `Your link to follow your complaint (${a.reference})`,
      text: [
        `Dear ${a.complainantName ?? 'Sir or Madam'},`,
        `You asked for a new link to follow your complaint ${a.reference}. Here it is:`,
        a.statusUrl,
        `The link works until ${longDate(a.validUntil, 'en')}. Do not share it: anyone with the link can see your complaint.`,
        `Did you not ask for this? Then you can ignore this e-mail.`,
        `Kind regards,\n${a.organisationName}`,
      ].join('\n\n'),
    };
  }
  return {
    subject: `Uw link om uw klacht te volgen (${a.reference})`,
    text: [
      `Geachte ${a.complainantName ?? 'heer, mevrouw'},`,
      `U heeft een nieuwe link gevraagd om uw klacht ${a.reference} te volgen. Hier is die:`,
      a.statusUrl,
      `De link werkt tot ${longDate(a.validUntil, 'nl')}. Deel de link niet: iedereen met de link kan uw klacht zien.`,
      `Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren.`,
      `Met vriendelijke groet,\n${a.organisationName}`,
    ].join('\n\n'),
  };
}
