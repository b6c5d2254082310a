import { indicatorName, type PortalCatalog } from '../../../../services/requests/catalog.ts';
import type { DraftState } from '../../../../services/requests/drafts.ts';
import { fieldSchemas } from '../../../../services/requests/request-input.ts';
import { TextField } from '../../../components/form.tsx';
import { ChoiceGroup, list, str } from '../../form-helpers.tsx';
import { type StepCtx, type StepDef, zodErrors } from '../step.ts';

/** The years offered as boxes: those the chosen indicators have; long projection series every 5 years. */
export function yearsOffered(catalog: PortalCatalog, s: DraftState): number[] {
  const ys = new Set<number>();
  for (const id of s.indicators ?? []) for (const y of catalog.indicator(id)?.years ?? []) ys.add(y);
  if (ys.size === 0) for (const y of [1990, 1995, 2000, 2005, 2010, 2015, 2020]) ys.add(y);
  // Long projection series: offer the census-like years and the near future; others go in the text box.
  const all = [...ys].sort((a, b) => a - b);
  return all.length > 20 ? all.filter((y) => y % 5 === 0 && y >= 1990 && y <= 2050) : all;
}

/**
 * Which of the chosen indicators have data for `year`: null when all do (or none was chosen from the
 * catalog), else their names, so a year is never offered as "with data" for an indicator without it.
 */
function yearCoverage(ctx: StepCtx, year: number): string | undefined {
  const { t, catalog, state } = ctx;
  const chosen = state.indicators ?? [];
  if (chosen.length < 2) return undefined;
  const having = chosen.filter((id) => catalog.indicator(id)?.years.includes(year));
  if (having.length === chosen.length) return t('journey.years.all');
  const names = having.map((id) => indicatorName(t, id));
  const list =
    names.length > 3
      ? t('journey.years.and_more', { list: names.slice(0, 3).join(', '), count: names.length - 3 })
      : names.join(', ');
  return t('journey.years.only', { indicators: list });
}

function yearsHint(ctx: StepCtx): string {
  const chosen = ctx.state.indicators ?? [];
  if (chosen.length === 0) return ctx.t('journey.years.hint_none');
  if (chosen.length === 1)
    return ctx.t('journey.years.hint_one', { indicator: indicatorName(ctx.t, chosen[0]!) });
  return ctx.t('journey.years.hint_many');
}

/** Which years: boxes for the years on offer, each saying which chosen indicators have it; a text box for others. */
export const yearsStep: StepDef = {
  title: 'portal.step.years.title',
  done: (s) => (s.years?.length ?? 0) > 0,
  view(ctx, raw, errors) {
    const { t, catalog, state, similarAnswers } = ctx;
    const offered = yearsOffered(catalog, state);
    const chosen = ((raw.years as string[] | undefined) ?? (state.years ?? []).map(String)).filter(Boolean);
    const others =
      (raw.yearsOther as string | undefined) ?? chosen.filter((y) => !offered.includes(Number(y))).join(', ');
    return (
      <>
        <ChoiceGroup
          field="years"
          legend={t('portal.step.years.title')}
          legendIsTitle
          hint={yearsHint(ctx)}
          type="checkbox"
          errors={errors}
          selected={chosen}
          options={offered.map((y) => ({ value: String(y), label: String(y), hint: yearCoverage(ctx, y) }))}
        />
        <TextField
          field="yearsOther"
          name="yearsOther"
          label={t('portal.step.years.other_label')}
          hint={t('portal.step.years.other_hint')}
          errors={errors}
          value={others}
          maxlength={100}
          inputmode="numeric"
        />
        {similarAnswers()}
      </>
    );
  },
  parse({ t, catalog }, form) {
    const typed = str(form, 'yearsOther').slice(0, 200);
    const parts = typed.split(/[\s,;]+/).filter(Boolean);
    const raw = { years: list(form, 'years'), yearsOther: typed };
    if (parts.some((p) => !/^\d{4}$/.test(p)))
      return { errors: [{ field: 'yearsOther', message: t('portal.err.year_invalid') }], raw };
    const parsed = fieldSchemas(t, catalog).years.safeParse([...list(form, 'years'), ...parts]);
    if (!parsed.success) return { errors: zodErrors(parsed.error, 'years'), raw };
    return { patch: { years: parsed.data } };
  },
};
