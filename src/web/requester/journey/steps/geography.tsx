import { z } from 'zod';
import { messageKeyOf } from '../../../../i18n/keys.ts';
import { ChoiceGroup, str } from '../../form-helpers.tsx';
import type { StepDef } from '../step.ts';

export const GEO_LEVELS = ['state', 'mun', 'region', 'zm', 'set', 'polygon'] as const;
export type GeoChoice = (typeof GEO_LEVELS)[number];

/** Which kind of area: the whole state, a municipality, a region, a metropolitan zone, a set, a polygon. */
export const geographyStep: StepDef = {
  title: 'portal.step.geo.title',
  done: (s) => !!s.geoLevel,
  view({ t, state, agencyWords }, raw, errors) {
    const selected = [(raw.geoLevel as string | undefined) ?? state.geoLevel ?? ''];
    return (
      <ChoiceGroup
        field="geoLevel"
        legend={t('portal.step.geo.title')}
        legendIsTitle
        hint={t('portal.step.geo.hint')}
        type="radio"
        errors={errors}
        selected={selected}
        options={GEO_LEVELS.map((l) => ({
          value: l,
          label: t(messageKeyOf('portal.geo.level.', l), agencyWords),
          hint: t(messageKeyOf('portal.geo.level_hint.', l), agencyWords),
        }))}
      />
    );
  },
  parse({ t, state, catalog }, form) {
    const parsed = z
      .enum(GEO_LEVELS, { message: t('portal.err.geo_level_required') })
      .safeParse(str(form, 'geoLevel'));
    if (!parsed.success)
      return { errors: [{ field: 'geoLevel', message: parsed.error.issues[0]!.message }], raw: {} };
    const level = parsed.data;
    // The state's id comes from the place catalog (config/geography), not a literal.
    if (level === 'state')
      return { patch: { geoLevel: level, geo: catalog.placesOf('state')[0]!.id, geoGeojson: null } };
    // A new kind of area: the place chosen before no longer applies.
    if (level !== state.geoLevel) return { patch: { geoLevel: level, geo: undefined, geoGeojson: null } };
    return { patch: { geoLevel: level } };
  },
};
