import { describe, expect, it } from 'vitest';
import { indicatorsStep } from '../../../../src/web/requester/journey/steps/indicators.tsx';
import { errorsOf, parse, patchOf, renderView, stepCtx } from './step-context.ts';

describe('journey step: indicators', () => {
  it('keeps the chosen indicators and the free text', async () => {
    const patch = patchOf(
      await parse(indicatorsStep, { indicators: ['population_total'], otherText: '  también edades  ' }),
    );
    expect(patch.indicators).toEqual(['population_total']);
    expect(patch.otherText).toBe('también edades');
  });

  it('asks for a question when nothing is chosen or written', async () => {
    const errors = errorsOf(await parse(indicatorsStep, {}));
    expect(errors[0]?.message).toMatch(/indicador|pregunta|escribe/i);
  });

  it('refuses an indicator the catalog does not have', async () => {
    expect(errorsOf(await parse(indicatorsStep, { indicators: ['nope'] })).length).toBeGreaterThan(0);
  });

  it('shows every topic and keeps the ticked boxes and the typed text on an error', async () => {
    const html = await renderView(
      indicatorsStep,
      stepCtx(),
      { indicators: ['population_total'], otherText: 'mi texto' },
      [{ field: 'indicators', message: 'Elige algo' }],
    );
    expect(html).toContain('value="population_total" checked');
    expect(html).toContain('mi texto');
    expect(html).toContain('<p class="error-message">Elige algo</p>');
  });
});
