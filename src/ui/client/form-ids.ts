/** The element id of the input for an API field name (`officeHolder.name` → `field-officeHolder-name`). */
export function fieldId(field: string): string {
  return `field-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
