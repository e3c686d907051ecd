import type { TextareaHTMLAttributes } from 'react';
import { Field, type FieldProps } from './field.js';

type TextAreaProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>;

/** A labelled <textarea>; hint and error are linked with aria-describedby. */
export function TextArea({ label, hint, error, className, ...rest }: TextAreaProps) {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      className={className}
      control={(attrs) => <textarea rows={4} {...rest} {...attrs} />}
    />
  );
}
