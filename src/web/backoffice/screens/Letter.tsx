import { useEffect, useRef, useState } from 'react';
import { ApiError, api, get, post } from '../api.js';
import { ErrorSummary, Loading, PageHeading } from '../components.js';
import { useI18n } from '../i18n.js';
import { loadOpenApi, resolve, type OpenApiDoc } from '../openapi.js';
import { Link } from '../router.js';
import type { CaseDetail, Finding } from '../types.js';

// The letter composer: the generated letter, editable per paragraph, with the linter's findings
// live beside it (rule ID, paragraph, suggestion), a PDF preview and send (blocked while errors
// remain). The compose, PDF and send routes are found in /openapi.json; the lint route
// (POST /api/v1/letters/lint) is the one fixed point.

interface Paragraph {
  key: number;
  heading?: string | undefined;
  role?: string | undefined;
  text: string;
}

interface LetterRoutes {
  compose?: { method: string; path: string } | undefined;
  pdf?: { path: string } | undefined;
  send?: { method: string; path: string } | undefined;
  kinds: string[];
  regimes: string[];
}

function discover(doc: OpenApiDoc): LetterRoutes {
  const lint = doc.paths['/api/v1/letters/lint']?.post;
  const body = resolve(doc, lint?.requestBody?.content?.['application/json']?.schema);
  const kinds = (resolve(doc, body?.properties?.kind)?.enum as string[] | undefined) ?? ['decision'];
  const regimes = (resolve(doc, body?.properties?.regime)?.enum as string[] | undefined) ?? ['awb'];
  const r: LetterRoutes = { kinds, regimes };
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!path.includes('letter')) continue;
    if (ops.post && /\/(send|verzenden)$/.test(path)) r.send ??= { method: 'POST', path };
    else if (ops.get && /pdf/.test(path)) r.pdf ??= { path };
    else if (ops.post && path !== '/api/v1/letters/lint' && /(compose|draft|generate|\/letters$)/.test(path)) r.compose ??= { method: 'POST', path };
  }
  return r;
}

let nextKey = 1;
const para = (text: string, extra: Partial<Paragraph> = {}): Paragraph => ({ key: nextKey++, text, ...extra });

/** A starting draft from the case when the server offers no composer: inleiding – kern – slot. */
function draftFromCase(c: CaseDetail | undefined, lang: 'nl' | 'en'): Paragraph[] {
  const ref = c?.reference ?? 'KL-…';
  const name = c?.complainant.name ?? '';
  if (lang === 'en') {
    return [para(`Our reference: ${ref}`), para(`Dear ${name},`), para('Thank you for your complaint. In this letter you read what we found and what we will do.'), para('…'), para('Kind regards,\n\n')];
  }
  return [
    para(`Ons kenmerk: ${ref}`),
    para(`Geachte ${name},`),
    para('Dank u wel voor uw klacht. In deze brief leest u wat wij hebben onderzocht, wat wij vinden van elk onderdeel van uw klacht en wat wij gaan doen.'),
    ...(c?.items.length ? c.items.map((it, i) => para(`Onderdeel ${i + 1}: ${String(it.summary ?? '')}\n…`)) : [para('…')]),
    para('Met vriendelijke groet,'),
  ];
}

const joinLetter = (ps: Paragraph[]) =>
  ps
    .map((p) => [p.heading, p.text].filter(Boolean).join('\n').replace(/\n\s*\n/g, '\n').trim())
    .filter(Boolean)
    .join('\n\n');

