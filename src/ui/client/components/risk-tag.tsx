import type { RiskLevel } from '../../../domain/case.vocabulary';
import { useI18n } from '../i18n/language';

/** A case's risk as an RVO tag: its colour and its words ("Risico: Hoog"), never the colour alone. */
export function RiskTag({ risk }: { risk: RiskLevel | null }) {
  const { m } = useI18n();
  return (
    <span class={`rvo-tag vb-risk vb-risk--${risk ?? 'unknown'}`} data-risk={risk ?? 'unknown'}>
      <span class="vb-visually-hidden">{m.riskPrefix}: </span>
      {risk ? m.risk[risk] : m.riskUnknown}
    </span>
  );
}
