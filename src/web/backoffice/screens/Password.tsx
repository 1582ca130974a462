import { useState, type FormEvent } from 'react';
import { post } from '../api.js';
import { ErrorSummary, Field, PageHeading, describedBy, fieldErrorFor } from '../components.js';
import { useI18n } from '../i18n.js';
import { useSession } from '../session.js';

export function PasswordScreen() {
  const { t } = useI18n();
  const { signedOut } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    if (next !== repeat) {
      setError(Object.assign(new Error(t('passwordsDiffer'))));
      return;
    }
    setBusy(true);
    try {
      await post('/api/v1/auth/password', { currentPassword: current, newPassword: next });
      // The server ends every session of this user, this one included.
      signedOut(t('passwordChanged'));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const curErr = fieldErrorFor(error, 'currentPassword');
  const newErr = fieldErrorFor(error, 'newPassword');
  return (
    <div className="bo-narrow">
      <PageHeading title={t('navPassword')} />
      <ErrorSummary error={error} />
      <form onSubmit={submit} noValidate>
        <Field id="f-currentPassword" label={t('currentPassword')} error={curErr}>
          <input
            id="f-currentPassword"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            aria-invalid={!!curErr}
            aria-describedby={describedBy('f-currentPassword', undefined, curErr)}
          />
        </Field>
        <Field id="f-newPassword" label={t('newPassword')} hint={t('newPasswordHint')} error={newErr}>
          <input
            id="f-newPassword"
            type="password"
            autoComplete="new-password"
            minLength={12}
            value={next}
            onChange={(e) => setNext(e.target.value)}
            aria-invalid={!!newErr}
            aria-describedby={describedBy('f-newPassword', t('newPasswordHint'), newErr)}
          />
        </Field>
        <Field id="f-repeatPassword" label={t('repeatPassword')}>
          <input
            id="f-repeatPassword"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
        </Field>
        <button type="submit" disabled={busy} aria-busy={busy}>
          {t('changePasswordButton')}
        </button>
      </form>
    </div>
  );
}
