import type { ReactNode, SelectHTMLAttributes } from 'react';
import { Field, type FieldProps } from './field.js';

type SelectFieldProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> & { children: ReactNode };

/** A labelled native <select> (keyboard and screen-reader friendly on every phone). */
export function SelectField({ label, hint, error, className, children, ...rest }: SelectFieldProps) {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      className={className}
      control={(attrs) => (
        <select {...rest} {...attrs}>
          {children}
        </select>
      )}
    />
  );
}
