import { longDate } from '../../../domain/format.js';
import { amsterdamDate } from '../../../domain/dates.js';
import { STATUS_LABELS, type CaseStatus } from '../../../domain/lifecycle.js';
import type { Lang } from '../../errors.js';
import {
  ACCEPT_ATTRIBUTE,
  ALLOWED_EXTENSIONS_TEXT,
  MAX_FILE_BYTES,
  MAX_FILES,
  formatBytes,
} from './attachments.js';
import { LIMITS } from './form.js';
import { html, type Html } from './html.js';
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
import type { ExternalRoute, Satisfaction, StatusView } from './service.js';

export interface StatusPageView {
  view: StatusView;
  base: string;
  /** `?lang=en` or '' — kept on every link and form of the page. */
  query: string;
  notice?: 'information-added' | 'survey-answered' | undefined;
  errors: readonly FieldError[];
  values: {
    message?: string | undefined;
    outcome?: string | undefined;
    handling?: string | undefined;
    comment?: string | undefined;
  };
  filesDropped: boolean;
}

const satisfactionOptions = (lang: Lang) => [
  { value: 'yes', label: t(lang, 'Ja', 'Yes') },
  { value: 'partly', label: t(lang, 'Gedeeltelijk', 'Partly') },
  { value: 'no', label: t(lang, 'Nee', 'No') },
];

const notSatisfied = (a: { outcome: Satisfaction; handling: Satisfaction }) =>
  a.outcome !== 'yes' || a.handling !== 'yes';

