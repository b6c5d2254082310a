import { z } from 'zod';
import { sectorName } from '../../../../services/requests/catalog.ts';
import { fieldSchemas, LIMITS } from '../../../../services/requests/request-input.ts';
import { TextField } from '../../../components/form.tsx';
import { ChoiceGroup, str } from '../../form-helpers.tsx';
import { type StepDef, zodErrors } from '../step.ts';

/** Who asks: name, e-mail, sector, organization, phone. */
export const requesterStep: StepDef = {
  title: 'portal.step.requester.title',
  done: (s) => !!s.requester,
  view({ t, locale, agency, catalog, state }, raw, errors) {
    const r = state.requester;
    const val = (k: string, fallback: string | null | undefined) =>
      (raw[k] as string | undefined) ?? fallback ?? '';
    return (
      <>
        <h1>{t('portal.step.requester.title')}</h1>
        <p class="hint">{t('portal.step.requester.hint')}</p>
        <TextField
          field="requester.name"
          name="name"
          label={t('portal.field.name')}
          errors={errors}
          value={val('name', r?.name)}
          maxlength={LIMITS.name}
          autocomplete="name"
        />
        <TextField
          field="requester.email"
          name="email"
          type="email"
          label={t('portal.field.email')}
          hint={t('portal.field.email_hint')}
          errors={errors}
          value={val('email', r?.email)}
          maxlength={LIMITS.email}
          autocomplete="email"
        />
        <ChoiceGroup
          field="requester.sector"
          name="sector"
          legend={t('portal.field.sector')}
          type="radio"
          errors={errors}
          selected={[val('sector', r?.sector)]}
          options={catalog.sectors.map((s) => ({
            value: s,
            label: sectorName(t, locale, agency, s),
          }))}
        />
        <TextField
          field="requester.organization"
          name="organization"
          label={t('portal.field.organization')}
          errors={errors}
          value={val('organization', r?.organization)}
          maxlength={LIMITS.organization}
          autocomplete="organization"
        />
        <TextField
          field="requester.phone"
          name="phone"
          type="tel"
          label={t('portal.field.phone')}
          errors={errors}
          value={val('phone', r?.phone)}
          maxlength={LIMITS.phone}
          autocomplete="tel"
        />
      </>
    );
  },
  parse({ t, catalog }, form) {
    const raw = {
      name: str(form, 'name'),
      email: str(form, 'email'),
      sector: str(form, 'sector'),
      organization: str(form, 'organization'),
      phone: str(form, 'phone'),
    };
    const parsed = z.object({ requester: fieldSchemas(t, catalog).requester }).safeParse({
      requester: { ...raw, sector: raw.sector || undefined },
    });
    if (!parsed.success) return { errors: zodErrors(parsed.error), raw };
    return { patch: { requester: parsed.data.requester } };
  },
};
