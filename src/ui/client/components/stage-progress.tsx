import type { CaseStage } from '../../../domain/case.vocabulary';
import { progressLine } from '../case-actions';
import { useI18n } from '../i18n/language';

const MARKS = { done: '✓', current: '●', todo: '', stopped: '✕' } as const;

/**
 * The stages as a progress line (RVO progress-tracker look): done stages ticked, the current one marked and named
 * "huidige fase" in words, a stopped case's last stage crossed out, then how it ended. It is an ordered list, so
 * screen readers hear "1 of 8" and the status of each step as text.
 */
export function StageProgress({ stage, stoppedAt }: { stage: CaseStage; stoppedAt: CaseStage | null }) {
  const { m } = useI18n();
  const steps = progressLine(stage, stoppedAt);
  const statusText = { done: m.casePage.stageDone, current: m.casePage.stageCurrent, todo: m.casePage.stageTodo, stopped: m.casePage.stageEndedHere(m.stage[stage]) };
  const ended = stage === 'Rejected' || stage === 'Cancelled';
  return (
    <section aria-labelledby="case-stages" class="vb-stages-wrap">
      <h2 class="utrecht-heading-2 vb-visually-hidden" id="case-stages">{m.casePage.stages}</h2>
      <ol class="rvo-progress-tracker vb-stages">
        {steps.map((step) => {
          const isHere = step.status === 'current' || (ended && step.status === 'stopped');
          return (
            <li
              key={step.stage}
              class={`vb-step vb-step--${step.status}`}
              aria-current={isHere ? 'step' : undefined}
              data-testid={step.status === 'current' ? 'case-stage' : undefined}
              data-stage={step.status === 'current' ? step.stage : undefined}
            >
              <span class="vb-step__mark" aria-hidden="true">{MARKS[step.status]}</span>
              <span class="vb-step__label">{m.stage[step.stage]}</span>
              <span class="vb-step__status">{statusText[step.status]}</span>
            </li>
          );
        })}
        {ended && (
          <li class="vb-step vb-step--ended" aria-current="step" data-testid="case-stage" data-stage={stage}>
            <span class="vb-step__mark" aria-hidden="true">{MARKS.stopped}</span>
            <span class="vb-step__label">{m.stage[stage]}</span>
            <span class="vb-step__status">{m.casePage.stageCurrent}</span>
          </li>
        )}
      </ol>
    </section>
  );
}
