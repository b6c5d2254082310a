import type { Child } from 'hono/jsx';
import type { FieldError } from '../../domain/errors.ts';

/** The CSRF field every form carries (checked by the csrf middleware). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** GOV.UK error summary: first in the page, focusable, each message links to its field. */
export function ErrorSummary({ title, errors }: { title: string; errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    // autofocus: focus lands on the summary as the page loads, with or without JavaScript.
    <div class="error-summary" role="alert" tabindex={-1} autofocus aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${fieldId(e.field)}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Stable HTML id for a field name (`requester.email` → `f-requester-email`). */
export function fieldId(field: string): string {
  return `f-${field.replace(/[^a-zA-Z0-9_-]+/g, '-')}`;
}

export function fieldError(errors: FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

/** A labelled field group with hint and inline error; `children` is the control itself. */
export function FormGroup(props: {
  field: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: Child;
}) {
  const id = fieldId(props.field);
  return (
    <div class={props.error ? 'form-group form-group--error' : 'form-group'}>
      <label class="label" for={id}>
        {props.label}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="error-message" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

/** A labelled one-line input (text, e-mail, phone) with hint and inline error. */
export function TextField(props: {
  field: string;
  name: string;
  label: string;
  hint?: string | undefined;
  errors: FieldError[];
  value: string;
  type?: 'text' | 'email' | 'tel';
  /** Characters accepted; the server validates it again. */
  maxlength?: number | undefined;
  autocomplete?: string;
  inputmode?: 'numeric' | 'email' | 'tel';
}) {
  const isText = (props.type ?? 'text') === 'text';
  const id = fieldId(props.field);
  const error = fieldError(props.errors, props.field);
  const described = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <FormGroup
      field={props.field}
      label={props.label}
      hint={props.hint}
      error={fieldError(props.errors, props.field)}
    >
      <input
        type={props.type ?? 'text'}
        id={id}
        name={props.name}
        aria-describedby={described || undefined}
        aria-invalid={error ? 'true' : undefined}
        value={props.value}
        maxlength={props.maxlength}
        autocomplete={props.autocomplete ?? 'off'}
        inputmode={props.inputmode}
        spellcheck={isText ? undefined : false}
      />
    </FormGroup>
  );
}
