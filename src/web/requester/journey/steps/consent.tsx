import { ChoiceGroup, str } from '../../form-helpers.tsx';
import type { StepDef } from '../step.ts';

/** The privacy notice (required) and whether the answer may be published (optional). */
export const consentStep: StepDef = {
  title: 'portal.step.consent.title',
  done: (s) => s.privacyConsent === true,
  view({ t, agency, state }, raw, errors) {
    const consent =
      raw.privacyConsent !== undefined ? raw.privacyConsent === 'yes' : state.privacyConsent === true;
    const publish =
      raw.publishConsent !== undefined ? raw.publishConsent === 'yes' : state.publishConsent === true;
    return (
      <>
        <h1>{t('portal.step.consent.title')}</h1>
        <div class="inset">
          <p>{t('portal.privacy.simplified', { agency: agency.name })}</p>
          <p>
            <a href="/aviso-de-privacidad" target="_blank" rel="noopener">
              {t('portal.privacy.read_full')}
            </a>
          </p>
        </div>
        <ChoiceGroup
          field="privacyConsent"
          legend={t('portal.step.consent.privacy_legend')}
          type="checkbox"
          errors={errors}
          selected={consent ? ['yes'] : []}
          options={[
            {
              value: 'yes',
              label: t('portal.step.consent.privacy_label', { version: agency.privacyNoticeVersion }),
            },
          ]}
        />
        <ChoiceGroup
          field="publishConsent"
          legend={t('portal.step.consent.publish_legend')}
          hint={t('portal.publication.rule')}
          type="checkbox"
          errors={errors}
          selected={publish ? ['yes'] : []}
          options={[{ value: 'yes', label: t('portal.step.consent.publish_label') }]}
        />
        <input type="hidden" name="publishConsentShown" value="1" />
      </>
    );
  },
  parse({ t }, form) {
    const privacy = str(form, 'privacyConsent') === 'yes';
    const publish = str(form, 'publishConsent') === 'yes';
    if (!privacy)
      return {
        errors: [{ field: 'privacyConsent', message: t('portal.err.privacy_required') }],
        raw: { privacyConsent: 'no', publishConsent: publish ? 'yes' : 'no' },
      };
    return { patch: { privacyConsent: true, publishConsent: publish } };
  },
};
