import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, get, post, setApiLanguage, setCsrfToken, setUnauthenticatedHandler } from './api.js';
import { LookupsProvider, Loading } from './components.js';
import { I18nContext, translate, translateMaybe, useI18n, type Lang } from './i18n.js';
import { Link, navigate, useLocation } from './router.js';
import { SessionContext, isManager } from './session.js';
import type { Me, StaffUser } from './types.js';
import { LoginScreen } from './screens/Login.js';
import { PasswordScreen } from './screens/Password.js';
import { InboxScreen } from './screens/Inbox.js';
import { CaseScreen } from './screens/Case.js';
import { NewCaseScreen } from './screens/NewCase.js';
import { DashboardScreen } from './screens/Dashboard.js';
import { LetterScreen } from './screens/Letter.js';
import { AdminScreen } from './screens/Admin.js';

function initialLang(): Lang {
  const stored = localStorage.getItem('redress.lang');
  if (stored === 'nl' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [me, setMe] = useState<StaffUser | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>();
  const loc = useLocation();

  setApiLanguage(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const i18n = useMemo(
    () => ({
      lang,
      t: (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate(lang, k, v),
      tm: (k: string, f: string) => translateMaybe(lang, k, f),
      setLang: (l: Lang) => {
        localStorage.setItem('redress.lang', l);
        setLangState(l);
      },
    }),
    [lang],
  );

  useEffect(() => {
    setUnauthenticatedHandler(() => setMe(null));
    get<Me>('/api/v1/auth/me', { quiet401: true })
      .then((r) => {
        setCsrfToken(r.csrfToken);
        setMe(r.user);
      })
      .catch(() => setMe(null));
  }, []);

  const signedOut = useCallback((text: string) => {
    setCsrfToken('');
    setMe(null);
    setNotice(text);
    navigate('/login', { replace: true });
  }, []);

  const logout = useCallback(async () => {
    try {
      await post('/api/v1/auth/logout');
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
    }
    signedOut(translate(lang, 'loggedOut'));
  }, [lang, signedOut]);

  const onLogin = (r: Me) => {
    setCsrfToken(r.csrfToken);
    setNotice(undefined);
    setMe(r.user);
    const back = new URLSearchParams(location.search).get('next');
    navigate(back && back.startsWith('/') && !back.startsWith('//') ? back : '/', { replace: true });
  };

  const t = i18n.t;
  let body;
  if (me === undefined) body = <Loading />;
  else if (me === null) body = <LoginScreen onLogin={onLogin} notice={notice} />;
  else body = <Routed path={loc.path} me={me} />;

  return (
    <I18nContext.Provider value={i18n}>
      <a className="bo-skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="bo-header">
        <div className="bo-header__brand">
          <Link to="/">{t('appName')}</Link>
        </div>
        {me ? (
          <nav aria-label={t('mainNav')} className="bo-nav">
            <ul>
              <NavItem to="/" current={loc.path === '/'} label={t('navInbox')} />
              <NavItem to="/cases/new" current={loc.path === '/cases/new'} label={t('navNewCase')} />
              <NavItem to="/letters" current={loc.path.startsWith('/letters')} label={t('navLetters')} />
              {isManager(me) ? (
                <NavItem to="/dashboard" current={loc.path === '/dashboard'} label={t('navDashboard')} />
              ) : null}
              {me.role === 'admin' ? (
                <NavItem to="/admin" current={loc.path.startsWith('/admin')} label={t('navAdmin')} />
              ) : null}
              <NavItem to="/password" current={loc.path === '/password'} label={t('navPassword')} />
            </ul>
          </nav>
        ) : null}
        <div className="bo-header__tools">
          {me ? (
            <span className="bo-user">
              {t('signedInAs', { name: me.name, role: translateMaybe(lang, `role_${me.role}`, me.role) })}
            </span>
          ) : null}
          <button
            type="button"
            className="bo-button--secondary"
            lang={lang === 'nl' ? 'en' : 'nl'}
            aria-label={t('switchLanguageLabel')}
            onClick={() => i18n.setLang(lang === 'nl' ? 'en' : 'nl')}
          >
            {t('switchLanguage')}
          </button>
          {me ? (
            <button type="button" className="bo-button--secondary" onClick={() => void logout()}>
              {t('logout')}
            </button>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="bo-main">
        {me ? (
          <SessionContext.Provider value={{ me, logout, signedOut }}>
            <LookupsProvider me={me}>{body}</LookupsProvider>
          </SessionContext.Provider>
        ) : (
          body
        )}
      </main>
    </I18nContext.Provider>
  );
}

function NavItem({ to, current, label }: { to: string; current: boolean; label: string }) {
  return (
    <li>
      <Link to={to} aria-current={current ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );
}

function Routed({ path, me }: { path: string; me: StaffUser }) {
  const caseMatch = /^\/cases\/([0-9a-f-]{36})(\/letter)?$/i.exec(path);
  if (path === '/' || path === '/login') return <InboxScreen />;
  if (path === '/password') return <PasswordScreen />;
  if (path === '/cases/new') return <NewCaseScreen />;
  if (caseMatch?.[2]) return <LetterScreen caseId={caseMatch[1]} />;
  if (caseMatch) return <CaseScreen id={caseMatch[1]!} />;
  if (path === '/letters') return <LetterScreen />;
  if (path === '/dashboard') return isManager(me) ? <DashboardScreen /> : <Forbidden />;
  if (path.startsWith('/admin')) return me.role === 'admin' ? <AdminScreen /> : <Forbidden />;
  return <NotFound />;
}

function Forbidden() {
  const { t } = useI18n();
  return <p role="alert">{t('forbidden')}</p>;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('notFound')}</h1>
      <p>
        <Link to="/">{t('backToInbox')}</Link>
      </p>
    </>
  );
}
