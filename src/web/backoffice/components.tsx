import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, get, type FieldError } from './api.js';
import { useI18n } from './i18n.js';
import type {
  CategoryList,
  DepartmentList,
  Labels,
  Named,
  StaffList,
  StaffUser,
  UserList,
  UserRow,
} from './types.js';

/** Sets the document title and moves focus to the page's h1, so a screen reader hears where it is. */
export function usePageTitle(title: string): React.RefObject<HTMLHeadingElement | null> {
  const ref = useRef<HTMLHeadingElement | null>(null);
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} – ${t('appName')}`;
  }, [title, t]);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = usePageTitle(title);
  return (
    <h1 ref={ref} tabIndex={-1} className="bo-page-title">
      {title}
      {children}
    </h1>
  );
}

/** The GOV.UK error summary: at the top, focused, each problem linked to its field. */
export function ErrorSummary({ error, idPrefix = '' }: { error: unknown; idPrefix?: string }) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const fields: FieldError[] = error instanceof ApiError ? error.fields : [];
  const blockers =
    error instanceof ApiError && Array.isArray(error.details?.blockers)
      ? (error.details.blockers as { rule?: string; message?: string | { nl: string; en: string } }[])
      : [];
  return (
    <div
      className="bo-error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby={`${idPrefix}error-title`}
    >
      <h2 id={`${idPrefix}error-title`}>{t('errorSummaryTitle')}</h2>
      <p>{message}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f, i) => (
            <li key={i}>
              <a href={`#${idPrefix}${fieldId(f.path)}`}>
                {f.path}: {f.message}
              </a>
            </li>
          ))}
        </ul>
      )}
      {blockers.length > 0 && (
        <ul>
          {blockers.map((b, i) => (
            <li key={i}>
              {b.rule ? <strong>{b.rule}: </strong> : null}
              {typeof b.message === 'string' ? b.message : b.message ? b.message[lang] : JSON.stringify(b)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const fieldId = (path: string) => `f-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export function fieldErrorFor(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((f) => f.path === path)?.message;
}

export function Field({
  id,
  label,
  hint,
  error,
  children,
  optional,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className={`bo-field${error ? ' bo-field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="bo-optional"> {t('optional')}</span> : null}
      </label>
      {hint ? (
        <p className="bo-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="bo-field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

/** aria-describedby for an input inside a Field. */
export const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="bo-loading">
      {t('loading')}
    </p>
  );
}

// --- Lookups: categories, departments, users and labels, loaded once per session and language.

export interface Lookups {
  categories: Named[];
  departments: Named[];
  /** Undefined when this role may not list users (handlers). */
  users: UserRow[] | undefined;
  labels: Labels;
  reload(): void;
}

const LookupsContext = createContext<Lookups | undefined>(undefined);

export function LookupsProvider({ me, children }: { me: StaffUser; children: ReactNode }) {
  const { lang } = useI18n();
  const [state, setState] = useState<Omit<Lookups, 'reload'>>();
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    // Admins, managers and intake read the full user list; everyone else the staff directory.
    const users = get<UserList>('/api/v1/users')
      .catch(() => get<StaffList>('/api/v1/staff'))
      .then((r) => r.items)
      .catch(() => undefined);
    void Promise.all([
      get<CategoryList>('/api/v1/categories').catch(() => ({ items: [] })),
      get<DepartmentList>('/api/v1/departments').catch(() => ({ items: [] })),
      users,
      get<Labels>('/api/v1/labels').catch((): Labels => ({
        statuses: [],
        actions: [],
        declineGrounds: [],
        tasks: [],
      })),
    ]).then(([c, d, u, l]) => {
      if (live) setState({ categories: c.items, departments: d.items, users: u, labels: l });
    });
    return () => {
      live = false;
    };
  }, [lang, me.id, n]);
  if (!state) return <Loading />;
  return (
    <LookupsContext.Provider value={{ ...state, reload: () => setN((x) => x + 1) }}>
      {children}
    </LookupsContext.Provider>
  );
}

export function useLookups(): Lookups {
  const l = useContext(LookupsContext);
  if (!l) throw new Error('useLookups outside LookupsProvider');
  return l;
}

export function nameOf(
  list: { id: string; name: string }[] | undefined,
  id: string | null | undefined,
): string | undefined {
  if (!id || !list) return undefined;
  return list.find((x) => x.id === id)?.name;
}
