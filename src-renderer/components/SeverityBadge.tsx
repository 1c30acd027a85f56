import { SEVERITY_INFO, type Severity } from '../../src-shared/domain';

const ICON: Record<Severity, string> = { P1: '▲', P2: '◆', P3: '●', P4: '○' };

/** Severity as text and shape as well as colour; its definition on hover. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const info = SEVERITY_INFO[severity];
  return (
    <span className={`severity severity-${severity.toLowerCase()}`} title={info.definition}>
      <span aria-hidden="true" className="icon">
        {ICON[severity]}
      </span>
      {info.label}
    </span>
  );
}
