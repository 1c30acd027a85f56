import { useState } from 'react';

/** The older way, for a window whose clipboard permission is denied (a hardened Electron session). */
function copyBySelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } finally {
    area.remove();
  }
}

/** Puts the text on the clipboard (to paste into the support portal or a mail), and says whether it worked. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome(copyBySelection(text) ? 'copied' : 'failed');
    }
  }
  return (
    <>
      <button type="button" onClick={() => void copy()} aria-label={`Copy ${what.toLowerCase()}`}>
        Copy
      </button>
      <span role="status" className="muted">
        {outcome === 'copied' ? 'Copied to the clipboard' : outcome === 'failed' ? 'Could not copy: select the text and copy it yourself' : ''}
      </span>
    </>
  );
}
