import { useEffect, type ReactNode } from 'react';

/** A modal dialog named by `label`; Escape closes it. */
export function Dialog({ label, onClose, children }: { label: string; onClose: () => void; children: ReactNode }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog" role="dialog" aria-modal="true" aria-label={label}>
      {children}
    </div>
  );
}
