/** Replaces anything shaped like an e-mail address or a phone number, since servers echo recipients in their answers. */
export function withoutContactDetails(text: string): string {
  return text.replace(/<?[^\s<>"'@]+@[^\s<>"']+>?/g, '<address>').replace(/\+?\b\d{8,15}\b/g, '<number>');
}
