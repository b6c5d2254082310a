import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { escapeXml } from './xml.ts';

export type { TopLevelSpec as VegaLiteSpec } from 'vega-lite';

/**
 * A vega-lite spec rendered on the server as an SVG string (no browser, no canvas). Pages embed it
 * inline, so a chart is readable without JavaScript; documents can rasterise it with resvg.
 * With `title` the SVG becomes one image with that accessible name (vega's per-mark ARIA roles are
 * turned off: the page gives the numbers in a data table instead).
 */
export async function vegaLiteToSvg(spec: TopLevelSpec, opts: { title?: string } = {}): Promise<string> {
  const withAria = opts.title ? ({ ...spec, config: { ...spec.config, aria: false } } as TopLevelSpec) : spec;
  const { spec: vegaSpec } = compile(withAria);
  // Mexican Spanish writes numbers as vega's default locale does (1,645,352.5), so no locale is set;
  // charts take month and category names already translated, never vega's English date names.
  const view = new View(parse(vegaSpec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    if (!opts.title) return svg;
    const title = escapeXml(opts.title);
    return svg
      .replace(/ (role|aria-roledescription|aria-label)="[^"]*"/g, '')
      .replace(/^<svg /, `<svg role="img" aria-label="${title}" `)
      .replace(/(<svg[^>]*>)/, `$1<title>${title}</title>`);
  } finally {
    view.finalize();
  }
}
