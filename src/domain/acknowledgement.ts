import type { LocalDate } from './dates.js';
import { longDate } from './format.js';

export interface AcknowledgementInput {
  lang: 'nl' | 'en';
  organisationName: string;
  complainantName: string | null;
  reference: string;
  receiptDate: LocalDate;
  decisionDue: LocalDate;
  contactWorkingDays: number;
  statusUrl: string;
  privacyUrl?: string | undefined;
  advisoryCommittee: boolean;
}

export interface Message {
  subject: string;
  text: string;
}

/**
 * The acknowledgement (ontvangstbevestiging) sent at once on intake (ISO-03, AWB-12). It states the
 * receipt date from which the term runs, the latest answer date and the offer of a hearing (AWB-13),
 * the advisory committee where it applies (AWB-14), what happens next (NO-02, NO-07) and the
 * privacy notice (PRIV-02).
 */
export function acknowledgementMessage(a: AcknowledgementInput): Message {
  const received = longDate(a.receiptDate, a.lang);
  const due = longDate(a.decisionDue, a.lang);
  if (a.lang === 'en') {
    return {
      subject: `We have received your complaint (${a.reference})`,
      text: [
        `Dear ${a.complainantName ?? 'Sir or Madam'},`,
        `Thank you for your complaint. We received it on ${received}. Your reference is ${a.reference}; please mention it when you contact us.`,
        `What happens next: a complaint handler who was not involved in what you complain about will contact you within ${a.contactWorkingDays} working days to discuss your complaint and what you would like to achieve. You will be offered the opportunity to explain your complaint in a conversation (hearing).` +
          (a.advisoryCommittee ? ' An independent complaints committee will advise on your complaint.' : ''),
        `You will receive our written answer no later than ${due}. If we need more time, we will let you know in writing before that date.`,
        `You can follow your complaint and add information here: ${a.statusUrl}`,
        `We use your personal data only to handle your complaint.` +
          (a.privacyUrl ? ` Read how we do this: ${a.privacyUrl}` : ''),
        `Kind regards,\n${a.organisationName}`,
      ].join('\n\n'),
    };
  }
  return {
    subject: `Wij hebben uw klacht ontvangen (${a.reference})`,
    text: [
      `Geachte ${a.complainantName ?? 'heer, mevrouw'},`,
      `Dank u wel voor uw klacht. Wij hebben die ontvangen op ${received}. Uw kenmerk is ${a.reference}; wilt u dat noemen als u contact met ons opneemt?`,
      `Wat gebeurt er nu: binnen ${a.contactWorkingDays} werkdagen neemt een klachtbehandelaar contact met u op. Dat is iemand die niet betrokken was bij waarover u klaagt. Samen bespreken we uw klacht en wat u wilt bereiken. U krijgt ook de gelegenheid om uw klacht in een gesprek toe te lichten (hoorgesprek).` +
        (a.advisoryCommittee ? ' Een onafhankelijke klachtencommissie adviseert over uw klacht.' : ''),
      `U krijgt uiterlijk op ${due} ons schriftelijke antwoord. Hebben wij meer tijd nodig, dan laten wij u dat vóór die datum schriftelijk weten.`,
      `Op deze pagina volgt u uw klacht en kunt u informatie toevoegen: ${a.statusUrl}`,
      `Wij gebruiken uw persoonsgegevens alleen om uw klacht te behandelen.` +
        (a.privacyUrl ? ` Lees hoe wij dat doen: ${a.privacyUrl}` : ''),
      `Met vriendelijke groet,\n${a.organisationName}`,
    ].join('\n\n'),
  };
}
