import type { Child } from 'hono/jsx';

/**
 * A wide table (many numeric columns) in a box that scrolls sideways by itself, so the page never
 * does on a phone. The box is a named, focusable region (<section> with a label): keyboard users can
 * reach it and scroll it with the arrow keys, and screen readers announce what it holds.
 */
export function TableScroll({ label, children }: { label: string; children: Child }) {
  return (
    <section class="table-scroll" aria-label={label} tabindex={0}>
      {children}
    </section>
  );
}
