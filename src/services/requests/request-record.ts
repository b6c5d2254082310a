/** The request as the use cases hand it to the web layer: the stored row, read-only by convention. */
export type { RequestRow } from '../../db/requests.ts';
