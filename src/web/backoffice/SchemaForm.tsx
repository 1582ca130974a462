import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorSummary, describedBy, fieldErrorFor, fieldId, useLookups } from './components.js';
import { useI18n } from './i18n.js';
import { resolve, type JsonSchema, type OpenApiDoc } from './openapi.js';

// A form generated from a JSON Schema (an action's request body in /openapi.json). Knows dates,
// instants, enums, booleans, numbers, string lists and nested objects; ids of users, departments,
// categories, items and respondents become choice lists. Field errors come back from the server
// as paths (complainant.email) and are shown at the field and in the error summary.

export interface Choice {
  value: string;
  label: string;
}

export interface SchemaFormProps {
  doc: OpenApiDoc;
  schema: JsonSchema | undefined;
  idPrefix: string;
  submitLabel: string;
  /** Choices for id fields that depend on the case (items, respondents). */
  choices?: Record<string, Choice[]>;
  /** Values the form fills in itself (e.g. the case version). */
  fixed?: Record<string, unknown>;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
  onCancel?: () => void;
  children?: ReactNode;
}

type Values = Record<string, string | boolean>;

const humanise = (name: string) =>
  name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());

function nonNull(
  doc: OpenApiDoc,
  s: JsonSchema | undefined,
): { schema: JsonSchema | undefined; nullable: boolean } {
  const r = resolve(doc, s);
  const alts = r?.anyOf ?? r?.oneOf;
  if (alts) {
    const rest = alts.filter((a) => resolve(doc, a)?.type !== 'null');
    return { schema: resolve(doc, rest[0]), nullable: rest.length < alts.length };
  }
  if (Array.isArray(r?.type))
    return { schema: { ...r, type: r.type.find((x) => x !== 'null') }, nullable: r.type.includes('null') };
  return { schema: r, nullable: false };
}

const isDate = (s: JsonSchema) => s.format === 'date' || (s.pattern ?? '').includes('\\d{4}-\\d{2}-\\d{2}$');
const isInstant = (s: JsonSchema) => s.format === 'date-time';
const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type[0] : s.type);

