import { Injectable, type ExecutionContext } from '@nestjs/common';
import type { I18nResolver } from 'nestjs-i18n';
import { requestLanguage } from './request-language';

type HeaderBearer = { headers?: Record<string, string | string[] | undefined>; raw?: HeaderBearer };

/**
 * nestjs-i18n's language for a request, by the same rule as the domain texts (`requestLanguage`): replaces its
 * `AcceptLanguageResolver`, which takes `en;q=0` for English.
 */
@Injectable()
export class RequestLanguageResolver implements I18nResolver {
  resolve(context: ExecutionContext): string | undefined {
    if (context.getType() !== 'http') return undefined;
    const request = context.switchToHttp().getRequest<HeaderBearer>();
    return requestLanguage((request.raw ?? request).headers?.['accept-language']);
  }
}
