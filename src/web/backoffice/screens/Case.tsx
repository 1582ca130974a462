import { useCallback, useEffect, useRef, useState } from 'react';
import { api, get, query } from '../api.js';
import { ErrorSummary, Loading, PageHeading, nameOf, useLookups } from '../components.js';
import { amsterdamToday, deadlineState } from '../deadline.js';
import { formatDate, formatDateTime, useI18n } from '../i18n.js';
import { findActionRoute, loadOpenApi, type OpenApiDoc } from '../openapi.js';
import { Link } from '../router.js';
import { SchemaForm, type Choice } from '../SchemaForm.js';
import type { AllowedAction, CaseDetail, LetterList, OutboxList } from '../types.js';

export function CaseScreen({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const [c, setC] = useState<CaseDetail>();
  const [doc, setDoc] = useState<OpenApiDoc>();
  const [messages, setMessages] = useState<OutboxList['items']>();
  const [letters, setLetters] = useState<LetterList['items']>();
  const [error, setError] = useState<unknown>();
  const [open, setOpen] = useState<AllowedAction>();
  const [done, setDone] = useState<string>();

  const load = useCallback(async () => {
    try {
      const detail = await get<CaseDetail>(`/api/v1/cases/${id}`);
      setC(detail);
      setError(undefined);
    } catch (e) {
      setError(e);
    }
  }, [id]);

  // Messages are listed from the outbox where this role may read it (managers, admins).
  const loadMessages = useCallback(() => {
    get<OutboxList>(`/api/v1/outbox${query({ caseId: id, limit: 50 })}`)
      .then((r) => setMessages(r.items))
      .catch(() => setMessages(undefined));
  }, [id]);

  useEffect(() => {
    get<CaseDetail>(`/api/v1/cases/${id}`).then((detail) => {
      setC(detail);
      setError(undefined);
    }, setError);
    loadOpenApi().then(setDoc, setError);
    loadMessages();
    get<LetterList>(`/api/v1/cases/${id}/letters`)
      .then((r) => setLetters(r.items))
      .catch(() => setLetters(undefined));
  }, [load, loadMessages, lang, id, c?.version]);

  if (error && !c) return <ErrorSummary error={error} />;
  if (!c) return <Loading />;
  return (
    <>
      <PageHeading title={t('caseTitle', { ref: c.reference })} />
      <p className="bo-case-meta">
        <span className="bo-status">{c.statusLabel}</span> · {t('regime')}: {c.regime} · {t('channel')}:{' '}
        {t(`channel_${c.channel}` as 'channel_web')} · {t('colReceived')}:{' '}
        {formatDateTime(lang, c.receivedAt)}
      </p>
      <div className="bo-case-layout">
        <div className="bo-case-main">
          <ComplaintSection c={c} />
          <ItemsSection c={c} />
          <RespondentsSection c={c} />
          <DeadlinesSection c={c} />
          <MessagesSection messages={messages} letters={letters} onRetried={loadMessages} />
          <HistorySection c={c} />
        </div>
        <aside className="bo-case-side" aria-labelledby="actions-title">
          <h2 id="actions-title">{t('sectionActions')}</h2>
          {done ? (
            <p role="status" className="bo-notice">
              {done}
            </p>
          ) : null}
          <ActionsPanel
            c={c}
            doc={doc}
            open={open}
            setOpen={(a) => {
              setDone(undefined);
              setOpen(a);
            }}
            onDone={async (a) => {
              setOpen(undefined);
              setDone(t('actionDone', { label: a.label }));
              await load();
            }}
          />
          <p>
            <Link to={`/cases/${c.id}/letter`}>{t('composeLetter')}</Link>
          </p>
        </aside>
      </div>
    </>
  );
}

function ComplaintSection({ c }: { c: CaseDetail }) {
  const { t, lang } = useI18n();
  const lookups = useLookups();
  const core = (c.intake as { coreComplaint?: string | null } | undefined)?.coreComplaint ?? null;
  return (
    <section aria-labelledby="complaint-title">
      <h2 id="complaint-title">{t('sectionComplaint')}</h2>
      {core ? (
        <>
          <h3>{t('coreComplaint')}</h3>
          <p className="bo-pre">{core}</p>
        </>
      ) : null}
      <h3>{t('description')}</h3>
      <p className="bo-pre">{c.description}</p>
      <h3>{t('desiredOutcome')}</h3>
      <p className="bo-pre">{c.desiredOutcome ?? '—'}</p>
      <dl className="bo-dl">
        <dt>{t('complainant')}</dt>
        <dd>{c.complainant.name ?? '—'}</dd>
        <dt>{t('email')}</dt>
        <dd>{c.complainant.email ?? '—'}</dd>
        <dt>{t('phone')}</dt>
        <dd>{c.complainant.phone ?? '—'}</dd>
        <dt>{t('address')}</dt>
        <dd>{c.complainant.address ?? '—'}</dd>
        <dt>{t('incidentDate')}</dt>
        <dd>{formatDate(lang, c.incidentDate)}</dd>
        <dt>{t('colCategory')}</dt>
        <dd>{nameOf(lookups.categories, c.categoryId) ?? '—'}</dd>
        <dt>{t('colDepartment')}</dt>
        <dd>{nameOf(lookups.departments, c.departmentId) ?? '—'}</dd>
        <dt>{t('colHandler')}</dt>
        <dd>{c.assigneeId ? (nameOf(lookups.users, c.assigneeId) ?? c.assigneeId) : t('unassigned')}</dd>
      </dl>
    </section>
  );
}

const str = (v: unknown) =>
  v === null || v === undefined || v === ''
    ? '—'
    : typeof v === 'string'
      ? v
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : JSON.stringify(v);

function ItemsSection({ c }: { c: CaseDetail }) {
  const { t, tm } = useI18n();
  return (
    <section aria-labelledby="items-title">
      <h2 id="items-title">{t('sectionItems')}</h2>
      {c.items.length === 0 ? (
        <p>{t('noItems')}</p>
      ) : (
        <table className="bo-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('description')}</th>
              <th scope="col">{tm('field_severity', 'Severity')}</th>
              <th scope="col">{tm('field_judgement', 'Judgement')}</th>
            </tr>
          </thead>
          <tbody>
            {c.items.map((it, i) => (
              <tr key={str(it.id ?? i)}>
                <td>{str(it.position ?? i + 1)}</td>
                <td>{str(it.summary)}</td>
                <td>{it.severity ? tm(`enum_${str(it.severity)}`, str(it.severity)) : '—'}</td>
                <td>
                  {it.judgement
                    ? str(it.judgementLabel) !== '—'
                      ? str(it.judgementLabel)
                      : tm(`enum_${str(it.judgement)}`, str(it.judgement))
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RespondentsSection({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const list = c.respondents ?? [];
  return (
    <section aria-labelledby="respondents-title">
      <h2 id="respondents-title">{t('sectionRespondents')}</h2>
      {list.length === 0 ? (
        <p>{t('noRespondents')}</p>
      ) : (
        <ul>
          {list.map((r, i) => (
            <li key={str(r.id ?? i)}>
              {str(r.name)} {r.kind ? `(${str(r.kind)})` : ''}
            </li>
          ))}
        </ul>
      )}
      {(['representatives', 'hearings', 'escalations'] as const).map((k) =>
        Array.isArray(c[k]) && (c[k] as unknown[]).length > 0 ? (
          <GenericList key={k} title={k} rows={c[k] as Record<string, unknown>[]} />
        ) : null,
      )}
      {Array.isArray((c.decision as { remedies?: unknown[] } | undefined)?.remedies) &&
      (c.decision as { remedies: unknown[] }).remedies.length > 0 ? (
        <GenericList
          title="remedies"
          rows={(c.decision as { remedies: Record<string, unknown>[] }).remedies}
        />
      ) : null}
      {Array.isArray(c.tasks) && c.tasks.length > 0 ? <TaskList tasks={c.tasks} /> : null}
    </section>
  );
}

function TaskList({ tasks }: { tasks: Record<string, unknown>[] }) {
  const { tm, lang } = useI18n();
  return (
    <>
      <h3>{tm('section_tasks', 'Taken')}</h3>
      <ul className="bo-generic-list">
        {tasks.map((k) => (
          <li key={str(k.id)}>
            <strong>{str(k.label)}</strong> {k.rule ? `(${str(k.rule)})` : ''} —{' '}
            {tm(`enum_${str(k.status)}`, str(k.status))}
            {typeof k.dueDate === 'string' ? ` — ${formatDate(lang, k.dueDate)}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

function GenericList({ title, rows }: { title: string; rows: Record<string, unknown>[] }) {
  const { tm } = useI18n();
  return (
    <>
      <h3>{tm(`section_${title}`, title)}</h3>
      <ul className="bo-generic-list">
        {rows.map((r, i) => (
          <li key={str(r.id ?? i)}>
            {Object.entries(r)
              .filter(([k, v]) => k !== 'id' && k !== 'caseId' && v !== null && v !== undefined && v !== '')
              .map(([k, v]) => `${tm(`field_${k}`, k)}: ${str(v)}`)
              .join(' · ')}
          </li>
        ))}
      </ul>
    </>
  );
}

function DeadlinesSection({ c }: { c: CaseDetail }) {
  const { t, tm, lang } = useI18n();
  const today = amsterdamToday();
  return (
    <section aria-labelledby="deadlines-title">
      <h2 id="deadlines-title">{t('sectionDeadlines')}</h2>
      <table className="bo-table">
        <thead>
          <tr>
            <th scope="col">{t('deadlineTerm')}</th>
            <th scope="col">{t('deadlineStart')}</th>
            <th scope="col">{t('deadlineRaw')}</th>
            <th scope="col">{t('deadlineDue')}</th>
            <th scope="col">{t('deadlineExtension')}</th>
            <th scope="col">{t('deadlineRules')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(c.deadlines).map(([name, d]) => {
            if (!d) return null;
            if (typeof d === 'string') {
              return (
                <tr key={name}>
                  <th scope="row">{tm(`term_${name}`, name)}</th>
                  <td>—</td>
                  <td>—</td>
                  <td>{formatDate(lang, d)}</td>
                  <td>—</td>
                  <td>—</td>
                </tr>
              );
            }
            const st = name === 'decision' ? deadlineState(c.status, d.due, today) : undefined;
            return (
              <tr key={name}>
                <th scope="row">{tm(`term_${name}`, name)}</th>
                <td>{'start' in d ? formatDate(lang, d.start) : '—'}</td>
                <td>{formatDate(lang, d.raw)}</td>
                <td>
                  {formatDate(lang, d.due)}
                  {st ? (
                    <span className={`bo-deadline bo-deadline--${st.tone}`}>
                      <span className="bo-deadline__text">{t(st.key, { n: st.n })}</span>
                    </span>
                  ) : null}
                </td>
                <td>{'extensionWeeks' in d ? d.extensionWeeks : '—'}</td>
                <td>
                  {d.rulesApplied?.length ? (
                    <ul className="bo-compact-list">
                      {d.rulesApplied.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function MessagesSection({
  messages,
  letters,
  onRetried,
}: {
  messages: OutboxList['items'] | undefined;
  letters: LetterList['items'] | undefined;
  onRetried: () => void;
}) {
  const { t, tm, lang } = useI18n();
  const [retryError, setRetryError] = useState<unknown>();
  const [retried, setRetried] = useState<string>();
  // A message refused for good or out of attempts ('failed') can be offered again.
  const retry = (id: string) => {
    api('POST', `/api/v1/outbox/${id}/retry`).then(
      () => {
        setRetryError(undefined);
        setRetried(id);
        onRetried();
      },
      (e: unknown) => setRetryError(e),
    );
  };
  // The case detail carries neither messages nor attachments: messages come from the outbox (when
  // this role may read it), documents are the case's letters.
  const all = messages ?? [];
  const docs = (letters ?? []).map((l) => ({
    id: l.id,
    title: `${l.subject} (${tm(`letterStatus_${l.status}`, l.status)})`,
    url: l.status === 'draft' ? undefined : `/api/v1/letters/${l.id}/pdf`,
  }));
  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">{t('sectionMessages')}</h2>
      {all.length === 0 && docs.length === 0 ? <p>{t('noMessages')}</p> : null}
      {retryError ? <ErrorSummary error={retryError} /> : null}
      {all.length > 0 ? (
        <ul>
          {all.map((m) => (
            <li key={m.id}>
              {m.subject || m.kind} — {str(m.recipient)} — {m.status}
              {` — ${formatDateTime(lang, m.createdAt)}`}
              {m.status === 'failed' && typeof m.lastError === 'string' ? (
                <span className="bo-muted">
                  {' '}
                  — {t('messageError')}: {m.lastError}
                </span>
              ) : null}
              {m.status === 'failed' && 'failedAt' in m ? (
                <>
                  {' '}
                  <button type="button" onClick={() => retry(m.id)}>
                    {t('messageRetry')}
                  </button>
                </>
              ) : null}
              {retried === m.id && m.status !== 'failed' ? (
                <span role="status"> {t('messageRetried')}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {docs.length > 0 ? (
        <ul>
          {docs.map((d) => (
            <li key={d.id}>{d.url ? <a href={d.url}>{d.title}</a> : d.title}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function HistorySection({ c }: { c: CaseDetail }) {
  const { t, tm, lang } = useI18n();
  const lookups = useLookups();
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('sectionHistory')}</h2>
      <ol className="bo-timeline">
        {[...c.history].reverse().map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{formatDateTime(lang, e.at)}</time>{' '}
            <strong>{e.label ?? tm(`event_${e.type}`, e.type)}</strong>{' '}
            <span className="bo-muted">
              {t('by')}{' '}
              {e.actorId ? (nameOf(lookups.users, e.actorId) ?? e.actorId.slice(0, 8)) : t('system')}
            </span>
            {Object.keys(e.data).length > 0 ? (
              <span className="bo-event-data">
                {' '}
                {Object.entries(e.data)
                  .map(([k, v]) => `${k}: ${str(v)}`)
                  .join(' · ')}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function ActionsPanel({
  c,
  doc,
  open,
  setOpen,
  onDone,
}: {
  c: CaseDetail;
  doc: OpenApiDoc | undefined;
  open: AllowedAction | undefined;
  setOpen: (a: AllowedAction | undefined) => void;
  onDone: (a: AllowedAction) => Promise<void>;
}) {
  const { t, tm } = useI18n();
  const formHeading = useRef<HTMLHeadingElement | null>(null);
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});
  useEffect(() => {
    if (open) formHeading.current?.focus();
  }, [open]);

  if (c.allowedActions.length === 0) return <p>{t('noActions')}</p>;
  const route = open && doc ? findActionRoute(doc, open.action) : undefined;
  const choices: Record<string, Choice[]> = {
    itemId: c.items.map((it, i) => ({
      value: String(it.id),
      label: `${str(it.position ?? i + 1)}. ${str(it.summary).slice(0, 60)}`,
    })),
    respondentId: (c.respondents ?? []).map((r) => ({ value: String(r.id), label: str(r.name) })),
  };
  const close = (a: AllowedAction) => {
    setOpen(undefined);
    requestAnimationFrame(() => buttons.current[a.action]?.focus());
  };
  return (
    <>
      <ul className="bo-actions" data-testid="allowed-actions">
        {c.allowedActions.map((a) => (
          <li key={a.action}>
            <button
              type="button"
              ref={(el) => {
                buttons.current[a.action] = el;
              }}
              className={open?.action === a.action ? '' : 'bo-button--secondary'}
              aria-expanded={open?.action === a.action}
              aria-controls="action-form"
              aria-describedby={a.ready === false && a.blockers?.length ? `blockers-${a.action}` : undefined}
              data-action={a.action}
              onClick={() => setOpen(open?.action === a.action ? undefined : a)}
            >
              {a.label}
            </button>
            {a.ready === false && a.blockers?.length ? (
              <ul className="bo-blockers" id={`blockers-${a.action}`}>
                {a.blockers.map((b, i) => (
                  <li key={i}>
                    {b.rule}: {b.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {open ? (
        <div id="action-form" className="bo-action-form">
          <h3 ref={formHeading} tabIndex={-1}>
            {open.label}
          </h3>
          {!doc ? (
            <Loading />
          ) : !route ? (
            <>
              <p role="alert">{t('actionUnavailable')}</p>
              <button type="button" className="bo-button--secondary" onClick={() => close(open)}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <SchemaForm
              key={open.action}
              doc={doc}
              schema={route.schema}
              idPrefix={`a-${open.action}-`}
              submitLabel={tm(`submit_${open.action}`, t('actionSubmit'))}
              choices={choices}
              fixed={{ version: c.version, expectedVersion: c.version }}
              onCancel={() => close(open)}
              onSubmit={async (body) => {
                await api(route.method, route.path.replace('{id}', c.id), body);
                await onDone(open);
              }}
            />
          )}
        </div>
      ) : null}
    </>
  );
}
