import { useState, type FormEvent } from 'react';
import { post } from '../api.js';
import { ErrorSummary, Field, PageHeading, describedBy, fieldErrorFor } from '../components.js';
import { useI18n } from '../i18n.js';
import type { Me } from '../types.js';

export function LoginScreen({ onLogin, notice }: { onLogin: (me: Me) => void; notice?: string | undefined }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onLogin(await post<Me>('/api/v1/auth/login', { email, password }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const emailErr = fieldErrorFor(error, 'email');
  const pwErr = fieldErrorFor(error, 'password');
  return (
    <div className="bo-narrow">
      <PageHeading title={t('loginTitle')} />
      {notice ? (
        <p role="status" className="bo-notice">
          {notice}
        </p>
      ) : null}
      <ErrorSummary error={error} />
      <form onSubmit={submit} noValidate>
        <Field id="f-email" label={t('email')} error={emailErr}>
          <input
            id="f-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={!!emailErr}
            aria-describedby={describedBy('f-email', undefined, emailErr)}
          />
        </Field>
        <Field id="f-password" label={t('password')} error={pwErr}>
          <input
            id="f-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={!!pwErr}
            aria-describedby={describedBy('f-password', undefined, pwErr)}
          />
        </Field>
        <button type="submit" disabled={busy} aria-busy={busy}>
          {t('loginButton')}
        </button>
      </form>
    </div>
  );
}
