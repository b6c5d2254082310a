import { describe, expect, it } from 'vitest';
import { yearsOffered, yearsStep } from '../../../../src/web/requester/journey/steps/years.tsx';
import { errorsOf, parse, patchOf, renderView, stepCtx } from './step-context.ts';

describe('journey step: years', () => {
  it('offers the years the chosen indicators have', () => {
    const { catalog } = stepCtx();
    const offered = yearsOffered(catalog, { indicators: ['population_total'] });
    expect(offered).toContain(2020);
    expect(offered).toEqual([...offered].sort((a, b) => a - b));
  });

  it('joins the ticked years and the typed ones', async () => {
    const patch = patchOf(await parse(yearsStep, { years: ['2020'], yearsOther: '2010, 2015' }));
    expect([...(patch.years ?? [])].sort()).toEqual([2010, 2015, 2020]);
  });

  it('a typed value that is not a four-digit year is an error on the text box, input kept', async () => {
    const result = await parse(yearsStep, { years: ['2020'], yearsOther: '20x0' });
    expect(errorsOf(result)[0]?.field).toBe('yearsOther');
    expect('raw' in result && result.raw.yearsOther).toBe('20x0');
  });

  it('renders the boxes, the ticked years and the similar answers slot', async () => {
    const ctx = {
      ...stepCtx({ indicators: ['population_total'], years: [2020] }),
      similarAnswers: () => 'SIMILAR',
    };
    const html = await renderView(yearsStep, ctx);
    expect(html).toContain('value="2020" checked');
    expect(html).toContain('SIMILAR');
  });
});

describe('journey step: years, errors', () => {
  it('no year at all is an error on the boxes (the summary link lands on them)', async () => {
    expect(errorsOf(await parse(yearsStep, {}))[0]?.field).toBe('years');
  });
});

describe('journey step: years, per chosen indicator', () => {
  it('says next to each year which chosen indicators have data for it', async () => {
    // population_total has 1990…2020; population_0_2 only 2020.
    const html = await renderView(yearsStep, stepCtx({ indicators: ['population_total', 'population_0_2'] }));
    const hintOf = (year: number) =>
      new RegExp(`value="${year}"[\\s\\S]*?<span class="hint"[^>]*><br\\s*/?>([^<]*)</span>`).exec(html)?.[1];
    expect(hintOf(2020)).toBe('Con datos de todos los indicadores que elegiste');
    expect(hintOf(2010)).toBe('Solo con datos de: Población total');
    expect(html).not.toContain('con datos disponibles');
  });

  it('one indicator: the hint names it; none from the catalog: no claim about data', async () => {
    const one = await renderView(yearsStep, stepCtx({ indicators: ['population_0_2'] }));
    expect(one).toContain('Estos son los años con datos de');
    expect(one).not.toContain('Solo con datos de');
    const none = await renderView(yearsStep, stepCtx({ otherText: 'Migración' }));
    expect(none).toContain('Marca uno o varios años, o escribe otros abajo.');
    expect(none).not.toContain('con datos');
  });
});
