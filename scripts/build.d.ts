// Types of scripts/build.js (plain JavaScript so that `node` runs it without tsx).
export const ENTRIES: Record<'main' | 'worker' | 'cli' | 'pglite-template', string>;
export function isStale(): boolean;
export function build(opts?: { quiet?: boolean }): Promise<void>;
export function ensureBuilt(opts?: { quiet?: boolean }): Promise<boolean>;
