import type { I18nService } from 'nestjs-i18n';
import { textKey, type CodedText } from './catalogue/codes';
import { problemParams, readableParams } from './catalogue/render-params';

/** Puts coded problems and refusals into one language's words through nestjs-i18n. */
export class CodedTextTranslator {
  constructor(private readonly i18n: I18nService, private readonly lang: string) {}

  /** The text of a refusal, its placeholders filled, a role, stage or moment among them as the reader reads it. */
  refusal(reason: CodedText): string {
    return this.i18n.translate(textKey('refusals', reason.code), { lang: this.lang, args: readableParams(reason.params, (key) => this.label(key)) });
  }

  /** The text of one field's problem, naming the field by its label. */
  problem(field: string, found: CodedText): string {
    return this.i18n.translate(textKey('problems', found.code), { lang: this.lang, args: problemParams(field, found.params, (key) => this.label(key)) });
  }

  // A key without a text (a field the API does not know, a role a newer release added) has no label here.
  private label(key: string): string | undefined {
    const label = this.i18n.translate(key, { lang: this.lang });
    return typeof label === 'string' && label !== key ? label : undefined;
  }
}
