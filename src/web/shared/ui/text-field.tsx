import type { InputHTMLAttributes } from 'react';
import { Field, type FieldProps } from './field.js';

type TextFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>;

/** A labelled input; hint and error text are linked with aria-describedby. */
export function TextField({ label, hint, error, className, ...rest }: TextFieldProps) {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      className={className}
      control={(attrs) => <input {...rest} {...attrs} />}
    />
  );
}
