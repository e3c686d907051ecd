/** Kinds of agency (cơ quan, đơn vị); the database CHECK and the profile files use the same list. */
export const AGENCY_KINDS = [
  'province',
  'department',
  'district_pc',
  'commune_pc',
  'police',
  'sociopolitical',
  'press',
  'utility',
  'centre',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
