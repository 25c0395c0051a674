import { LITERAL_TEXT_CODE, isDomainText, type DomainText } from '../../domain/domain-text';
import { DESTROYED } from '../../domain/sensitive-fields';
import { CATALOGUE } from './catalogue';
import { DEFAULT_LANGUAGE, type CatalogueLanguage } from './languages';
import { fillText, findText, type TextParams } from './render-text';

/** A domain text with its rendering in the reader's language beside its code and parameters. */
export type RenderedDomainText = DomainText & { readonly text: string };

/**
 * A domain text in one language: its catalogue text with the parameters filled in, a coded parameter rendered in the
 * same language first. A code the catalogue lacks (written by a newer release) shows as the code, not as nothing.
 */
export function renderDomainText(text: DomainText, language: CatalogueLanguage): string {
  // What a person wrote is gone once its key was destroyed; the marker that stands in for it is put in the reader's words.
  if (text.code === LITERAL_TEXT_CODE && text.params?.text === DESTROYED) return findText(CATALOGUE[language], 'labels.destroyed') ?? DESTROYED;
  const template = findText(CATALOGUE[language], `domain.${text.code}`) ?? findText(CATALOGUE[DEFAULT_LANGUAGE], `domain.${text.code}`);
  if (template === undefined) return text.code;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) params[name] = isDomainText(value) ? renderDomainText(value, language) : value;
  return fillText(template, params as TextParams);
}

/** The domain text with its rendering in the language added, for an API answer that keeps the code and parameters. */
export function withRenderedText(text: DomainText, language: CatalogueLanguage): RenderedDomainText {
  return { ...text, text: renderDomainText(text, language) };
}
