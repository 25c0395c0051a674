import type { ComponentChildren, JSX } from 'preact';
import { fieldId } from '../form-ids';

interface FieldFrameProps {
  /** The API's name for the field; its id and its problems follow from it. */
  readonly name: string;
  readonly label: string;
  /** Text, or text with markup such as `<code>` (see `CodeText`). */
  readonly hint?: ComponentChildren;
  readonly problems?: readonly string[];
  readonly requiredText?: string;
  /** Keeps ids unique when several forms on one page have a field of the same name (`reason` …). */
  readonly scope?: string;
  readonly children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}

/** The element id of a field's input, within its form's scope. */
export function inputIdOf(name: string, scope?: string): string {
  return fieldId(scope ? `${scope}.${name}` : name);
}

/**
 * An RVO form field: a label tied to its input, an optional hint, and the API's own problems with the field right
 * under the label, all named in the input's `aria-describedby` so that screen readers read them with it.
 */
function FieldFrame({ name, label, hint, problems = [], requiredText, scope, children }: FieldFrameProps) {
  const id = inputIdOf(name, scope);
  const invalid = problems.length > 0;
  const describedBy = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`rvo-form-field utrecht-form-field${invalid ? ' utrecht-form-field--invalid' : ''} vb-field`}>
      <div class="rvo-form-field__label">
        <label class="rvo-label" for={id}>{label}{requiredText && <span class="vb-required"> {requiredText}</span>}</label>
        {hint && <div class="utrecht-form-field-description" id={`${id}-hint`}>{hint}</div>}
        {invalid && (
          <div class="rvo-form-feedback rvo-form-feedback--error" id={`${id}-error`}>
            {problems.map((problem) => <p class="vb-field-problem" key={problem}>{problem}</p>)}
          </div>
        )}
      </div>
      {children(describedBy, invalid)}
    </div>
  );
}

type Common = Omit<FieldFrameProps, 'children'>;

/** A labelled one-line text input (text, number, date-time …). */
export function TextField(props: Common & {
  value: string; onValue: (value: string) => void; type?: string; required?: boolean; autoComplete?: string; inputMode?: JSX.HTMLAttributes['inputMode'];
  /** The id of a <datalist> whose options the browser suggests while typing. */
  list?: string;
}) {
  const { value, onValue, type = 'text', required, autoComplete, inputMode, list, ...frame } = props;
  return (
    <FieldFrame {...frame}>
      {(describedBy, invalid) => (
        <input
          id={inputIdOf(frame.name, frame.scope)} name={frame.name} type={type} value={value} required={required} autoComplete={autoComplete} inputMode={inputMode} list={list}
          class={`utrecht-textbox utrecht-textbox--html-input utrecht-textbox--md${invalid ? ' utrecht-textbox--invalid' : ''}`}
          aria-invalid={invalid || undefined} aria-describedby={describedBy}
          onInput={(event) => onValue((event.currentTarget as HTMLInputElement).value)}
        />
      )}
    </FieldFrame>
  );
}

/** A labelled multi-line text input. */
export function TextAreaField(props: Common & { value: string; onValue: (value: string) => void; required?: boolean; rows?: number }) {
  const { value, onValue, required, rows = 4, ...frame } = props;
  return (
    <FieldFrame {...frame}>
      {(describedBy, invalid) => (
        <textarea
          id={inputIdOf(frame.name, frame.scope)} name={frame.name} value={value} required={required} rows={rows}
          class={`utrecht-textarea utrecht-textarea--html-textarea${invalid ? ' utrecht-textarea--invalid' : ''}`}
          aria-invalid={invalid || undefined} aria-describedby={describedBy}
          onInput={(event) => onValue((event.currentTarget as HTMLTextAreaElement).value)}
        />
      )}
    </FieldFrame>
  );
}

/** One choice of a select: the value sent to the API and the text people read. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** A labelled select; `placeholder` adds an empty first choice ("Kies…", or "all" for a filter). */
export function SelectField(props: Common & {
  value: string; onValue: (value: string) => void; choices: readonly Choice[]; placeholder?: string; required?: boolean;
}) {
  const { value, onValue, choices, placeholder, required, ...frame } = props;
  return (
    <FieldFrame {...frame}>
      {(describedBy, invalid) => (
        <div class="rvo-select-wrapper">
          <select
            id={inputIdOf(frame.name, frame.scope)} name={frame.name} required={required}
            class={`utrecht-select utrecht-select--html-select${invalid ? ' utrecht-select--invalid' : ''}`}
            aria-invalid={invalid || undefined} aria-describedby={describedBy}
            onChange={(event) => onValue((event.currentTarget as HTMLSelectElement).value)}
          >
            {placeholder !== undefined && <option value="" selected={value === ''}>{placeholder}</option>}
            {choices.map((choice) => <option key={choice.value} value={choice.value} selected={choice.value === value}>{choice.label}</option>)}
          </select>
        </div>
      )}
    </FieldFrame>
  );
}

/** A labelled checkbox, the label after the box as RVO has it. */
export function CheckboxField({ name, label, checked, onChecked, problems = [], scope }: {
  name: string; label: string; checked: boolean; onChecked: (checked: boolean) => void; problems?: readonly string[]; scope?: string;
}) {
  const id = inputIdOf(name, scope);
  const invalid = problems.length > 0;
  return (
    <div class={`rvo-form-field utrecht-form-field utrecht-form-field--checkbox${invalid ? ' utrecht-form-field--invalid' : ''} vb-field`}>
      {invalid && <div class="rvo-form-feedback rvo-form-feedback--error" id={`${id}-error`}>{problems.map((p) => <p class="vb-field-problem" key={p}>{p}</p>)}</div>}
      <label class="rvo-checkbox rvo-checkbox--not-checked vb-checkbox" for={id}>
        <input
          id={id} name={name} type="checkbox" class="rvo-checkbox__input" checked={checked}
          aria-invalid={invalid || undefined} aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(event) => onChecked((event.currentTarget as HTMLInputElement).checked)}
        />
        {label}
      </label>
    </div>
  );
}

/** A group of radio buttons in a fieldset whose legend names the question. */
export function RadioGroup({ name, legend, value, onValue, choices, problems = [], scope }: {
  name: string; legend: string; value: string; onValue: (value: string) => void; choices: readonly Choice[]; problems?: readonly string[]; scope?: string;
}) {
  const id = inputIdOf(name, scope);
  const invalid = problems.length > 0;
  return (
    <fieldset class={`vb-fieldset${invalid ? ' vb-fieldset--invalid' : ''}`} aria-describedby={invalid ? `${id}-error` : undefined}>
      <legend class="rvo-label vb-legend">{legend}</legend>
      {invalid && <div class="rvo-form-feedback rvo-form-feedback--error" id={`${id}-error`}>{problems.map((p) => <p class="vb-field-problem" key={p}>{p}</p>)}</div>}
      <div class="vb-radios">
        {choices.map((choice, index) => (
          <label class="rvo-radio-button vb-radio" key={choice.value} for={index === 0 ? id : `${id}-${choice.value}`}>
            <input
              id={index === 0 ? id : `${id}-${choice.value}`} type="radio" name={scope ? `${scope}.${name}` : name} value={choice.value}
              class="utrecht-radio-button utrecht-radio-button--html-input" checked={choice.value === value}
              onChange={() => onValue(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
