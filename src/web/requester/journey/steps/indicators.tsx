import { z } from 'zod';
import { indicatorDefinition, indicatorName, topicName } from '../../../../services/requests/catalog.ts';
import { fieldSchemas, LIMITS, requireQuestion } from '../../../../services/requests/request-input.ts';
import { FormGroup, fieldError } from '../../../components/form.tsx';
import { ChoiceGroup, list, str } from '../../form-helpers.tsx';
import { type StepDef, zodErrors } from '../step.ts';

/** What the person wants to know: indicators from the catalog and/or their own words. */
export const indicatorsStep: StepDef = {
  title: 'portal.step.indicators.title',
  done: (s) => (s.indicators?.length ?? 0) > 0 || !!s.otherText,
  // The same search box as the municipality list: without JavaScript the whole list is there.
  scripts: () => ['/static/choice-filter.js'],
  view({ t, catalog, state }, raw, errors) {
    const selected = (raw.indicators as string[] | undefined) ?? state.indicators ?? [];
    const other = (raw.otherText as string | undefined) ?? state.otherText ?? '';
    const err = fieldError(errors, 'indicators');
    return (
      <>
        <h1>{t('portal.step.indicators.title')}</h1>
        <p class="hint">{t('portal.step.indicators.hint')}</p>
        <div
          class={err ? 'form-group form-group--error' : 'form-group'}
          id="indicators-list"
          data-choice-filter={t('journey.indicators.filter_label')}
          data-choice-filter-count={t('journey.indicators.filter_count')}
        >
          {err ? <p class="error-message">{err}</p> : null}
          {catalog.topics().map((g, gi) => (
            <ChoiceGroup
              field={gi === 0 ? 'indicators' : `indicators-${g.id}`}
              name="indicators"
              legend={topicName(t, g.id)}
              type="checkbox"
              errors={[]}
              selected={selected}
              options={g.indicators.map((i) => ({
                value: i.id,
                label: indicatorName(t, i.id),
                hint: indicatorDefinition(t, i.id) || undefined,
              }))}
            />
          ))}
        </div>
        <FormGroup
          field="otherText"
          label={t('portal.step.indicators.other_label')}
          hint={t('portal.step.indicators.other_hint', { max: LIMITS.otherText })}
          error={fieldError(errors, 'otherText')}
        >
          <textarea id="f-otherText" name="otherText" rows={3} maxlength={LIMITS.otherText}>
            {other}
          </textarea>
        </FormGroup>
      </>
    );
  },
  parse({ t, catalog }, form) {
    const f = fieldSchemas(t, catalog);
    const parsed = z
      .object({ indicators: f.indicators, otherText: f.otherText })
      .superRefine(requireQuestion(t))
      .safeParse({ indicators: list(form, 'indicators'), otherText: str(form, 'otherText') });
    if (!parsed.success)
      return {
        errors: zodErrors(parsed.error),
        raw: { indicators: list(form, 'indicators'), otherText: str(form, 'otherText') },
      };
    return { patch: parsed.data };
  },
};
