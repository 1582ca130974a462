import type { Lang } from '../../errors.js';
import type { PublicAssets } from './assets.js';
import type { Branding } from './branding.js';
import { html, type Html, type Renderable } from './html.js';

export interface PageContext {
  lang: Lang;
  branding: Branding;
  assets: PublicAssets;
  /** The same page in the other language (the language switch on every page). */
  switchHref: string;
  privacyUrl?: string | undefined;
  contactPhone?: string | undefined;
}

export const t = (lang: Lang, nl: string, en: string) => (lang === 'nl' ? nl : en);

export interface FieldError {
  /** The id of the input the summary links to. */
  field: string;
  message: string;
}

export function page(
  ctx: PageContext,
  opts: { title: string; body: Renderable; hasErrors?: boolean },
): string {
  const { lang, branding } = ctx;
  const other: Lang = lang === 'nl' ? 'en' : 'nl';
  const title = `${opts.hasErrors ? t(lang, 'Fout: ', 'Error: ') : ''}${opts.title} – ${branding.name}`;
  return (
    '<!doctype html>\n' +
    html`<html lang="${lang}" class="utrecht-html voorbeeld-theme">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${title}</title>
        <link rel="stylesheet" href="${ctx.assets.css.path}" />
        ${branding.css ? html`<link rel="stylesheet" href="${branding.css.path}" />` : ''}
        <script src="${ctx.assets.js.path}" defer></script>
      </head>
      <body class="rd-body">
        <a class="rd-skip" href="#inhoud">${t(lang, 'Direct naar de inhoud', 'Skip to content')}</a>
        <header class="rd-header">
          <div class="rd-wrap">
            <span class="rd-org"
              >${branding.logoUrl ? html`<img src="${branding.logoUrl}" alt="" height="48" />` : ''}${branding.name}</span
            >
            <nav class="rd-lang" aria-label="${t(lang, 'Taal', 'Language')}">
              <a href="${ctx.switchHref}" lang="${other}" hreflang="${other}"
                >${other === 'en' ? 'English' : 'Nederlands'}</a
              >
            </nav>
          </div>
        </header>
        <main id="inhoud" class="rd-wrap rd-main" tabindex="-1">${opts.body}</main>
        <footer class="rd-footer">
          <div class="rd-wrap">
            <p>
              ${branding.name}${ctx.contactPhone ? html` · ${t(lang, 'Telefoon', 'Phone')}: <a href="tel:${ctx.contactPhone.replace(/[^+0-9]/g, '')}">${ctx.contactPhone}</a>` : ''}${
                ctx.privacyUrl
                  ? html` ·
                      <a href="${ctx.privacyUrl}">${t(lang, 'Privacyverklaring', 'Privacy statement')}</a>`
                  : ''
              }
            </p>
          </div>
        </footer>
      </body>
    </html>`.value
  );
}

/** GOV.UK error summary: at the top, focused, each problem a link to its field. */
export function errorSummary(lang: Lang, errors: readonly FieldError[], extra?: Renderable): Html | '' {
  if (!errors.length) return '';
  return html`<div
    class="rd-error-summary"
    role="alert"
    aria-labelledby="error-summary-title"
    tabindex="-1"
    autofocus
    data-error-summary
  >
    <h2 id="error-summary-title">${t(lang, 'Er is een probleem', 'There is a problem')}</h2>
    <ul>
      ${errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}
    </ul>
    ${extra ?? ''}
  </div>`;
}

export interface InputOptions {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value?: string | undefined;
  type?: 'text' | 'email' | 'tel' | 'date';
  autocomplete?: string | undefined;
  optional?: boolean;
  multiline?: boolean;
  rows?: number;
  maxlength?: number;
  lang: Lang;
}

function describedBy(o: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}): string | undefined {
  const ids = [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function errorLine(lang: Lang, id: string, error: string | undefined): Html | '' {
  return error
    ? html`<p class="rd-error" id="${id}-error">
        <span class="rd-visually-hidden">${t(lang, 'Fout:', 'Error:')}</span> ${error}
      </p>`
    : '';
}

export function input(o: InputOptions): Html {
  const desc = describedBy(o);
  const label = html`${o.label}${o.optional ? t(o.lang, ' (niet verplicht)', ' (optional)') : ''}`;
  const attrs = html`id="${o.id}"
  name="${o.name}"${desc ? html` aria-describedby="${desc}"` : ''}${o.error ? html` aria-invalid="true"` : ''}${
    o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''
  }${o.maxlength ? html` maxlength="${o.maxlength}"` : ''}`;
  const control = o.multiline
    ? html`<textarea ${attrs} rows="${o.rows ?? 6}">${o.value ?? ''}</textarea>`
    : html`<input
        ${attrs}
        type="${o.type ?? 'text'}"
        value="${o.value ?? ''}"
        ${o.type === 'email' ? html` spellcheck="false"` : ''}
      />`;
  return html`<div class="rd-field${o.error ? ' rd-field--invalid' : ''}">
    <label for="${o.id}">${label}</label>
    ${o.hint ? html`<p class="rd-hint" id="${o.id}-hint">${o.hint}</p>` : ''}
    ${errorLine(o.lang, o.id, o.error)} ${control}
  </div>`;
}

export interface RadioOptions {
  id: string;
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  value?: string | undefined;
  options: readonly { value: string; label: string }[];
  lang: Lang;
}

/** Radios in a fieldset; the summary links to the first option (`${id}`). */
export function radios(o: RadioOptions): Html {
  const desc = describedBy(o);
  return html`<div class="rd-field${o.error ? ' rd-field--invalid' : ''}">
<fieldset${desc ? html` aria-describedby="${desc}"` : ''}>
<legend>${o.legend}</legend>
${o.hint ? html`<p class="rd-hint" id="${o.id}-hint">${o.hint}</p>` : ''}
${errorLine(o.lang, o.id, o.error)}
${o.options.map((opt, i) => {
  const id = i === 0 ? o.id : `${o.id}-${opt.value}`;
  return html`<div class="rd-choice">
    <input
      type="radio"
      id="${id}"
      name="${o.name}"
      value="${opt.value}"
      ${o.value === opt.value ? ' checked' : ''}${o.error ? html` aria-invalid="true"` : ''}
    /><label for="${id}">${opt.label}</label>
  </div>`;
})}
</fieldset>
</div>`;
}

export function fileInput(o: {
  id: string;
  name: string;
  label: string;
  hint: string;
  error?: string | undefined;
  accept: string;
  maxBytes: number;
  tooLarge: string;
  lang: Lang;
}): Html {
  const desc = describedBy(o);
  return html`<div class="rd-field${o.error ? ' rd-field--invalid' : ''}">
    <label for="${o.id}">${o.label}${t(o.lang, ' (niet verplicht)', ' (optional)')}</label>
    <p class="rd-hint" id="${o.id}-hint">${o.hint}</p>
    ${errorLine(o.lang, o.id, o.error)}
    <input
      type="file"
      id="${o.id}"
      name="${o.name}"
      multiple
      accept="${o.accept}"
      data-max-bytes="${o.maxBytes}"
      data-too-large="${o.tooLarge}"
      ${desc ? html` aria-describedby="${desc}"` : ''}${o.error ? html` aria-invalid="true"` : ''}
    />
  </div>`;
}
