import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { PRINCIPAL_PROPERTY } from '../auth/current-principal.decorator';
import { actorOf, type Principal } from '../auth/principal';
import type { Actor } from '../domain/case.vocabulary';
import { maySeeSensitiveFields, redactCaseState } from '../domain/sensitive-fields';
import { isCaseState, isCaseView } from './case-answer';
import type { CaseView } from '../api-contracts/cases.contract';

/**
 * Applies the sensitive-field rule to every case a cases route answers with: `GET /cases/:id` (recorded and live state)
 * and the state each decision returns. An expert who is only offered the case, or who has just declined it, gets the
 * free text redacted; coordinators, auditors and the team get it whole. Lists and events need nothing here: the list
 * carries no free text, and only coordinators and auditors read events.
 */
@Injectable()
export class SensitiveFieldsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const principal = context.switchToHttp().getRequest<Record<string, unknown>>()[PRINCIPAL_PROPERTY] as Principal | undefined;
    if (!principal) return next.handle();
    const reader = actorOf(principal);
    return next.handle().pipe(map((body: unknown) => asSeenBy(reader, body)));
  }
}

/** A cases route's answer as the reader may see it. */
export function asSeenBy(reader: Actor, body: unknown): unknown {
  if (isCaseView(body)) return caseViewFor(reader, body);
  if (isCaseState(body)) return maySeeSensitiveFields(reader, body) ? body : redactCaseState(body);
  return body;
}

// The workflow's live view may have the reader on the team a moment before the recorded one does; either counts.
function caseViewFor(reader: Actor, view: CaseView): CaseView {
  const onTeam = [view.recorded, view.live].some((state) => state !== null && maySeeSensitiveFields(reader, state));
  if (onTeam) return view;
  const recorded = view.recorded && redactCaseState(view.recorded);
  return { ...view, recorded, live: view.live === view.recorded ? recorded : view.live && redactCaseState(view.live) };
}