/** ISO-02: the status page behind the secret link. */
export function statusPage(ctx: PageContext, p: StatusPageView): string {
  const { lang } = ctx;
  const v = p.view;
  const label = STATUS_LABELS[v.status as CaseStatus]?.[lang] ?? v.status;
  const err = (id: string) => p.errors.find((e) => e.field === id)?.message;
  const body = html` ${errorSummary(
    lang,
    p.errors,
    p.filesDropped
      ? html`<p>
            ${t(lang, 'Uw bijlagen zijn nog niet verstuurd. Kies ze opnieuw.', 'Your attachments have not been sent yet. Choose them again.')}
          </p>`
      : '',
  )}
    ${
      p.notice === 'information-added'
        ? html`<div class="rd-panel rd-panel--success" role="status">
            <p>
              ${t(lang, 'Dank u wel. Wij hebben uw informatie ontvangen.', 'Thank you. We have received your information.')}
            </p>
          </div>`
        : p.notice === 'survey-answered'
          ? html`<div class="rd-panel rd-panel--success" role="status">
              <p>${t(lang, 'Dank u wel voor uw antwoorden.', 'Thank you for your answers.')}</p>
            </div>`
          : ''
    }
    <h1>${t(lang, 'Uw klacht', 'Your complaint')} ${v.reference}</h1>
    <dl class="rd-dl">
      <dt>${t(lang, 'Stand van zaken', 'Status')}</dt>
      <dd>${label}</dd>
      <dt>${t(lang, 'Ontvangen op', 'Received on')}</dt>
      <dd>${longDate(v.receiptDate, lang)}</dd>
      ${
        v.open
          ? html`<dt>${t(lang, 'Antwoord uiterlijk op', 'Answer no later than')}</dt>
              <dd>${longDate(v.decisionDue, lang)}</dd>`
          : ''
      }
    </dl>
    ${
      v.letter
        ? html`<h2>${t(lang, 'Onze brief', 'Our letter')}</h2>
            <p>
              <a href="${p.base}/besluit/${v.letter.id}${p.query}" download
                >${t(lang, 'Download de brief met ons oordeel', 'Download the letter with our decision')}
                (PDF)</a
              >, ${t(lang, 'verstuurd op', 'sent on')} ${longDate(amsterdamDate(v.letter.sentAt), lang)}.
            </p>`
        : ''
    }
    ${surveySection(lang, p, err)}
    <h2>${t(lang, 'Wat er is gebeurd', 'What has happened')}</h2>
    <ol class="rd-timeline">
      ${v.timeline.map((e) => html`<li><time datetime="${e.at.toISOString()}">${e.date}</time>${e.text}</li>`)}
    </ol>
    ${
      v.messages.length
        ? html`<h2>${t(lang, 'Berichten aan u', 'Messages to you')}</h2>
            ${v.messages.map(
              (m) =>
                html`<article class="rd-message">
                  <h3>${m.subject}</h3>
                  <p><time datetime="${m.at.toISOString()}">${longDate(amsterdamDate(m.at), lang)}</time></p>
                  <pre>${m.body}</pre>
                </article>`,
            )}`
        : ''
    }
    ${
      v.attachments.length
        ? html`<h2>${t(lang, 'Uw documenten', 'Your documents')}</h2>
            <ul>
              ${v.attachments.map(
                (a) =>
                  html`<li>
                    <a href="${p.base}/bijlagen/${a.id}${p.query}" download>${a.filename}</a>
                    (${formatBytes(a.byteSize, lang)}, ${longDate(amsterdamDate(a.at), lang)})
                  </li>`,
              )}
            </ul>`
        : ''
    }
    ${
      v.acceptsInformation
        ? html`<h2 id="informatie">${t(lang, 'Informatie toevoegen', 'Add information')}</h2>
            <p>
              ${t(lang, 'Wilt u nog iets vertellen of een document sturen? Dat kan hier.', 'Would you like to tell us more or send a document? You can do that here.')}
            </p>
            <form
              method="post"
              action="${p.base}/informatie${p.query}"
              enctype="multipart/form-data"
              novalidate
              data-once
            >
              ${input({
                id: 'f-message',
                name: 'message',
                label: t(lang, 'Uw aanvulling', 'Your addition'),
                value: p.values.message,
                error: err('f-message'),
                multiline: true,
                rows: 5,
                maxlength: LIMITS.message,
                lang,
              })}
              ${fileInput({
                id: 'f-attachments',
                name: 'attachments',
                label: t(lang, 'Documenten of foto’s', 'Documents or photos'),
                hint: t(
                  lang,
                  `Hoogstens ${MAX_FILES} bestanden van elk hoogstens ${formatBytes(MAX_FILE_BYTES, 'nl')}, van het type ${ALLOWED_EXTENSIONS_TEXT}.`,
                  `At most ${MAX_FILES} files of at most ${formatBytes(MAX_FILE_BYTES, 'en')} each, of type ${ALLOWED_EXTENSIONS_TEXT}.`,
                ),
                error: err('f-attachments'),
                accept: ACCEPT_ATTRIBUTE,
                maxBytes: MAX_FILE_BYTES,
                tooLarge: t(
                  lang,
                  `Dit bestand is groter dan ${formatBytes(MAX_FILE_BYTES, 'nl')}.`,
                  `This file is larger than ${formatBytes(MAX_FILE_BYTES, 'en')}.`,
                ),
                lang,
              })}
              <button type="submit">${t(lang, 'Versturen', 'Send')}</button>
            </form>`
        : ''
    }
    <h2>${t(lang, 'Over deze pagina', 'About this page')}</h2>
    <p>
      ${t(
        lang,
        `Deze link werkt tot ${longDate(v.linkValidUntil, 'nl')}. Deel hem niet: iedereen met de link kan deze pagina zien.`,
        `This link works until ${longDate(v.linkValidUntil, 'en')}. Do not share it: anyone with the link can see this page.`,
      )}
    </p>`;
  return page(ctx, {
    title: `${t(lang, 'Uw klacht', 'Your complaint')} ${v.reference}`,
    body,
    hasErrors: p.errors.length > 0,
  });
}

