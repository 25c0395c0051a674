/**
 * A dictionary text in which `backticked` parts are commands or paths: those parts in `<code>`, the rest as plain text,
 * so that the dictionaries keep one readable string while the page shows no raw backticks.
 */
export function CodeText({ text }: { text: string }) {
  // Splitting on the backticks leaves the code parts at the odd places.
  return <>{text.split('`').map((part, index) => (index % 2 === 1 ? <code class="vb-code" key={index}>{part}</code> : part))}</>;
}
