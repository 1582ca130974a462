import { useState, type FormEvent } from 'react';
import { post, formText } from '../api.js';
import { ErrorSummary, Field, PageHeading, describedBy, fieldErrorFor, useLookups } from '../components.js';
import { useI18n } from '../i18n.js';
import { navigate } from '../router.js';
import type { CreatedCase } from '../types.js';
import { toLocalInput } from '../SchemaForm.js';

const CHANNELS = ['phone', 'letter', 'counter', 'email'] as const;

/** Staff intake of a complaint received by phone, letter, at the counter or by e-mail (POST /api/v1/cases). */
export function NewCaseScreen() {
  const { t } = useI18n();
  const lookups = useLookups();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [now] = useState(() => toLocalInput(new Date().toISOString()));

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => formText(f, k).trim() || undefined;
    const receivedLocal = s('receivedAt');
    const body = {
      channel: s('channel'),
      receivedAt: receivedLocal ? new Date(receivedLocal).toISOString() : undefined,
      complainant: { name: s('name'), email: s('email'), phone: s('phone'), address: s('address') },
      description: s('description'),
      desiredOutcome: s('desiredOutcome'),
      incidentDate: s('incidentDate'),
      categoryId: s('categoryId'),
      language: s('language') ?? 'nl',
    };
    setBusy(true);
    setError(undefined);
    try {
      const r = await post<CreatedCase>('/api/v1/cases', body);
      navigate(`/cases/${r.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const fe = (p: string) => fieldErrorFor(error, p);
  const input = (
    name: string,
    path: string,
    label: string,
    type = 'text',
    opts: { optional?: boolean; hint?: string; defaultValue?: string; autoComplete?: string } = {},
  ) => {
    const id = `f-${path.replace(/\./g, '-')}`;
    const err = fe(path);
    return (
      <Field id={id} label={label} error={err} hint={opts.hint} optional={opts.optional}>
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={opts.defaultValue}
          autoComplete={opts.autoComplete ?? 'off'}
          aria-invalid={!!err}
          aria-describedby={describedBy(id, opts.hint, err)}
        />
      </Field>
    );
  };
  const textarea = (name: string, label: string, optional = false) => {
    const id = `f-${name}`;
    const err = fe(name);
    return (
      <Field id={id} label={label} error={err} optional={optional}>
        <textarea
          id={id}
          name={name}
          rows={5}
          aria-invalid={!!err}
          aria-describedby={describedBy(id, undefined, err)}
        />
      </Field>
    );
  };

  return (
    <div className="bo-narrow">
      <PageHeading title={t('newCaseTitle')} />
      <ErrorSummary error={error} />
      <form onSubmit={submit} noValidate>
        <fieldset className="bo-fieldset">
          <legend>{t('channel')}</legend>
          {CHANNELS.map((c, i) => (
            <div className="bo-field bo-field--radio" key={c}>
              <input
                type="radio"
                id={i === 0 ? 'f-channel' : `f-channel-${c}`}
                name="channel"
                value={c}
                defaultChecked={c === 'phone'}
              />
              <label htmlFor={i === 0 ? 'f-channel' : `f-channel-${c}`}>{t(`channel_${c}`)}</label>
            </div>
          ))}
        </fieldset>
        {input('receivedAt', 'receivedAt', t('receivedAt'), 'datetime-local', { defaultValue: now })}
        <fieldset className="bo-fieldset">
          <legend>{t('complainant')}</legend>
          <p className="bo-hint">{t('contactHint')}</p>
          {input('name', 'complainant.name', t('name'))}
          {input('email', 'complainant.email', t('email'), 'email', { optional: true })}
          {input('phone', 'complainant.phone', t('phone'), 'tel', { optional: true })}
          {input('address', 'complainant.address', t('address'), 'text', { optional: true })}
        </fieldset>
        {textarea('description', t('description'))}
        {textarea('desiredOutcome', t('desiredOutcome'), true)}
        {input('incidentDate', 'incidentDate', t('incidentDate'), 'date', { optional: true })}
        <Field id="f-categoryId" label={t('category')} optional error={fe('categoryId')}>
          <select id="f-categoryId" name="categoryId" defaultValue="">
            <option value="">—</option>
            {lookups.categories
              .filter((c) => c.active)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
        </Field>
        <Field id="f-language" label={t('language')}>
          <select id="f-language" name="language" defaultValue="nl">
            <option value="nl">Nederlands</option>
            <option value="en">English</option>
          </select>
        </Field>
        <button type="submit" disabled={busy} aria-busy={busy}>
          {t('registerButton')}
        </button>
      </form>
    </div>
  );
}
