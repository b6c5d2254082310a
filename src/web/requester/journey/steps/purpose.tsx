import { fieldSchemas, LIMITS } from '../../../../services/requests/request-input.ts';
import { FormGroup, fieldError } from '../../../components/form.tsx';
import { str } from '../../form-helpers.tsx';
import { type StepDef, zodErrors } from '../step.ts';

/** What the data is for. */
export const purposeStep: StepDef = {
  title: 'portal.step.purpose.title',
  done: (s) => !!s.purpose,
  view({ t, state }, raw, errors) {
    return (
      <>
        <h1>{t('portal.step.purpose.title')}</h1>
        <FormGroup
          field="purpose"
          label={t('portal.step.purpose.label')}
          hint={t('portal.step.purpose.hint', { max: LIMITS.purpose })}
          error={fieldError(errors, 'purpose')}
        >
          <textarea id="f-purpose" name="purpose" rows={5} maxlength={LIMITS.purpose}>
            {(raw.purpose as string | undefined) ?? state.purpose ?? ''}
          </textarea>
        </FormGroup>
      </>
    );
  },
  parse({ t, catalog }, form) {
    const purpose = str(form, 'purpose');
    const parsed = fieldSchemas(t, catalog).purpose.safeParse(purpose);
    if (!parsed.success) return { errors: zodErrors(parsed.error, 'purpose'), raw: { purpose } };
    return { patch: { purpose: parsed.data } };
  },
};
