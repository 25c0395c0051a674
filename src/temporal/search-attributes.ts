/** Custom search attributes Brigade keeps current on every case workflow, with their Temporal types. */
export const BRIGADE_SEARCH_ATTRIBUTES = {
  BrigadeStage: 'Keyword',
  BrigadeRisk: 'Keyword',
  BrigadeCategory: 'Keyword',
  BrigadeMunicipality: 'Keyword',
  BrigadeSafetyRegion: 'Keyword',
} as const;