function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function SchemaForm({
  doc,
  schema,
  idPrefix,
  submitLabel,
  choices = {},
  fixed = {},
  onSubmit,
  onCancel,
  children,
}: SchemaFormProps) {
  const { t, tm } = useI18n();
  const lookups = useLookups();
  const [values, setValues] = useState<Values>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const root = resolve(doc, schema);

  const idChoices = (name: string): Choice[] | undefined => {
    if (choices[name]) return choices[name];
    if (/^(assignee|user|handler|conductedBy|decidedBy|resolvedBy)(Id)?$/.test(name) && lookups.users)
      return lookups.users
        .filter((u) => u.active)
        .map((u) => ({ value: u.id, label: `${u.name} (${tm(`role_${u.role}`, u.role)})` }));
    if (/^departmentId$/.test(name))
      return lookups.departments.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }));
    if (/^categoryId$/.test(name))
      return lookups.categories.filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }));
    return undefined;
  };

  function build(s: JsonSchema | undefined, prefix: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const required = new Set(s?.required ?? []);
    for (const [name, raw] of Object.entries(s?.properties ?? {})) {
      const path = prefix ? `${prefix}.${name}` : name;
      if (path in fixed) {
        out[name] = fixed[path];
        continue;
      }
      const { schema: f, nullable } = nonNull(doc, raw);
      if (!f) continue;
      const ty = typeOf(f);
      if (ty === 'object' && f.properties) {
        // An optional group nobody touched stays out; a touched or required one goes in whole.
        const touched = Object.keys(values).some((k) => k.startsWith(`${path}.`));
        if (touched || required.has(name)) out[name] = build(f, path);
        continue;
      }
      const v = values[path];
      if (ty === 'boolean') {
        if (v !== undefined || required.has(name)) out[name] = v === true;
        continue;
      }
      if (v === undefined || v === '') {
        if (nullable && values[`${path}.__touched`]) out[name] = null;
        continue;
      }
      const str = String(v);
      if (ty === 'integer' || ty === 'number') out[name] = Number(str);
      else if (ty === 'array') {
        const lines = str
          .split('\n')
          .map((x) => x.trim())
          .filter(Boolean);
        const it = nonNull(doc, f.items).schema;
        out[name] = typeOf(it ?? {}) === 'object' ? safeJson(str) : lines;
      } else if (isInstant(f)) out[name] = new Date(str).toISOString();
      else out[name] = str;
    }
    return out;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(build(root, ''));
      setValues({});
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const set = (path: string, v: string | boolean) =>
    setValues((old) => ({ ...old, [path]: v, [`${path}.__touched`]: true }));

  function renderFields(s: JsonSchema | undefined, prefix: string): ReactNode[] {
    const required = new Set(s?.required ?? []);
    return Object.entries(s?.properties ?? {}).map(([name, raw]) => {
      const path = prefix ? `${prefix}.${name}` : name;
      if (path in fixed) return null;
      const { schema: f } = nonNull(doc, raw);
      if (!f) return null;
      const id = `${idPrefix}${fieldId(path)}`;
      const label = f.title ?? tm(`field_${name}`, humanise(name));
      const hint = f.description;
      const err = fieldErrorFor(error, path);
      const optional = !required.has(name);
      const ty = typeOf(f);
      const v = values[path];
      const common = {
        id,
        name: path,
        'aria-invalid': !!err,
        'aria-describedby': describedBy(id, hint, err),
      };
      if (ty === 'object' && f.properties) {
        return (
          <fieldset key={path} className="bo-fieldset">
            <legend>{label}</legend>
            {renderFields(f, path)}
          </fieldset>
        );
      }
      if (ty === 'boolean') {
        return (
          <div key={path} className="bo-field bo-field--checkbox">
            <input
              type="checkbox"
              {...common}
              checked={v === true}
              onChange={(e) => set(path, e.target.checked)}
            />
            <label htmlFor={id}>{label}</label>
            {hint ? (
              <p className="bo-hint" id={`${id}-hint`}>
                {hint}
              </p>
            ) : null}
            {err ? (
              <p className="bo-field-error" id={`${id}-error`}>
                {err}
              </p>
            ) : null}
          </div>
        );
      }
      let control: ReactNode;
      // AWB-20/21: the 9:8 grounds, their names and the text of the law come from the server.
      const grounds = name === 'ground' ? lookups.labels.declineGrounds : undefined;
      const opts = f.enum
        ? f.enum.map((x) => {
            const g = grounds?.find((d) => d.value === String(x));
            return {
              value: String(x),
              label: g ? `${g.label} — ${g.law}` : tm(`enum_${String(x)}`, humanise(String(x))),
            };
          })
        : idChoices(name);
      if (opts) {
        control = (
          <select
            {...common}
            value={typeof v === 'string' ? v : ''}
            onChange={(e) => set(path, e.target.value)}
          >
            <option value="">—</option>
            {opts.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        );
      } else if (ty === 'integer' || ty === 'number') {
        control = (
          <input
            type="number"
            inputMode="numeric"
            min={f.minimum}
            max={f.maximum}
            {...common}
            value={typeof v === 'string' ? v : ''}
            onChange={(e) => set(path, e.target.value)}
          />
        );
      } else if (ty === 'array') {
        control = (
          <textarea
            rows={3}
            {...common}
            value={typeof v === 'string' ? v : ''}
            onChange={(e) => set(path, e.target.value)}
          />
        );
      } else if (isInstant(f)) {
        control = (
          <input
            type="datetime-local"
            {...common}
            value={typeof v === 'string' ? v : ''}
            onChange={(e) => set(path, e.target.value)}
          />
        );
      } else if (isDate(f)) {
        control = (
          <input
            type="date"
            {...common}
            value={typeof v === 'string' ? v : ''}
            onChange={(e) => set(path, e.target.value)}
          />
        );
      } else if ((f.maxLength ?? 10_000) > 300) {
        control = (
          <textarea
            rows={4}
            {...common}
            value={typeof v === 'string' ? v : ''}
            onChange={(e) => set(path, e.target.value)}
          />
        );
      } else {
        control = (
          <input
            type="text"
            {...common}
            value={typeof v === 'string' ? v : ''}
            onChange={(e) => set(path, e.target.value)}
          />
        );
      }
      return (
        <div key={path} className={`bo-field${err ? ' bo-field--invalid' : ''}`}>
          <label htmlFor={id}>
            {label}
            {optional ? <span className="bo-optional"> {t('optional')}</span> : null}
          </label>
          {hint ? (
            <p className="bo-hint" id={`${id}-hint`}>
              {hint}
            </p>
          ) : null}
          {err ? (
            <p className="bo-field-error" id={`${id}-error`}>
              {err}
            </p>
          ) : null}
          {control}
        </div>
      );
    });
  }

  return (
    <form onSubmit={submit} noValidate className="bo-schema-form">
      <ErrorSummary error={error} idPrefix={idPrefix} />
      {children}
      {renderFields(root, '')}
      <div className="bo-button-row">
        <button type="submit" disabled={busy} aria-busy={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="bo-button--secondary" onClick={onCancel}>
            {t('cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

export { toLocalInput };

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}
