import type { MessageKey } from '../../../../i18n/index.ts';
import {
  LIMITS,
  parsePolygon,
  polygonGeoId,
  polygonProblemText,
} from '../../../../services/requests/request-input.ts';
import { FormGroup, fieldError } from '../../../components/form.tsx';
import { ChoiceGroup, file, list, str } from '../../form-helpers.tsx';
import type { StepDef } from '../step.ts';
import type { GeoChoice } from './geography.tsx';

const PLACE_TITLES: Record<GeoChoice, MessageKey> = {
  state: 'journey.place.title',
  mun: 'portal.step.place.mun_title',
  region: 'portal.step.place.region_legend',
  zm: 'portal.step.place.zm_legend',
  set: 'portal.step.place.set_legend',
  polygon: 'portal.step.place.polygon_title',
};

/** Which place of the kind chosen before (skipped for the whole state); a polygon may be uploaded. */
export const placeStep: StepDef = {
  // The page's title is the question its heading asks (¿Qué municipio?, ¿Qué región?, …).
  title: (s) => PLACE_TITLES[(s.geoLevel ?? 'mun') as GeoChoice],
  applies: (s) => s.geoLevel !== 'state',
  multipart: true,
  scripts: (s) => (s.geoLevel === 'set' ? ['/static/choice-filter.js'] : []),
  done: (s) => !!s.geo,
  view({ t, catalog, state }, raw, errors) {
    const level = (state.geoLevel ?? 'mun') as GeoChoice;
    const current = (raw.geo as string | undefined) ?? state.geo ?? '';
    if (level === 'mun') {
      return (
        <>
          <h1>{t('portal.step.place.mun_title')}</h1>
          <FormGroup
            field="geo"
            label={t('portal.step.place.mun_label')}
            hint={t('portal.step.place.mun_hint')}
            error={fieldError(errors, 'geo')}
          >
            <select id="f-geo" name="geo">
              <option value="">{t('portal.step.place.choose')}</option>
              {catalog.placesOf('mun').map((p) => (
                <option value={p.id} selected={p.id === current}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormGroup>
        </>
      );
    }
    if (level === 'region' || level === 'zm') {
      return (
        <ChoiceGroup
          field="geo"
          legend={t(level === 'region' ? 'portal.step.place.region_legend' : 'portal.step.place.zm_legend')}
          legendIsTitle
          type="radio"
          errors={errors}
          selected={[current]}
          options={catalog.placesOf(level).map((p) => ({
            value: p.id,
            label: p.name,
            hint: t('portal.step.place.members', { count: p.members.length }),
          }))}
        />
      );
    }
    if (level === 'set') {
      const chosen =
        (raw.municipalities as string[] | undefined) ??
        (state.geo?.startsWith('set:') ? state.geo.slice(4).split(',') : []);
      return (
        <div
          data-choice-filter={t('portal.step.place.filter_label')}
          data-choice-filter-count={t('portal.step.place.filter_count')}
        >
          <ChoiceGroup
            field="municipalities"
            legend={t('portal.step.place.set_legend')}
            legendIsTitle
            hint={t('portal.step.place.set_hint')}
            type="checkbox"
            errors={errors}
            selected={chosen}
            options={catalog.placesOf('mun').map((p) => ({ value: p.id.slice(4), label: p.name }))}
          />
        </div>
      );
    }
    const text =
      (raw.geojsonText as string | undefined) ?? (state.geoGeojson ? JSON.stringify(state.geoGeojson) : '');
    return (
      <>
        <h1>{t('portal.step.place.polygon_title')}</h1>
        <p class="hint">{t('portal.step.place.polygon_hint')}</p>
        <FormGroup
          field="geojsonFile"
          label={t('portal.step.place.polygon_file')}
          hint={t('portal.step.place.polygon_file_hint', { kb: Math.round(LIMITS.geojsonBytes / 1000) })}
          error={fieldError(errors, 'geojsonFile')}
        >
          <input
            type="file"
            id="f-geojsonFile"
            name="geojsonFile"
            accept=".geojson,.json,application/geo+json"
          />
        </FormGroup>
        <FormGroup
          field="geojsonText"
          label={t('portal.step.place.polygon_text')}
          error={fieldError(errors, 'geojsonText')}
        >
          <textarea id="f-geojsonText" name="geojsonText" rows={6}>
            {text}
          </textarea>
        </FormGroup>
      </>
    );
  },
  async parse({ t, catalog, state }, form) {
    const level = state.geoLevel;
    if (level === 'set') {
      const codes = list(form, 'municipalities');
      const id = `set:${codes.join(',')}`;
      if (codes.length < 2 || !catalog.isGeoId(id))
        return {
          errors: [{ field: 'municipalities', message: t('portal.err.set_required') }],
          raw: { municipalities: codes },
        };
      return { patch: { geo: `set:${[...new Set(codes)].sort().join(',')}`, geoGeojson: null } };
    }
    if (level === 'polygon') {
      const upload = file(form, 'geojsonFile');
      if (upload && upload.size > LIMITS.geojsonBytes)
        return {
          errors: [{ field: 'geojsonFile', message: t('portal.err.file_too_large', { kb: 200 }) }],
          raw: {},
        };
      const text = upload ? await upload.text() : str(form, 'geojsonText');
      const field = upload ? 'geojsonFile' : 'geojsonText';
      if (!text.trim()) return { errors: [{ field, message: t('portal.err.polygon_required') }], raw: {} };
      let message = t('portal.err.polygon_invalid');
      if (text.length > LIMITS.geojsonBytes)
        message = t('polygon.problem.too_large', { kb: Math.round(LIMITS.geojsonBytes / 1000) });
      else
        try {
          // The same checks as the API's (FeatureCollection accepted; what is wrong is said).
          const checked = parsePolygon(JSON.parse(text));
          if (checked.ok)
            return { patch: { geo: polygonGeoId(checked.geometry), geoGeojson: checked.geometry } };
          message = polygonProblemText(t, checked);
        } catch {
          // Not JSON: the general message says what a polygon file must be.
        }
      return {
        errors: [{ field, message }],
        raw: { geojsonText: upload ? '' : text.slice(0, LIMITS.geojsonBytes) },
      };
    }
    const geo = str(form, 'geo');
    const okLevel = geo.startsWith(`${level}:`);
    if (!geo || !okLevel || !catalog.isGeoId(geo))
      return { errors: [{ field: 'geo', message: t('portal.err.place_required') }], raw: { geo } };
    return { patch: { geo, geoGeojson: null } };
  },
};
