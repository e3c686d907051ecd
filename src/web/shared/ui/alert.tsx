import type { ReactNode } from 'react';

interface AlertProps {
  tone?: 'error' | 'success' | 'info';
  title?: string;
  children?: ReactNode;
}

/** A message announced to screen readers: errors interrupt (role=alert), the rest are polite (role=status). */
export function Alert({ tone = 'error', title, children }: AlertProps) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <p className="alert-title">{title}</p> : null}
      {children ? <div>{children}</div> : null}
    </div>
  );
}
