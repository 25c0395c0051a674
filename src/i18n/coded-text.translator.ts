import type { I18nService } from 'nestjs-i18n';
import { fieldLabelKey, textKey, type CodedText } from './catalogue/codes';
import { labelledParams } from './catalogue/render-params';

/** Puts coded problems and refusals into one language's words through nestjs-i18n. */
export class CodedTextTranslator {
  constructor(private readonly i18n: I18nService, private readonly lang: string) {}

  /** The text of a refusal, its placeholders filled, a role or stage among them in the reader's words. */
  refusal(reason: CodedText): string {
    return this.i18n.translate(textKey('refusals', reason.code), { lang: this.lang, args: this.labelled(reason) });
  }

  /** The text of one field's problem, naming the field by its label. */
  problem(field: string, found: CodedText): string {
    const label = this.label(fieldLabelKey(field)) ?? `"${field}"`;
    return this.i18n.translate(textKey('problems', found.code), { lang: this.lang, args: { ...this.labelled(found), field: label } });
  }

  private labelled(text: CodedText): CodedText['params'] {
    return labelledParams(text.params, (key) => this.label(key));
  }

  // A field without a label (a name the API does not know, sent by mistake) is named as it was sent; a role without a
  // word, as it came.
  private label(key: string): string | undefined {
    const label = this.i18n.translate(key, { lang: this.lang });
    return typeof label === 'string' && label !== key ? label : undefined;
  }
}
