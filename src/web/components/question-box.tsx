import type { Translate } from '../../i18n/index.ts';

/**
 * The question box (issue 20): one text field that asks /preguntar by GET, so it works without
 * JavaScript, needs no CSRF token and keeps the pages it sits on cacheable.
 */
export function QuestionBox(props: { t: Translate; value?: string; headingLevel?: 2 | 1; id?: string }) {
  const { t } = props;
  const id = props.id ?? 'pregunta';
  return (
    <search>
      <form method="get" action="/preguntar" class="question-box">
        <div class="form-group">
          <label class="label" for={id} id={`${id}-label`}>
            {props.headingLevel === 1 ? t('ask.field.label') : t('ask.box.heading')}
          </label>
          <p class="hint" id={`${id}-hint`}>
            {props.headingLevel === 1 ? t('ask.field.hint') : t('ask.box.hint')}
          </p>
          <input
            class="input"
            type="search"
            id={id}
            name="q"
            value={props.value ?? ''}
            maxlength={300}
            autocomplete="off"
            aria-describedby={`${id}-hint`}
          />
        </div>
        <button type="submit" class="button">
          {t('ask.submit')}
        </button>
      </form>
    </search>
  );
}
