import { longDate } from '../../../domain/format.js';
import type { LocalDate } from '../../../domain/dates.js';
import {
  ACCEPT_ATTRIBUTE,
  ALLOWED_EXTENSIONS_TEXT,
  MAX_FILE_BYTES,
  MAX_FILES,
  formatBytes,
} from './attachments.js';
import { fieldId, LIMITS, type IntakeField } from './form.js';
import { html } from './html.js';
import {
  errorSummary,
  fileInput,
  input,
  page,
  radios,
  t,
  type FieldError,
  type PageContext,
} from './layout.js';

export interface IntakeFormView {
  action: string;
  values: Partial<Record<IntakeField, string>>;
  errors: readonly FieldError[];
  formId: string;
  /** Files were chosen but not kept because of errors: ask to choose them again. */
  filesDropped: boolean;
  contactWorkingDays: number;
  statusLinkRequestHref: string;
}

/** The complaint form (NO-01: easy to find and to do), fully usable without JavaScript. */
export function intakeFormPage(ctx: PageContext, v: IntakeFormView): string {
  const { lang } = ctx;
  const err = (field: IntakeField) => v.errors.find((e) => e.field === fieldId(field))?.message;
  const common = (field: IntakeField) => ({
    id: fieldId(field),
    name: field,
    value: v.values[field],
    error: err(field),
    lang,
  });
  const body = html` ${errorSummary(
    lang,
    v.errors,
    v.filesDropped
      ? html`<p>
            ${t(lang, 'Uw bijlagen zijn nog niet verstuurd. Kies ze opnieuw voordat u de klacht verstuurt.', 'Your attachments have not been sent yet. Choose them again before you send the complaint.')}
          </p>`
      : '',
  )}
    <h1>${t(lang, 'Een klacht indienen', 'Make a complaint')}</h1>
    <p>
      ${t(
        lang,
        'Bent u niet tevreden over hoe wij u hebben behandeld? Vertel het ons. Wij nemen uw klacht serieus en zoeken samen met u naar een oplossing.',
        'Are you unhappy with how we treated you? Tell us. We take your complaint seriously and look for a solution together with you.',
      )}
    </p>
    <p>
      ${t(lang, 'Heeft u al een klacht ingediend?', 'Already made a complaint?')}
      <a href="${v.statusLinkRequestHref}"
        >${t(lang, 'Vraag een link aan om uw klacht te volgen', 'Ask for a link to follow your complaint')}</a
      >.
    </p>
    <form method="post" action="${v.action}" enctype="multipart/form-data" novalidate data-once>
      <input type="hidden" name="formId" value="${v.formId}" />
      <h2>${t(lang, 'Over u', 'About you')}</h2>
      ${input({ ...common('name'), label: t(lang, 'Uw naam', 'Your name'), autocomplete: 'name', maxlength: LIMITS.name })}
      ${input({
        ...common('onBehalfOf'),
        label: t(
          lang,
          'Dient u de klacht in voor iemand anders? Vul dan diens naam in',
          'Are you complaining for someone else? Enter their name',
        ),
        hint: t(
          lang,
          'Bijvoorbeeld voor uw kind, ouder of cliënt.',
          'For example for your child, parent or client.',
        ),
        optional: true,
        maxlength: LIMITS.onBehalfOf,
      })}
      ${radios({
        ...common('contactPreference'),
        legend: t(lang, 'Hoe wilt u dat wij contact met u opnemen?', 'How would you like us to contact you?'),
        options: [
          { value: 'email', label: t(lang, 'Per e-mail', 'By e-mail') },
          { value: 'phone', label: t(lang, 'Per telefoon', 'By phone') },
          { value: 'letter', label: t(lang, 'Per brief', 'By letter') },
        ],
      })}
      ${input({
        ...common('email'),
        label: t(lang, 'E-mailadres', 'E-mail address'),
        hint: t(
          lang,
          'Hierheen sturen wij de bevestiging en de link om uw klacht te volgen.',
          'We send the confirmation and the link to follow your complaint here.',
        ),
        type: 'email',
        autocomplete: 'email',
        optional: true,
      })}
      ${input({ ...common('phone'), label: t(lang, 'Telefoonnummer', 'Phone number'), type: 'tel', autocomplete: 'tel', optional: true })}
      ${input({
        ...common('address'),
        label: t(lang, 'Adres', 'Address'),
        hint: t(lang, 'Straat, huisnummer, postcode en plaats.', 'Street, house number, postcode and town.'),
        autocomplete: 'street-address',
        optional: true,
        multiline: true,
        rows: 3,
        maxlength: LIMITS.address,
      })}
      <h2>${t(lang, 'Uw klacht', 'Your complaint')}</h2>
      ${input({
        ...common('description'),
        label: t(lang, 'Wat is er gebeurd?', 'What happened?'),
        hint: t(
          lang,
          'Vertel in uw eigen woorden waarover u niet tevreden bent.',
          'Tell us in your own words what you are unhappy about.',
        ),
        multiline: true,
        rows: 8,
        maxlength: LIMITS.description,
      })}
      ${input({
        ...common('incidentDate'),
        label: t(lang, 'Wanneer gebeurde het?', 'When did it happen?'),
        hint: t(
          lang,
          'Weet u de datum niet precies? Kies dan ongeveer de datum, of laat dit leeg.',
          'Not sure of the exact date? Choose about the date, or leave this empty.',
        ),
        type: 'date',
        optional: true,
      })}
      ${input({
        ...common('involved'),
        label: t(lang, 'Wie waren erbij betrokken?', 'Who was involved?'),
        hint: t(
          lang,
          'Bijvoorbeeld de naam of functie van een medewerker, of de afdeling.',
          'For example the name or job of a member of staff, or the department.',
        ),
        optional: true,
        multiline: true,
        rows: 3,
        maxlength: LIMITS.involved,
      })}
      ${input({
        ...common('desiredOutcome'),
        label: t(
          lang,
          'Wat wilt u bereiken met uw klacht?',
          'What would you like to achieve with your complaint?',
        ),
        hint: t(
          lang,
          'Bijvoorbeeld excuses, een uitleg, of dat iets wordt hersteld.',
          'For example an apology, an explanation, or that something is put right.',
        ),
        optional: true,
        multiline: true,
        rows: 4,
        maxlength: LIMITS.desiredOutcome,
      })}
      ${fileInput({
        id: fieldId('attachments'),
        name: 'attachments',
        label: t(lang, 'Documenten of foto’s', 'Documents or photos'),
        hint: t(
          lang,
          `Hoogstens ${MAX_FILES} bestanden van elk hoogstens ${formatBytes(MAX_FILE_BYTES, 'nl')}, van het type ${ALLOWED_EXTENSIONS_TEXT}.`,
          `At most ${MAX_FILES} files of at most ${formatBytes(MAX_FILE_BYTES, 'en')} each, of type ${ALLOWED_EXTENSIONS_TEXT}.`,
        ),
        error: err('attachments'),
        accept: ACCEPT_ATTRIBUTE,
        maxBytes: MAX_FILE_BYTES,
        tooLarge: t(
          lang,
          `Dit bestand is groter dan ${formatBytes(MAX_FILE_BYTES, 'nl')}.`,
          `This file is larger than ${formatBytes(MAX_FILE_BYTES, 'en')}.`,
        ),
        lang,
      })}
      <div class="rd-hp" aria-hidden="true">
        <label for="website">${t(lang, 'Laat dit veld leeg', 'Leave this field empty')}</label>
        <input type="text" id="website" name="website" tabindex="-1" autocomplete="off" />
      </div>
      <h2>${t(lang, 'Wat wij met uw gegevens doen', 'What we do with your data')}</h2>
      <p>
        ${t(
          lang,
          'Wij gebruiken uw gegevens alleen om uw klacht te behandelen. Alleen de mensen die uw klacht behandelen, kunnen ze zien. De medewerker over wie u klaagt, krijgt een kopie van uw klacht.',
          'We use your data only to handle your complaint. Only the people handling your complaint can see it. The member of staff you complain about receives a copy of your complaint.',
        )}${ctx.privacyUrl ? html` <a href="${ctx.privacyUrl}">${t(lang, 'Lees onze privacyverklaring', 'Read our privacy statement')}</a>.` : ''}
      </p>
      <button type="submit">${t(lang, 'Klacht versturen', 'Send complaint')}</button>
    </form>
    <h2>${t(lang, 'Wat gebeurt er daarna?', 'What happens next?')}</h2>
    <p>
      ${t(
        lang,
        `U krijgt meteen een bevestiging. Binnen ${v.contactWorkingDays} werkdagen neemt een klachtbehandelaar contact met u op.`,
        `You get a confirmation straight away. A complaint handler will contact you within ${v.contactWorkingDays} working days.`,
      )}
    </p>`;
  return page(ctx, {
    title: t(lang, 'Een klacht indienen', 'Make a complaint'),
    body,
    hasErrors: v.errors.length > 0,
  });
}

