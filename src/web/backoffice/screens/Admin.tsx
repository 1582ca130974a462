import { useEffect, useState, type FormEvent } from 'react';
import { api, get, formText } from '../api.js';
import {
  ErrorSummary,
  Field,
  Loading,
  PageHeading,
  describedBy,
  fieldErrorFor,
  nameOf,
  useLookups,
} from '../components.js';
import { formatDateTime, useI18n, type TextKey } from '../i18n.js';
import { loadOpenApi, resolve, type OpenApiDoc } from '../openapi.js';
import { Link, useLocation } from '../router.js';
import type {
  CreatedToken,
  Named,
  Organisation,
  Role,
  TokenList,
  TokenRow,
  UserList,
  UserRow,
} from '../types.js';

const TABS: { path: string; key: TextKey }[] = [
  { path: '/admin', key: 'tabOrganisation' },
  { path: '/admin/departments', key: 'tabDepartments' },
  { path: '/admin/categories', key: 'tabCategories' },
  { path: '/admin/users', key: 'tabUsers' },
  { path: '/admin/tokens', key: 'tabTokens' },
];

export function AdminScreen() {
  const { t } = useI18n();
  const loc = useLocation();
  const tab = TABS.find((x) => x.path === loc.path) ?? TABS[0]!;
  return (
    <>
      <PageHeading title={`${t('adminTitle')}: ${t(tab.key)}`} />
      <nav aria-label={t('adminSections')} className="bo-tabs">
        <ul>
          {TABS.map((x) => (
            <li key={x.path}>
              <Link to={x.path} aria-current={x === tab ? 'page' : undefined}>
                {t(x.key)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab.key === 'tabOrganisation' ? <OrganisationAdmin /> : null}
      {tab.key === 'tabDepartments' ? <NamedAdmin kind="departments" /> : null}
      {tab.key === 'tabCategories' ? <NamedAdmin kind="categories" /> : null}
      {tab.key === 'tabUsers' ? <UsersAdmin /> : null}
      {tab.key === 'tabTokens' ? <TokensAdmin /> : null}
    </>
  );
}

function OrganisationAdmin() {
  const { t } = useI18n();
  const [org, setOrg] = useState<Organisation>();
  const [regimes, setRegimes] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    get<Organisation>('/api/v1/organisation').then(setOrg, setError);
    loadOpenApi().then((doc) => {
      const body = resolve(
        doc,
        doc.paths['/api/v1/organisation']?.put?.requestBody?.content?.['application/json']?.schema,
      );
      setRegimes((resolve(doc, body?.properties?.regime)?.enum as string[] | undefined) ?? []);
    }, setError);
  }, []);
  if (!org) return error ? <ErrorSummary error={error} /> : <Loading />;
  const ext = (org.settings.externalBody ?? {}) as Record<string, string | undefined>;
  const { externalBody: _e, contactPhone: _p, ...rest } = org.settings;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    setError(undefined);
    const f = new FormData(e.currentTarget);
    const s = (k: string) => formText(f, k).trim() || undefined;
    let others: Record<string, unknown>;
    try {
      others = JSON.parse(s('settings') ?? '{}') as Record<string, unknown>;
    } catch {
      setError(Object.assign(new Error(t('invalidJson'))));
      return;
    }
    const externalBody = s('extName')
      ? { ...ext, name: s('extName'), address: s('extAddress'), url: s('extUrl') }
      : undefined;
    const settings = {
      ...others,
      ...(s('contactPhone') ? { contactPhone: s('contactPhone') } : {}),
      ...(externalBody ? { externalBody } : {}),
    };
    try {
      setOrg(
        await api<Organisation>('PUT', '/api/v1/organisation', {
          name: s('name'),
          regime: s('regime'),
          settings,
        }),
      );
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }
  const fe = (p: string) => fieldErrorFor(error, p);
  return (
    <form onSubmit={submit} noValidate className="bo-narrow">
      <ErrorSummary error={error} />
      {saved ? (
        <p role="status" className="bo-notice">
          {t('saved')}
        </p>
      ) : null}
      <Field id="f-name" label={t('orgName')} error={fe('name')}>
        <input
          id="f-name"
          name="name"
          defaultValue={org.name}
          aria-describedby={describedBy('f-name', undefined, fe('name'))}
        />
      </Field>
      <Field id="f-regime" label={t('regime')} error={fe('regime')}>
        <select id="f-regime" name="regime" defaultValue={org.regime}>
          {(regimes.length ? regimes : [org.regime]).map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="f-settings-contactPhone"
        label={t('contactPhone')}
        optional
        error={fe('settings.contactPhone')}
      >
        <input
          id="f-settings-contactPhone"
          name="contactPhone"
          defaultValue={typeof org.settings.contactPhone === 'string' ? org.settings.contactPhone : ''}
        />
      </Field>
      <fieldset className="bo-fieldset">
        <legend>{t('externalBodyName')}</legend>
        <Field id="f-settings-externalBody-name" label={t('name')} error={fe('settings.externalBody.name')}>
          <input id="f-settings-externalBody-name" name="extName" defaultValue={ext.name ?? ''} />
        </Field>
        <Field
          id="f-settings-externalBody-address"
          label={t('externalBodyAddress')}
          error={fe('settings.externalBody.address')}
        >
          <input id="f-settings-externalBody-address" name="extAddress" defaultValue={ext.address ?? ''} />
        </Field>
        <Field
          id="f-settings-externalBody-url"
          label={t('externalBodyUrl')}
          error={fe('settings.externalBody.url')}
        >
          <input id="f-settings-externalBody-url" name="extUrl" type="url" defaultValue={ext.url ?? ''} />
        </Field>
      </fieldset>
      <Field id="f-settings" label={t('settingsJson')} error={fe('settings')}>
        <textarea
          id="f-settings"
          name="settings"
          rows={10}
          className="bo-code"
          defaultValue={JSON.stringify(rest, null, 2)}
        />
      </Field>
      <button type="submit">{t('save')}</button>
    </form>
  );
}

function NamedAdmin({ kind }: { kind: 'departments' | 'categories' }) {
  const { t } = useI18n();
  const lookups = useLookups();
  const [rows, setRows] = useState<Named[]>();
  const [error, setError] = useState<unknown>();
  const load = () => get<{ items: Named[] }>(`/api/v1/${kind}`).then((r) => setRows(r.items), setError);
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind]);
  const run = async (fn: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await fn();
      await load();
      lookups.reload();
    } catch (e) {
      setError(e);
    }
  };
  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const body: Record<string, unknown> = { name: formText(f, 'name').trim() };
    if (kind === 'categories') body.departmentId = formText(f, 'departmentId') || null;
    await run(() => api('POST', `/api/v1/${kind}`, body));
    form.reset();
  }
  if (!rows) return error ? <ErrorSummary error={error} /> : <Loading />;
  return (
    <>
      <ErrorSummary error={error} />
      <table className="bo-table">
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            {kind === 'categories' ? <th scope="col">{t('defaultDepartment')}</th> : null}
            <th scope="col">{t('active')}</th>
            <th scope="col">
              <span className="bo-visually-hidden">{t('sectionActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              {kind === 'categories' ? (
                <td>
                  <label className="bo-visually-hidden" htmlFor={`dep-${r.id}`}>
                    {t('defaultDepartment')}: {r.name}
                  </label>
                  <select
                    id={`dep-${r.id}`}
                    value={('departmentId' in r ? r.departmentId : null) ?? ''}
                    onChange={(e) =>
                      void run(() =>
                        api('PATCH', `/api/v1/categories/${r.id}`, { departmentId: e.target.value || null }),
                      )
                    }
                  >
                    <option value="">—</option>
                    {lookups.departments.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.name}
                      </option>
                    ))}
                  </select>
                </td>
              ) : null}
              <td>{r.active ? t('yes') : t('no')}</td>
              <td>
                <button
                  type="button"
                  className="bo-button--secondary"
                  onClick={() =>
                    void run(() => api('PATCH', `/api/v1/${kind}/${r.id}`, { active: !r.active }))
                  }
                >
                  {r.active ? t('deactivate') : t('activate')}
                  <span className="bo-visually-hidden">: {r.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={add} className="bo-inline-form" noValidate>
        <h2>{kind === 'departments' ? t('newDepartment') : t('newCategory')}</h2>
        <Field id="f-new-name" label={t('name')} error={fieldErrorFor(error, 'name')}>
          <input id="f-new-name" name="name" />
        </Field>
        {kind === 'categories' ? (
          <Field id="f-new-dep" label={t('defaultDepartment')} optional>
            <select id="f-new-dep" name="departmentId" defaultValue="">
              <option value="">—</option>
              {lookups.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <button type="submit">{t('add')}</button>
      </form>
    </>
  );
}

const ROLES: Role[] = ['intake', 'handler', 'manager', 'admin', 'complaints-officer'];

function UsersAdmin() {
  const { t, tm } = useI18n();
  const lookups = useLookups();
  const [rows, setRows] = useState<UserRow[]>();
  const [error, setError] = useState<unknown>();
  const load = () => get<UserList>('/api/v1/users').then((r) => setRows(r.items), setError);
  useEffect(() => {
    void load();
  }, []);
  const run = async (fn: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await fn();
      await load();
      lookups.reload();
    } catch (e) {
      setError(e);
    }
  };
  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const s = (k: string) => formText(f, k).trim() || undefined;
    await run(() =>
      api('POST', '/api/v1/users', {
        email: s('email'),
        name: s('name'),
        role: s('role'),
        departmentId: s('departmentId') ?? null,
      }),
    );
    form.reset();
  }
  if (!rows) return error ? <ErrorSummary error={error} /> : <Loading />;
  return (
    <>
      <ErrorSummary error={error} />
      <div className="bo-table-scroll">
        <table className="bo-table">
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('department')}</th>
              <th scope="col">{t('active')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.name}</th>
                <td>{u.email}</td>
                <td>
                  <label className="bo-visually-hidden" htmlFor={`role-${u.id}`}>
                    {t('role')}: {u.name}
                  </label>
                  <select
                    id={`role-${u.id}`}
                    value={u.role}
                    onChange={(e) =>
                      void run(() => api('PATCH', `/api/v1/users/${u.id}`, { role: e.target.value }))
                    }
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {tm(`role_${r}`, r)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <label className="bo-visually-hidden" htmlFor={`udep-${u.id}`}>
                    {t('department')}: {u.name}
                  </label>
                  <select
                    id={`udep-${u.id}`}
                    value={u.departmentId ?? ''}
                    onChange={(e) =>
                      void run(() =>
                        api('PATCH', `/api/v1/users/${u.id}`, { departmentId: e.target.value || null }),
                      )
                    }
                  >
                    <option value="">—</option>
                    {lookups.departments.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="bo-button--secondary"
                    onClick={() =>
                      void run(() => api('PATCH', `/api/v1/users/${u.id}`, { active: !u.active }))
                    }
                  >
                    {u.active ? t('deactivate') : t('activate')}
                    <span className="bo-visually-hidden">: {u.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={add} className="bo-inline-form" noValidate>
        <h2>{t('newUser')}</h2>
        <Field id="f-email" label={t('email')} error={fieldErrorFor(error, 'email')}>
          <input id="f-email" name="email" type="email" autoComplete="off" />
        </Field>
        <Field id="f-name" label={t('name')} optional error={fieldErrorFor(error, 'name')}>
          <input id="f-name" name="name" autoComplete="off" />
        </Field>
        <Field id="f-role" label={t('role')}>
          <select id="f-role" name="role" defaultValue="handler">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tm(`role_${r}`, r)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-departmentId" label={t('department')} optional>
          <select id="f-departmentId" name="departmentId" defaultValue="">
            <option value="">—</option>
            {lookups.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">{t('add')}</button>
      </form>
    </>
  );
}

/** API tokens over the admin API's token routes, found in /openapi.json. */
function TokensAdmin() {
  const { t, lang } = useI18n();
  const lookups = useLookups();
  const [doc, setDoc] = useState<OpenApiDoc>();
  const [rows, setRows] = useState<TokenRow[]>();
  const [created, setCreated] = useState<string>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    loadOpenApi().then(setDoc, setError);
  }, []);
  const base = doc
    ? Object.keys(doc.paths).find((p) => /^\/api\/v1\/(tokens|api-tokens)$/.test(p))
    : undefined;
  const load = async () => {
    if (base) await get<TokenList>(base).then((r) => setRows(r.items), setError);
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [base]);
  if (!doc) return <Loading />;
  if (!base) return <p>{t('actionUnavailable')}</p>;
  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setError(undefined);
    try {
      const r = await api<CreatedToken>('POST', base!, {
        userId: formText(f, 'userId'),
        label: formText(f, 'label').trim() || undefined,
      });
      setCreated(r.token);
      await load();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <>
      <p>{t('tokensIntro')}</p>
      <ErrorSummary error={error} />
      {created ? (
        <div role="status" className="bo-notice">
          <p>{t('tokenCreated')}</p>
          <code className="bo-token">{created}</code>
        </div>
      ) : null}
      {rows ? (
        <table className="bo-table">
          <thead>
            <tr>
              <th scope="col">{t('tokenUser')}</th>
              <th scope="col">{t('tokenLabel')}</th>
              <th scope="col">{t('tokenCreatedAt')}</th>
              <th scope="col">{t('tokenLastUsed')}</th>
              <th scope="col">{t('tokenRevoked')}</th>
              <th scope="col">
                <span className="bo-visually-hidden">{t('sectionActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{nameOf(lookups.users, r.userId) ?? r.userId}</th>
                <td>{r.label ?? '—'}</td>
                <td>{r.createdAt ? formatDateTime(lang, r.createdAt) : '—'}</td>
                <td>{r.lastUsedAt ? formatDateTime(lang, r.lastUsedAt) : '—'}</td>
                <td>{r.revokedAt ? formatDateTime(lang, r.revokedAt) : '—'}</td>
                <td>
                  {!r.revokedAt ? (
                    <button
                      type="button"
                      className="bo-button--secondary"
                      onClick={() => void api('DELETE', `${base}/${r.id}`).then(() => load(), setError)}
                    >
                      {t('revokeToken')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form onSubmit={add} className="bo-inline-form" noValidate>
        <Field id="f-userId" label={t('tokenUser')} error={fieldErrorFor(error, 'userId')}>
          <select id="f-userId" name="userId">
            {(lookups.users ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-label" label={t('tokenLabel')} optional>
          <input id="f-label" name="label" />
        </Field>
        <button type="submit">{t('createToken')}</button>
      </form>
    </>
  );
}
