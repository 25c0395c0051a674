import type { SafetyRegion } from '../../domain/case.vocabulary';
import { SAFETY_REGION_RECORDS } from '../../domain/places/safety-regions.data';

/** How the 25 safety regions write their own names, from the domain's register; the same in Dutch and English. */
export const REGION_NAMES = Object.fromEntries(SAFETY_REGION_RECORDS.map((region) => [region.slug, region.name])) as Readonly<Record<SafetyRegion, string>>;
