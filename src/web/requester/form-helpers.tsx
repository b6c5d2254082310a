import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { FieldError } from '../../domain/errors.ts';
import { ErrorSummary, fieldError, fieldId } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';

export type FormBody = Record<string, string | File | (string | File)[]>;

/** Every value of a (possibly repeated) text field; files and blanks left out. */
export function list(form: FormBody, name: string): string[] {
  const v = form[name] ?? form[`${name}[]`];
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return all.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
}

/** One text field ('' when absent). */
export function str(form: FormBody, name: string): string {
  const v = form[name];
  const one = Array.isArray(v) ? v[0] : v;
  return typeof one === 'string' ? one : '';
}

export function file(form: FormBody, name: string): File | null {
  const v = form[name];
  const one = Array.isArray(v) ? v[0] : v;
  return one instanceof File && one.size > 0 ? one : null;
}

export async function readForm(c: Context<AppEnv>): Promise<FormBody> {
  const body = (await c.req.parseBody({ all: true })) as FormBody;
  // PostgreSQL text and jsonb cannot hold NUL: drop it before it reaches a draft or a request.
  const clean = (v: unknown) => (typeof v === 'string' ? v.replace(/\0/g, '') : v);
  for (const [k, v] of Object.entries(body)) {
    body[k] = (Array.isArray(v) ? v.map(clean) : clean(v)) as FormBody[string];
  }
  return body;
}

/** A fieldset of checkboxes or radios with a legend, hint and inline error (GOV.UK pattern). */
export function ChoiceGroup(props: {
  field: string;
  legend: Child;
  /** The legend is the page's question: rendered as its <h1>. */
  legendIsTitle?: boolean;
  hint?: string | undefined;
  errors: FieldError[];
  type: 'checkbox' | 'radio';
  name?: string;
  options: { value: string; label: string; hint?: string | undefined }[];
  selected: readonly string[];
}) {
  const id = fieldId(props.field);
  const error = fieldError(props.errors, props.field);
  const name = props.name ?? props.field;
  const described = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'form-group form-group--error' : 'form-group'}>
      <fieldset aria-describedby={described || undefined}>
        <legend>{props.legendIsTitle ? <h1>{props.legend}</h1> : props.legend}</legend>
        {props.hint ? (
          <p class="hint" id={`${id}-hint`}>
            {props.hint}
          </p>
        ) : null}
        {error ? (
          <p class="error-message" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        {props.options.map((o, i) => {
          // The first option carries the field's id, so the error summary link lands on it.
          const optId = i === 0 ? id : `${id}-${o.value.replace(/[^a-zA-Z0-9_-]+/g, '-')}`;
          return (
            <div class="choice">
              <input
                type={props.type}
                id={optId}
                name={name}
                value={o.value}
                checked={props.selected.includes(o.value)}
                aria-describedby={o.hint ? `${optId}-hint` : undefined}
              />
              <label for={optId}>
                {o.label}
                {o.hint ? (
                  <span class="hint" id={`${optId}-hint`}>
                    <br />
                    {o.hint}
                  </span>
                ) : null}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

/** The top of every form page: back link and error summary. */
export function FormTop(props: { c: Context<AppEnv>; back?: string | undefined; errors: FieldError[] }) {
  const { t } = props.c.var;
  return (
    <>
      {props.back ? (
        <p>
          <a href={props.back} class="back-link">
            {t('portal.back')}
          </a>
        </p>
      ) : null}
      <ErrorSummary title={t('error.summary_title')} errors={props.errors} />
    </>
  );
}
