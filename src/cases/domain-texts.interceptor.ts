import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { map, type Observable } from 'rxjs';
import { requestLanguage } from '../i18n/request-language';
import { isCaseState, isCaseView } from './case-answer';
import { withCaseStateTexts } from '../i18n/case-state-texts';

/**
 * Adds to every case state a cases route answers with (the view's recorded and live state, a decision's state) the
 * rendering of its domain texts in the language of the request's `Accept-Language`; codes and parameters stay. Events
 * stay as stored: their hashes are computed over exactly those bytes.
 */
@Injectable()
export class DomainTextsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const language = requestLanguage(context.switchToHttp().getRequest<Request>().headers['accept-language']);
    // Only what has the shape of a state is rendered: a view's live part is whatever the workflow answered.
    const rendered = (state: unknown) => (isCaseState(state) ? withCaseStateTexts(state, language) : state);
    return next.handle().pipe(map((body: unknown) => {
      if (!isCaseView(body)) return rendered(body);
      const recorded = rendered(body.recorded);
      // Once anything is recorded the two are one state: rendered once.
      return { ...body, recorded, live: body.live === body.recorded ? recorded : rendered(body.live) };
    }));
  }
}
