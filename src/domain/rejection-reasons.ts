/**
 * Legal grounds for declaring a request not admissible (no procedente). The text shown for each is
 * in the catalog as `staff.reject_reason.<id>`; staff add their own explanation.
 */
export const REJECTION_REASONS = [
  'not_competent',
  'nonexistent',
  'statistical_confidentiality',
  'not_sociodemographic',
  'duplicate',
] as const;