export interface ConfirmationView {
  reference: string;
  receiptDate: LocalDate;
  decisionDue: LocalDate;
  statusHref: string;
  statusUrl: string;
  emailed: boolean;
  contactWorkingDays: number;
  advisoryCommittee: boolean;
}

/** What the acknowledgement e-mail says, on the page (ISO-03, AWB-12/13, NO-02, NO-07, seeds 000/001). */
export function confirmationPage(ctx: PageContext, v: ConfirmationView): string {
  const { lang } = ctx;
  const due = longDate(v.decisionDue, lang);
  const body = html` <div class="rd-panel rd-panel--success">
      <h1>${t(lang, 'Wij hebben uw klacht ontvangen', 'We have received your complaint')}</h1>
      <p>${t(lang, 'Uw kenmerk is', 'Your reference is')}</p>
      <p class="rd-reference">${v.reference}</p>
    </div>
    <p>
      ${t(lang, `Wij hebben uw klacht ontvangen op ${longDate(v.receiptDate, 'nl')}.`, `We received your complaint on ${longDate(v.receiptDate, 'en')}.`)}
      ${t(
        lang,
        'Noem uw kenmerk als u contact met ons opneemt.',
        'Please mention your reference when you contact us.',
      )}
    </p>
    <p>
      <strong
        >${t(lang, `U krijgt uiterlijk op ${due} ons schriftelijke antwoord.`, `You will receive our written answer no later than ${due}.`)}</strong
      >
    </p>
    ${v.emailed ? html`<p>${t(lang, 'U krijgt deze informatie ook per e-mail.', 'You will also receive this information by e-mail.')}</p>` : ''}
    <h2>${t(lang, 'Wat gebeurt er nu?', 'What happens now?')}</h2>
    <ol>
      <li>
        ${t(
          lang,
          `Binnen ${v.contactWorkingDays} werkdagen neemt een klachtbehandelaar contact met u op. Dat is iemand die niet betrokken was bij waarover u klaagt.`,
          `Within ${v.contactWorkingDays} working days a complaint handler will contact you: someone who was not involved in what you complain about.`,
        )}
      </li>
      <li>
        ${t(
          lang,
          'Samen bespreken we uw klacht en wat u wilt bereiken. Vaak kunnen we het dan al oplossen.',
          'Together we discuss your complaint and what you would like to achieve. Often we can solve it then.',
        )}
      </li>
      <li>
        ${t(lang, 'U krijgt de gelegenheid uw klacht in een gesprek toe te lichten (hoorgesprek).', 'You will be offered a conversation to explain your complaint (hearing).')}${
          v.advisoryCommittee
            ? html` ${t(lang, 'Een onafhankelijke klachtencommissie adviseert over uw klacht.', 'An independent complaints committee will advise on your complaint.')}`
            : ''
        }
      </li>
      <li>
        ${t(
          lang,
          `U krijgt uiterlijk op ${due} een brief met ons oordeel. Hebben wij meer tijd nodig, dan laten wij u dat vóór die datum weten.`,
          `You will receive a letter with our decision no later than ${due}. If we need more time, we will tell you before that date.`,
        )}
      </li>
    </ol>
    <h2>${t(lang, 'Uw klacht volgen', 'Follow your complaint')}</h2>
    <p>
      ${t(
        lang,
        'Op uw persoonlijke pagina ziet u hoe het met uw klacht staat en kunt u informatie toevoegen. Bewaar de link goed en deel hem niet.',
        'On your personal page you can see how your complaint is going and add information. Keep the link safe and do not share it.',
      )}
    </p>
    <p>
      <a href="${v.statusHref}"
        >${t(lang, 'Naar de pagina van uw klacht', 'Go to the page of your complaint')}</a
      >
    </p>`;
  return page(ctx, { title: t(lang, 'Klacht ontvangen', 'Complaint received'), body });
}