export function LetterScreen({ caseId }: { caseId?: string }) {
  const { t, lang } = useI18n();
  const [doc, setDoc] = useState<OpenApiDoc>();
  const [c, setC] = useState<CaseDetail>();
  const [kind, setKind] = useState('decision');
  const [regime, setRegime] = useState<string>();
  const [paragraphs, setParagraphs] = useState<Paragraph[]>();
  const [findings, setFindings] = useState<Finding[]>();
  const [checking, setChecking] = useState(false);
  const [letterId, setLetterId] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const lintSeq = useRef(0);

  useEffect(() => {
    loadOpenApi().then(setDoc, setError);
    if (caseId) get<CaseDetail>(`/api/v1/cases/${caseId}`).then(setC, setError);
  }, [caseId]);

  const routes = doc ? discover(doc) : undefined;
  const effectiveRegime = regime ?? c?.regime ?? 'awb';

  useEffect(() => {
    if (!paragraphs && doc && (!caseId || c)) setParagraphs(draftFromCase(c, lang));
  }, [doc, c, caseId, paragraphs, lang]);

  // Live lint: 300 ms after the last edit; only the newest answer counts.
  useEffect(() => {
    if (!paragraphs) return;
    const text = joinLetter(paragraphs);
    if (!text) return;
    const seq = ++lintSeq.current;
    setChecking(true);
    const timer = setTimeout(() => {
      post<{ findings: Finding[] }>('/api/v1/letters/lint', { regime: effectiveRegime, kind, text })
        .then((r) => seq === lintSeq.current && setFindings(r.findings))
        .catch((e) => seq === lintSeq.current && setError(e))
        .finally(() => seq === lintSeq.current && setChecking(false));
    }, 300);
    return () => clearTimeout(timer);
  }, [paragraphs, kind, effectiveRegime, lang]);

  async function generate() {
    if (!routes?.compose || !caseId) return;
    setError(undefined);
    try {
      const path = routes.compose.path.replace(/\{(id|caseId)\}/, caseId);
      const r = await api<{ id?: string; paragraphs?: { text: string; heading?: string; role?: string }[]; text?: string }>(routes.compose.method, path, { kind, lang: c?.language ?? lang });
      if (r.id) setLetterId(r.id);
      if (r.paragraphs) setParagraphs(r.paragraphs.map((p) => para(p.text, { heading: p.heading, role: p.role })));
      else if (r.text) setParagraphs(r.text.split(/\n\s*\n/).map((x) => para(x)));
    } catch (e) {
      setError(e);
    }
  }

  const errors = (findings ?? []).filter((f) => f.severity === 'error');

  async function send() {
    // SEND HOOK: the letters API's send route, when the server has one (found in /openapi.json).
    if (!routes?.send || errors.length > 0 || !paragraphs) return;
    setError(undefined);
    try {
      const path = routes.send.path.replace(/\{(id|caseId)\}/, caseId ?? '').replace(/\{(letterId)\}/, letterId ?? '');
      await api(routes.send.method, path, { kind, text: joinLetter(paragraphs), paragraphs: paragraphs.map(({ heading, role, text }) => ({ heading, role, text })) });
      setNotice(t('letterSent'));
    } catch (e) {
      setError(e instanceof ApiError ? e : new Error(String(e)));
    }
  }

  const update = (key: number, text: string) => setParagraphs((ps) => ps?.map((p) => (p.key === key ? { ...p, text } : p)));
  const remove = (key: number) => setParagraphs((ps) => ps?.filter((p) => p.key !== key));
  const add = (afterKey?: number) =>
    setParagraphs((ps) => {
      const list = ps ?? [];
      const i = afterKey === undefined ? list.length : list.findIndex((p) => p.key === afterKey) + 1;
      return [...list.slice(0, i), para(''), ...list.slice(i)];
    });

  if (!doc || !paragraphs) return error ? <ErrorSummary error={error} /> : <Loading />;
  const pdfHref = routes?.pdf ? routes.pdf.path.replace(/\{(id|caseId)\}/, caseId ?? '').replace(/\{letterId\}/, letterId ?? '') : undefined;

  return (
    <>
      <PageHeading title={c ? `${t('lettersTitle')}: ${c.reference}` : t('lettersTitle')} />
      {c ? (
        <p>
          <Link to={`/cases/${c.id}`}>{t('caseTitle', { ref: c.reference })}</Link>
        </p>
      ) : null}
      <ErrorSummary error={error} />
      {notice ? (
        <p role="status" className="bo-notice">
          {notice}
        </p>
      ) : null}
      <div className="bo-filter-grid">
        <div className="bo-field">
          <label htmlFor="f-kind">{t('letterKind')}</label>
          <select id="f-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {routes!.kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <div className="bo-field">
          <label htmlFor="f-regime">{t('regime')}</label>
          <select id="f-regime" value={effectiveRegime} onChange={(e) => setRegime(e.target.value)}>
            {routes!.regimes.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        {routes?.compose && caseId ? (
          <div className="bo-field">
            <button type="button" className="bo-button--secondary" onClick={() => void generate()}>
              {t('generateLetter')}
            </button>
          </div>
        ) : null}
      </div>
      <div className="bo-letter-layout">
        <section aria-labelledby="letter-title" className="bo-letter">
          <h2 id="letter-title" className="bo-visually-hidden">
            {t('lettersTitle')}
          </h2>
          <ol className="bo-paragraphs">
            {paragraphs.map((p, i) => {
              const mine = (findings ?? []).filter((f) => f.paragraph === i + 1);
              const id = `p-${i + 1}`;
              return (
                <li key={p.key} className={mine.some((f) => f.severity === 'error') ? 'bo-paragraph bo-paragraph--error' : 'bo-paragraph'}>
                  <label htmlFor={id}>
                    {t('paragraph', { n: i + 1 })}
                    {p.heading ? `: ${p.heading}` : ''}
                  </label>
                  <textarea
                    id={id}
                    rows={Math.max(2, Math.ceil(p.text.length / 80) + p.text.split('\n').length - 1)}
                    value={p.text}
                    onChange={(e) => update(p.key, e.target.value)}
                    aria-describedby={mine.length ? `${id}-findings` : undefined}
                    aria-invalid={mine.some((f) => f.severity === 'error')}
                  />
                  {mine.length ? (
                    <ul id={`${id}-findings`} className="bo-inline-findings">
                      {mine.map((f, j) => (
                        <li key={j}>
                          {f.rule}: {f.message}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <div className="bo-button-row">
                    <button type="button" className="bo-button--link" onClick={() => add(p.key)}>
                      {t('addParagraph')}
                    </button>
                    <button type="button" className="bo-button--link" onClick={() => remove(p.key)} aria-label={t('removeParagraph', { n: i + 1 })}>
                      ✕
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
        <aside className="bo-findings" aria-labelledby="findings-title">
          <h2 id="findings-title">{t('lintFindings')}</h2>
          <div aria-live="polite" role="status" data-testid="lint-status">
            {checking ? t('checking') : findings && findings.length === 0 ? t('noFindings') : null}
          </div>
          {findings && findings.length > 0 ? (
            <ul className="bo-finding-list" data-testid="findings">
              {findings.map((f, i) => (
                <li key={i} className={`bo-finding bo-finding--${f.severity}`}>
                  <strong>
                    {t(`finding_${f.severity}`)} {f.rule}
                  </strong>{' '}
                  — {f.paragraph ? <a href={`#p-${f.paragraph}`}>{t('paragraph', { n: f.paragraph })}</a> : t('wholeLetter')}
                  <p>{f.message}</p>
                  {f.suggestion ? (
                    <p>
                      <em>{t('suggestion')}:</em> {f.suggestion}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="bo-send">
            {pdfHref && (letterId || !/\{/.test(pdfHref)) ? (
              <p>
                <a href={pdfHref} target="_blank" rel="noopener">
                  {t('pdfPreview')}
                </a>
              </p>
            ) : null}
            {errors.length > 0 ? <p className="bo-field-error">{t('sendBlocked', { n: errors.length })}</p> : null}
            {!routes?.send ? <p className="bo-muted">{t('sendNotAvailable')}</p> : null}
            <button type="button" disabled={errors.length > 0 || checking || !routes?.send || !findings} onClick={() => void send()} data-testid="send-letter">
              {t('sendLetter')}
            </button>
          </div>
        </aside>
      </div>
    </>
  );
}
