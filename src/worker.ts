// Worker-only entry point (`npm run start:worker`): the outbox worker and the sweep scheduler, no HTTP.
// On PostgreSQL run as many as needed next to `npm run start:web`; SKIP LOCKED gives each job to one.
process.argv.push('--worker-only');
await import('./main.ts');

export {};
