/** First focusable element of every page: jumps over the header to the main content. */
export function SkipLink({ target = 'main', label }: { target?: string; label: string }) {
  return (
    <a className="skip-link" href={`#${target}`}>
      {label}
    </a>
  );
}