function surveySection(lang: Lang, p: StatusPageView, err: (id: string) => string | undefined): Html | '' {
  const v = p.view;
  if (!v.survey.asked) return '';
  const answer = v.survey.answer;
  if (answer) {
    return html`<h2>${t(lang, 'Uw mening', 'Your opinion')}</h2>
      <p>
        ${t(lang, 'U heeft de vragen over uw tevredenheid beantwoord. Dank u wel.', 'You answered the satisfaction questions. Thank you.')}
      </p>
      ${notSatisfied(answer) ? escalation(lang, v.externalRoute, v.contactPhone) : ''}`;
  }
  // ISO-10 (ISO 10004), seed 003 / NO-05: ask whether the complainant is satisfied.
  return html`<h2 id="tevredenheid">${t(lang, 'Bent u tevreden?', 'Are you satisfied?')}</h2>
    <p>
      ${t(
        lang,
        'De behandeling van uw klacht is afgerond. Wij willen graag weten wat u ervan vond. Dat helpt ons om te leren. Het duurt één minuut.',
        'The handling of your complaint has ended. We would like to know what you thought of it. That helps us learn. It takes one minute.',
      )}
    </p>
    <form method="post" action="${p.base}/tevredenheid${p.query}" novalidate data-once>
      ${radios({
        id: 'f-outcome',
        name: 'outcome',
        legend: t(
          lang,
          'Bent u tevreden met de uitkomst van uw klacht?',
          'Are you satisfied with the outcome of your complaint?',
        ),
        options: satisfactionOptions(lang),
        value: p.values.outcome,
        error: err('f-outcome'),
        lang,
      })}
      ${radios({
        id: 'f-handling',
        name: 'handling',
        legend: t(
          lang,
          'Bent u tevreden met hoe wij uw klacht hebben behandeld?',
          'Are you satisfied with how we handled your complaint?',
        ),
        options: satisfactionOptions(lang),
        value: p.values.handling,
        error: err('f-handling'),
        lang,
      })}
      ${input({
        id: 'f-comment',
        name: 'comment',
        label: t(lang, 'Wilt u nog iets kwijt?', 'Anything else you would like to tell us?'),
        value: p.values.comment,
        error: err('f-comment'),
        optional: true,
        multiline: true,
        rows: 4,
        maxlength: LIMITS.comment,
        lang,
      })}
      <button type="submit">${t(lang, 'Antwoorden versturen', 'Send answers')}</button>
    </form>
    <p>
      ${t(lang, 'Bent u het niet eens met de uitkomst?', 'Do you disagree with the outcome?')}
      ${escalationLinkText(lang)}
    </p>
    ${escalation(lang, v.externalRoute, v.contactPhone)}`;
}

function escalationLinkText(lang: Lang): string {
  return t(lang, 'Hieronder leest u wat u kunt doen.', 'Below you can read what you can do.');
}

/** NO-05, AWB-51, WKKGZ-08/11, ISO-10 (ISO 10003): the way further when not satisfied. */
function escalation(lang: Lang, route: ExternalRoute | undefined, phone: string | undefined): Html {
  return html`<div class="rd-panel">
    <h2>${t(lang, 'Niet tevreden?', 'Not satisfied?')}</h2>
    <p>
      ${t(lang, 'Neem eerst contact met ons op. Misschien kunnen wij het alsnog oplossen of beter uitleggen.', 'Please contact us first. Perhaps we can still solve it or explain it better.')}${
        phone
          ? html` ${t(lang, 'Bel', 'Call')} <a href="tel:${phone.replace(/[^+0-9]/g, '')}">${phone}</a>.`
          : ''
      }
    </p>
    ${
      route
        ? html`<p>
              ${
                route.kind === 'disputes'
                  ? t(
                      lang,
                      `U kunt uw klacht ook voorleggen aan ${route.name}.`,
                      `You can also take your complaint to ${route.name}.`,
                    )
                  : t(
                      lang,
                      `U kunt ook een klacht indienen bij ${route.name}.`,
                      `You can also complain to ${route.name}.`,
                    )
              }${
                route.before
                  ? html` ${
                      route.kind === 'disputes'
                        ? t(
                            lang,
                            `Doe dat binnen een jaar nadat u uw klacht bij ons meldde: vóór ${longDate(route.before, 'nl')}.`,
                            `Do so within a year after you made your complaint to us: before ${longDate(route.before, 'en')}.`,
                          )
                        : t(
                            lang,
                            `Doe dat binnen een jaar na onze brief: vóór ${longDate(route.before, 'nl')}.`,
                            `Do so within a year after our letter: before ${longDate(route.before, 'en')}.`,
                          )
                    }`
                  : ''
              }
            </p>
            ${route.terms ? html`<p>${route.terms}</p>` : ''}
            ${route.address ? html`<p>${t(lang, 'Adres', 'Address')}: ${route.address}</p>` : ''}
            ${route.url ? html`<p><a href="${route.url}">${t(lang, `Website van ${route.name}`, `Website of ${route.name}`)}</a></p>` : ''}`
        : ''
    }
  </div>`;
}

