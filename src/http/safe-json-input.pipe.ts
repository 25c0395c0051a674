import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { issue, type FieldIssues } from './field-issue';
import { invalidFields } from './validation';

/** How deep a body may nest; Brigade's deepest body is three levels, and deeper input only serves to exhaust the stack. */
export const MAX_INPUT_DEPTH = 16;

// Keys that reach an object's prototype rather than a field of it.
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// A lone surrogate cannot be written as UTF-8, and PostgreSQL stores no NUL character, in text or in jsonb.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Runs before validation on every body and query, refusing with 400 what class-transformer and PostgreSQL cannot be
 * trusted with: a body that is not a JSON object, nesting deeper than MAX_INPUT_DEPTH, prototype keys, and text with a
 * NUL character or a lone surrogate, which would otherwise fail only when an activity tries to record it, again and again.
 */
@Injectable()
export class SafeJsonInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    if (metadata.type === 'body' && value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw invalidFields([{ field: 'body', issues: [issue('not_an_object')] }]);
    }
    const problems = inputProblems(value);
    if (problems.length > 0) throw invalidFields(problems);
    return value;
  }
}

// Walks the input without recursion, so that the depth check itself cannot overflow the stack.
function inputProblems(input: unknown): FieldIssues[] {
  const problems: FieldIssues[] = [];
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value: input, path: '', depth: 0 }];
  while (pending.length > 0 && problems.length < 10) {
    const { value, path, depth } = pending.pop()!;
    const field = path || 'body';
    if (typeof value === 'string' && UNSTORABLE.test(value)) {
      problems.push({ field, issues: [issue('unstorable_text')] });
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_INPUT_DEPTH) {
        problems.push({ field, issues: [issue('too_deep', { max: MAX_INPUT_DEPTH })] });
        continue;
      }
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (PROTOTYPE_KEYS.has(key)) problems.push({ field: childPath, issues: [issue('unknown_field')] });
        else pending.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return problems;
}
