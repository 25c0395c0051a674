import type { TextGroup } from './catalogue-shape';

/** Parameters of a coded text: each fills the `{name}` placeholder of the same name. */
export type TextParams = Readonly<Record<string, string | number>>;

/** Finds the text of a dotted code (`problems.required`) in one language's catalogue; undefined when it has none. */
export function findText(catalogue: TextGroup, code: string): string | undefined {
  let node: string | TextGroup | undefined = catalogue;
  for (const part of code.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Fills a text's `{name}` placeholders; a placeholder without a parameter stays visible rather than vanish. */
export function fillText(text: string, params: TextParams = {}): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in params ? String(params[name]) : placeholder));
}
