import { useEffect, useId, useState } from 'react';
import { get } from '../api.js';
import { ErrorSummary, Loading, PageHeading, nameOf, useLookups } from '../components.js';
import { formatDate, useI18n } from '../i18n.js';
import { Link } from '../router.js';
import type { Dashboard } from '../types.js';

/** Share of fully satisfied answers (yes), or a dash without answers. */
const share = (yes: number, responses: number) =>
  responses ? `${Math.round((yes / responses) * 100)}%` : '—';

export function DashboardScreen() {
  const { t, lang } = useI18n();
  const [d, setD] = useState<Dashboard>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    get<Dashboard>('/api/v1/dashboard').then(setD, setError);
  }, [lang]);

  if (error) return <ErrorSummary error={error} />;
  if (!d) return <Loading />;
  const pct = d.onTime.rate === null ? '—' : `${Math.round(d.onTime.rate * 100)}%`;
  return (
    <>
      <PageHeading title={t('dashboardTitle')} />
      <p className="bo-muted">
        {formatDate(lang, d.since)} – {formatDate(lang, d.today)}
      </p>
      <div className="bo-kpis">
        <div className="bo-kpi" data-testid="kpi-on-time">
          <h2>{t('onTimeRate')}</h2>
          <p className="bo-kpi__value">{pct}</p>
          <p className="bo-muted">{t('decidedCount', { n: d.onTime.decided })}</p>
        </div>
        <div className="bo-kpi">
          <h2>{t('avgLeadTime')}</h2>
          <p className="bo-kpi__value">
            {d.averageLeadTimeDays === null ? '—' : t('days', { n: d.averageLeadTimeDays })}
          </p>
        </div>
        <div className="bo-kpi">
          <h2>{t('satisfaction')}</h2>
          {/* Handling first: a complainant can be satisfied with how the complaint was handled while the
              outcome went against them; one figure for both hid that ("0%" after a satisfied answer). */}
          <p className="bo-kpi__value">{share(d.satisfaction.handling.yes, d.satisfaction.responses)}</p>
          <p className="bo-muted">
            {t('satHandling')} · {t('satOutcome')}:{' '}
            {share(d.satisfaction.outcome.yes, d.satisfaction.responses)}
          </p>
          <p className="bo-muted">{t('responses', { n: d.satisfaction.responses })}</p>
        </div>
      </div>
      <div className="bo-charts">
        <BarChart
          title={t('openByStatus')}
          rows={d.openByStatus.map((r) => ({ label: r.label, value: r.count }))}
        />
        <BarChart
          title={t('openByDepartment')}
          rows={d.openByDepartment.map((r) => ({ label: r.name ?? t('noDepartment'), value: r.count }))}
        />
        <BarChart
          title={t('outcomeMix')}
          testId="chart-outcomes"
          rows={d.outcomes.map((r) => ({
            label: t(`outcome_${r.outcome}` as 'outcome_upheld'),
            value: r.count,
          }))}
        />
        <BarChart
          title={`${t('satisfaction')}: ${t('satOutcome')}`}
          rows={(['yes', 'partly', 'no'] as const).map((k) => ({
            label: t(`sat_${k}`),
            value: d.satisfaction.outcome[k],
          }))}
        />
        <BarChart
          title={`${t('satisfaction')}: ${t('satHandling')}`}
          rows={(['yes', 'partly', 'no'] as const).map((k) => ({
            label: t(`sat_${k}`),
            value: d.satisfaction.handling[k],
          }))}
        />
      </div>
      <VolumeChart rows={d.volume} />
      <section aria-labelledby="overdue-title">
        <h2 id="overdue-title">{t('overdueList')}</h2>
        {d.overdue.length === 0 ? <p>{t('noData')}</p> : <OverdueTable rows={d.overdue} />}
      </section>
      <section aria-labelledby="measures-title">
        <h2 id="measures-title">{t('measuresPastDate')}</h2>
        {d.measuresPastDate.length === 0 ? (
          <p>{t('noData')}</p>
        ) : (
          <table className="bo-table">
            <thead>
              <tr>
                <th scope="col">{t('colReference')}</th>
                <th scope="col">{t('measure')}</th>
                <th scope="col">{t('realisationDate')}</th>
              </tr>
            </thead>
            <tbody>
              {d.measuresPastDate.map((m) => (
                <tr key={m.remedyId}>
                  <th scope="row">
                    <Link to={`/cases/${m.caseId}`}>{m.reference}</Link>
                  </th>
                  <td>{m.description}</td>
                  <td>{formatDate(lang, m.realisationDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function OverdueTable({ rows }: { rows: Dashboard['overdue'] }) {
  const { t, lang } = useI18n();
  const lookups = useLookups();
  return (
    <table className="bo-table" data-testid="overdue-table">
      <thead>
        <tr>
          <th scope="col">{t('colReference')}</th>
          <th scope="col">{t('colStatus')}</th>
          <th scope="col">{t('colDeadline')}</th>
          <th scope="col">{t('colDepartment')}</th>
          <th scope="col">{t('colHandler')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr key={o.id}>
            <th scope="row">
              <Link to={`/cases/${o.id}`}>{o.reference}</Link>
            </th>
            <td>{o.statusLabel}</td>
            <td>
              <span className="bo-deadline bo-deadline--overdue">
                <span className="bo-deadline__text">
                  {t(o.daysOverdue === 1 ? 'dueOverdueOne' : 'dueOverdue', { n: o.daysOverdue })}
                </span>
                <span className="bo-deadline__date">{formatDate(lang, o.decisionDue)}</span>
              </span>
            </td>
            <td>{nameOf(lookups.departments, o.departmentId) ?? '—'}</td>
            <td>{nameOf(lookups.users, o.assigneeId) ?? (o.assigneeId ? '—' : t('unassigned'))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** CSS bars for the eye (hidden from screen readers) with the same figures as a table. */
function BarChart({
  title,
  rows,
  testId,
}: {
  title: string;
  rows: { label: string; value: number }[];
  testId?: string;
}) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <section className="bo-chart" aria-labelledby={`${id}-t`} data-testid={testId}>
      <h2 id={`${id}-t`}>{title}</h2>
      {rows.length === 0 ? <p>{t('noData')}</p> : null}
      {rows.length > 0 && !asTable ? (
        <div className="bo-bars" aria-hidden="true">
          {rows.map((r) => (
            <div className="bo-bar" key={r.label}>
              <span className="bo-bar__label">{r.label}</span>
              <span className="bo-bar__track">
                <span className="bo-bar__fill" style={{ width: `${(r.value / max) * 100}%` }} />
              </span>
              <span className="bo-bar__value">{r.value}</span>
            </div>
          ))}
        </div>
      ) : null}
      {rows.length > 0 ? (
        <>
          <table className={asTable ? 'bo-table' : 'bo-table bo-visually-hidden'}>
            <caption className="bo-visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{title}</th>
                <th scope="col">{t('count')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td>{r.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            className="bo-button--link"
            aria-pressed={asTable}
            onClick={() => setAsTable(!asTable)}
          >
            {t('showTable')}
          </button>
        </>
      ) : null}
    </section>
  );
}

const PALETTE = 8;

function VolumeChart({ rows }: { rows: Dashboard['volume'] }) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const cats = [...new Map(rows.map((r) => [r.categoryId ?? '', r.name ?? t('noCategory')])).entries()];
  const cell = (m: string, c: string) =>
    rows.find((r) => r.month === m && (r.categoryId ?? '') === c)?.count ?? 0;
  const totals = months.map((m) => cats.reduce((n, [c]) => n + cell(m, c), 0));
  const max = Math.max(1, ...totals);
  return (
    <section className="bo-chart bo-chart--wide" aria-labelledby="volume-title">
      <h2 id="volume-title">{t('volumeByCategory')}</h2>
      {months.length === 0 ? <p>{t('noData')}</p> : null}
      {months.length > 0 && !asTable ? (
        <div aria-hidden="true">
          <ul className="bo-legend">
            {cats.map(([c, name], i) => (
              <li key={c}>
                <span className={`bo-swatch bo-swatch--${i % PALETTE}`} /> {name}
              </li>
            ))}
          </ul>
          <div className="bo-bars">
            {months.map((m, mi) => (
              <div className="bo-bar" key={m}>
                <span className="bo-bar__label">{m}</span>
                <span className="bo-bar__track">
                  {cats.map(([c, name], i) =>
                    cell(m, c) ? (
                      <span
                        key={c}
                        title={`${name}: ${cell(m, c)}`}
                        className={`bo-bar__fill bo-swatch--${i % PALETTE}`}
                        style={{ width: `${(cell(m, c) / max) * 100}%` }}
                      />
                    ) : null,
                  )}
                </span>
                <span className="bo-bar__value">{totals[mi]}</span>
              </div>
            ))}
          </div>
        </div>
      ) : null}
      {months.length > 0 ? (
        <>
          <div className={asTable ? 'bo-table-scroll' : 'bo-visually-hidden'}>
            <table className="bo-table">
              <caption className="bo-visually-hidden">{t('volumeByCategory')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('month')}</th>
                  {cats.map(([c, name]) => (
                    <th scope="col" key={c}>
                      {name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {months.map((m) => (
                  <tr key={m}>
                    <th scope="row">{m}</th>
                    {cats.map(([c]) => (
                      <td key={c}>{cell(m, c)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button
            type="button"
            className="bo-button--link"
            aria-pressed={asTable}
            onClick={() => setAsTable(!asTable)}
          >
            {t('showTable')}
          </button>
        </>
      ) : null}
    </section>
  );
}
