/**
 * The fixed vocabularies of the level format, without the schema: the game page imports
 * these and no schema library.
 */
export const SECTORS = ['power', 'hospitals', 'water', 'transport', 'schools', 'security', 'retail'] as const;
export type Sector = (typeof SECTORS)[number];

export const POLICIES = [
  'purchaseCap',
  'priceControls',
  'closeSchools',
  'curfew',
  'banRuralSales',
  'hazardPay',
  'alternateCorridor',
  'emergencyAirlift',
  'commsCampaign',
  'alliedHelp',
] as const;
export type PolicyId = (typeof POLICIES)[number];