export interface LinkRequestView {
  action: string;
  values: { reference?: string | undefined; email?: string | undefined };
  errors: readonly FieldError[];
  sent: boolean;
  intakeHref: string;
}

/** ISO-02: ask for a new status link; the answer is the same whether or not the case exists. */
export function linkRequestPage(ctx: PageContext, v: LinkRequestView): string {
  const { lang } = ctx;
  const err = (id: string) => v.errors.find((e) => e.field === id)?.message;
  const body = v.sent
    ? html`<div class="rd-panel rd-panel--success" role="status">
          <h1>${t(lang, 'Controleer uw e-mail', 'Check your e-mail')}</h1>
          <p>
            ${t(
              lang,
              'Als het kenmerk en het e-mailadres bij een klacht horen, sturen wij binnen enkele minuten een nieuwe link naar het e-mailadres dat wij van u hebben.',
              'If the reference and the e-mail address belong to a complaint, we will send a new link to the e-mail address we have for you within a few minutes.',
            )}
          </p>
        </div>
        <p>
          ${t(lang, 'Geen e-mail gekregen? Kijk ook in uw map met ongewenste e-mail, of bel ons.', 'No e-mail? Also check your spam folder, or call us.')}
        </p>`
    : html`${errorSummary(lang, v.errors)}
        <h1>${t(lang, 'Link om uw klacht te volgen', 'Link to follow your complaint')}</h1>
        <p>
          ${t(
            lang,
            'Bent u de link kwijt, of werkt hij niet meer? Vul het kenmerk van uw klacht in en het e-mailadres waarmee u de klacht indiende. Wij sturen dan een nieuwe link naar dat e-mailadres.',
            'Lost the link, or does it no longer work? Enter the reference of your complaint and the e-mail address you used. We will then send a new link to that address.',
          )}
        </p>
        <form method="post" action="${v.action}" novalidate data-once>
          ${input({
            id: 'f-reference',
            name: 'reference',
            label: t(lang, 'Kenmerk', 'Reference'),
            hint: t(
              lang,
              'Dit staat in de bevestiging, bijvoorbeeld KL-2026-000123.',
              'You find it in the confirmation, for example KL-2026-000123.',
            ),
            value: v.values.reference,
            error: err('f-reference'),
            lang,
          })}
          ${input({ id: 'f-email', name: 'email', label: t(lang, 'E-mailadres', 'E-mail address'), type: 'email', autocomplete: 'email', value: v.values.email, error: err('f-email'), lang })}
          <button type="submit">${t(lang, 'Stuur mij een nieuwe link', 'Send me a new link')}</button>
        </form>
        <p>
          ${t(lang, 'Nog geen klacht ingediend?', 'Not made a complaint yet?')}
          <a href="${v.intakeHref}">${t(lang, 'Dien een klacht in', 'Make a complaint')}</a>.
        </p>`;
  return page(ctx, {
    title: t(lang, 'Link om uw klacht te volgen', 'Link to follow your complaint'),
    body,
    hasErrors: v.errors.length > 0,
  });
}

/** A status link that does not (or no longer) work: the same page for unknown and expired links. */
export function linkInvalidPage(ctx: PageContext, requestHref: string): string {
  const { lang } = ctx;
  const body = html`<h1>${t(lang, 'Deze link werkt niet (meer)', 'This link does not work (any more)')}</h1>
    <p>
      ${t(
        lang,
        'De link is verlopen of niet compleet. Controleer of u de hele link uit de e-mail heeft gebruikt.',
        'The link has expired or is incomplete. Check that you used the whole link from the e-mail.',
      )}
    </p>
    <p><a href="${requestHref}">${t(lang, 'Vraag een nieuwe link aan', 'Ask for a new link')}</a></p>`;
  return page(ctx, { title: t(lang, 'Link werkt niet', 'Link does not work'), body });
}

export function errorPage(
  ctx: PageContext,
  heading: string,
  message: string,
  back?: { href: string; text: string },
): string {
  const body = html`<h1>${heading}</h1>
    <p>${message}</p>
    ${back ? html`<p><a href="${back.href}">${back.text}</a></p>` : ''}`;
  return page(ctx, { title: heading, body });
}
