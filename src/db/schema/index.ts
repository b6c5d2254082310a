// One schema for PGlite and PostgreSQL. Each area keeps its tables in its own file.
export * from './answer-drafts.ts';
export * from './audit.ts';
export * from './core.ts';
export * from './documents.ts';
export * from './mail.ts';
export * from './portal.ts';
export * from './privacy.ts';
export * from './rate-limits.ts';
export * from './staff.ts';
export * from './stats.ts';
