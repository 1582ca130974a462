import { useEffect, useState, type FormEvent } from 'react';
import { get, query, formText } from '../api.js';
import { ErrorSummary, Loading, PageHeading, nameOf, useLookups } from '../components.js';
import { amsterdamToday, deadlineState, endOfWeek } from '../deadline.js';
import { formatDate, useI18n, type TextKey } from '../i18n.js';
import { Link, navigate, useLocation } from '../router.js';
import { useSession } from '../session.js';
import type { CaseList, CaseSummary } from '../types.js';

const VIEWS = ['mine', 'department', 'unassigned', 'week', 'overdue', 'closed', 'all'] as const;
type View = (typeof VIEWS)[number];
const VIEW_LABEL: Record<View, TextKey> = {
  mine: 'viewMine',
  department: 'viewDepartment',
  unassigned: 'viewUnassigned',
  week: 'viewWeek',
  overdue: 'viewOverdue',
  closed: 'viewClosed',
  all: 'viewAll',
};
const FILTERS = ['q', 'status', 'category', 'department', 'from', 'to'] as const;

export function InboxScreen() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const lookups = useLookups();
  const loc = useLocation();
  const sp = loc.search;
  const defaultView: View = me.role === 'handler' ? 'mine' : 'all';
  const view = (VIEWS as readonly string[]).includes(sp.get('view') ?? '')
    ? (sp.get('view') as View)
    : defaultView;
  const cursor = sp.get('cursor') ?? undefined;
  const filters = Object.fromEntries(FILTERS.map((k) => [k, sp.get(k) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const [data, setData] = useState<{ items: CaseSummary[]; nextCursor: string | null }>();
  const [error, setError] = useState<unknown>();
  const today = amsterdamToday();
  const key = sp.toString();

  useEffect(() => {
    let live = true;
    const params: Record<string, string | undefined> = { ...filters, cursor, limit: '25' };
    if (view === 'mine') params.assignee = 'me';
    if (view === 'unassigned') params.assignee = 'none';
    if (view === 'department' && me.departmentId && !params.department) params.department = me.departmentId;
    if (view === 'overdue') params.overdue = 'true';
    if (view === 'closed') params.status = 'closed';
    if (view === 'week') {
      params.overdue = 'false';
      params.dueBefore = endOfWeek(today);
    }
    get<CaseList>(`/api/v1/cases${query(params)}`)
      .then((r) => {
        if (!live) return;
        setData(r);
        setError(undefined);
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, lang]);

  const link = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(sp);
    next.delete('cursor');
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    const s = next.toString();
    return s ? `/?${s}` : '/';
  };

  function applyFilters(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const changes: Record<string, string | undefined> = {};
    for (const k of FILTERS) changes[k] = formText(form, k).trim() || undefined;
    navigate(link(changes));
  }

  const handler = (c: CaseSummary) => {
    if (!c.assigneeId) return <span className="bo-muted">{t('unassigned')}</span>;
    const name = nameOf(lookups.users, c.assigneeId);
    if (c.assigneeId === me.id) return `${name ?? me.name} (${t('me')})`;
    return name ?? '—';
  };

  return (
    <>
      <PageHeading title={`${t('inboxTitle')}: ${t(VIEW_LABEL[view])}`} />
      <nav aria-label={t('viewsLabel')} className="bo-tabs">
        <ul>
          {VIEWS.map((v) => (
            <li key={v}>
              <Link to={link({ view: v, status: undefined })} aria-current={v === view ? 'page' : undefined}>
                {t(VIEW_LABEL[v])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form role="search" className="bo-filters" onSubmit={applyFilters} key={key}>
        <div className="bo-field bo-field--search">
          <label htmlFor="f-q">{t('search')}</label>
          <p className="bo-hint" id="f-q-hint">
            {t('searchHint')}
          </p>
          <input id="f-q" name="q" type="search" defaultValue={filters.q} aria-describedby="f-q-hint" />
        </div>
        <details open={FILTERS.some((k) => k !== 'q' && filters[k])}>
          <summary>{t('filters')}</summary>
          <div className="bo-filter-grid">
            <div className="bo-field">
              <label htmlFor="f-status">{t('colStatus')}</label>
              <select id="f-status" name="status" defaultValue={filters.status}>
                <option value="">{t('anyStatus')}</option>
                {lookups.labels.statuses.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="bo-field">
              <label htmlFor="f-category">{t('colCategory')}</label>
              <select id="f-category" name="category" defaultValue={filters.category}>
                <option value="">{t('anyCategory')}</option>
                {lookups.categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="bo-field">
              <label htmlFor="f-department">{t('colDepartment')}</label>
              <select id="f-department" name="department" defaultValue={filters.department}>
                <option value="">{t('anyDepartment')}</option>
                {lookups.departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="bo-field">
              <label htmlFor="f-from">{t('receivedFrom')}</label>
              <input id="f-from" name="from" type="date" defaultValue={filters.from} />
            </div>
            <div className="bo-field">
              <label htmlFor="f-to">{t('receivedTo')}</label>
              <input id="f-to" name="to" type="date" defaultValue={filters.to} />
            </div>
          </div>
        </details>
        <div className="bo-button-row">
          <button type="submit">{t('search')}</button>
          {FILTERS.some((k) => filters[k]) ? (
            <Link
              className="bo-link-button"
              to={link(Object.fromEntries(FILTERS.map((k) => [k, undefined])))}
            >
              {t('clearFilters')}
            </Link>
          ) : null}
        </div>
      </form>
      <ErrorSummary error={error} />
      {!data && !error ? <Loading /> : null}
      {data ? (
        <>
          <p role="status" className="bo-muted">
            {t('casesShown', { n: data.items.length })}
          </p>
          {data.items.length === 0 ? (
            <p>{t('noCases')}</p>
          ) : (
            <div className="bo-table-scroll">
              <table className="bo-table" data-testid="inbox-table">
                <caption className="bo-visually-hidden">{`${t('inboxTitle')}: ${t(VIEW_LABEL[view])}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('colReference')}</th>
                    <th scope="col">{t('colComplainant')}</th>
                    <th scope="col">{t('colCategory')}</th>
                    <th scope="col">{t('colStatus')}</th>
                    <th scope="col">{t('colDeadline')}</th>
                    <th scope="col">{t('colHandler')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((c) => {
                    const d = deadlineState(c.status, c.decisionDue, today);
                    return (
                      <tr key={c.id}>
                        <th scope="row">
                          <Link to={`/cases/${c.id}`}>{c.reference}</Link>
                        </th>
                        <td>{c.complainantName ?? '—'}</td>
                        <td>
                          {nameOf(lookups.categories, c.categoryId) ?? (
                            <span className="bo-muted">{t('noCategory')}</span>
                          )}
                        </td>
                        <td>{c.statusLabel}</td>
                        <td>
                          <span className={`bo-deadline bo-deadline--${d.tone}`}>
                            <span className="bo-deadline__text">{t(d.key, { n: d.n })}</span>
                            <span className="bo-deadline__date">{formatDate(lang, c.decisionDue)}</span>
                          </span>
                        </td>
                        <td>{handler(c)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label={t('nextPage')} className="bo-pager">
            {cursor ? <Link to={link({ cursor: undefined })}>{t('firstPage')}</Link> : null}
            {data.nextCursor ? (
              <Link
                to={`${link({})}${link({}).includes('?') ? '&' : '?'}cursor=${encodeURIComponent(data.nextCursor)}`}
                rel="next"
              >
                {t('nextPage')}
              </Link>
            ) : null}
          </nav>
        </>
      ) : null}
    </>
  );
}
