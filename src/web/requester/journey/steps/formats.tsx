import { messageKeyOf } from '../../../../i18n/keys.ts';
import { FORMATS, fieldSchemas } from '../../../../services/requests/request-input.ts';
import { ChoiceGroup, list } from '../../form-helpers.tsx';
import { type StepDef, zodErrors } from '../step.ts';

export const formatKey = (f: string) => messageKeyOf('portal.format.', f);

/** In which formats the answer should come (data files, chart, map…). */
export const formatsStep: StepDef = {
  title: 'portal.step.formats.title',
  done: (s) => (s.formats?.length ?? 0) > 0,
  view({ t, state }, raw, errors) {
    return (
      <ChoiceGroup
        field="formats"
        legend={t('portal.step.formats.title')}
        legendIsTitle
        hint={t('portal.step.formats.hint')}
        type="checkbox"
        errors={errors}
        selected={(raw.formats as string[] | undefined) ?? state.formats ?? []}
        options={FORMATS.map((f) => ({
          value: f,
          label: t(formatKey(f)),
          hint: t(messageKeyOf('portal.format_hint.', f)),
        }))}
      />
    );
  },
  parse({ t, catalog }, form) {
    const parsed = fieldSchemas(t, catalog).formats.safeParse(list(form, 'formats'));
    if (!parsed.success)
      return { errors: zodErrors(parsed.error, 'formats'), raw: { formats: list(form, 'formats') } };
    return { patch: { formats: parsed.data } };
  },
};
