import type { I18nService } from 'nestjs-i18n';
import { fieldLabelKey, textKey, type CodedText } from './catalogue/codes';

/** Puts coded problems and refusals into one language's words through nestjs-i18n. */
export class CodedTextTranslator {
  constructor(private readonly i18n: I18nService, private readonly lang: string) {}

  /** The text of a refusal, its placeholders filled. */
  refusal(reason: CodedText): string {
    return this.i18n.translate(textKey('refusals', reason.code), { lang: this.lang, args: reason.params });
  }

  /** The text of one field's problem, naming the field by its label. */
  problem(field: string, found: CodedText): string {
    return this.i18n.translate(textKey('problems', found.code), { lang: this.lang, args: { ...found.params, field: this.fieldLabel(field) } });
  }

  // A field without a label (a name the API does not know, sent by mistake) is named as it was sent.
  private fieldLabel(field: string): string {
    const key = fieldLabelKey(field);
    const label = this.i18n.translate(key, { lang: this.lang });
    return typeof label === 'string' && label !== key ? label : `"${field}"`;
  }
}
