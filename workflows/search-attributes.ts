import { defineSearchAttributeKey } from '@temporalio/common';

/** The case's stage, for `BrigadeStage='Preparation'` in Temporal's visibility. */
export const BRIGADE_STAGE = defineSearchAttributeKey('BrigadeStage', 'KEYWORD');
/** The case's current risk level. */
export const BRIGADE_RISK = defineSearchAttributeKey('BrigadeRisk', 'KEYWORD');
/** The case's category. */
export const BRIGADE_CATEGORY = defineSearchAttributeKey('BrigadeCategory', 'KEYWORD');
/** The requesting municipality's CBS code (GM….); cases started before the register carry its name. */
export const BRIGADE_MUNICIPALITY = defineSearchAttributeKey('BrigadeMunicipality', 'KEYWORD');
/** The municipality's safety region. */
export const BRIGADE_SAFETY_REGION = defineSearchAttributeKey('BrigadeSafetyRegion', 'KEYWORD');

/** Every Brigade search attribute key, for registration on a Temporal server. */
export const BRIGADE_SEARCH_ATTRIBUTE_KEYS = [BRIGADE_STAGE, BRIGADE_RISK, BRIGADE_CATEGORY, BRIGADE_MUNICIPALITY, BRIGADE_SAFETY_REGION];
