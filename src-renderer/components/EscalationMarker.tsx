import type { EscalationLevel } from '../../src-shared/domain';
import { LEVEL_LABEL, inSentence } from '../../src-shared/words';

/** One arrow for senior engineering, two for management: the level as a shape, not a colour. */
const ARROWS: Readonly<Record<EscalationLevel, string>> = { seniorEngineering: '⇑', management: '⇑⇑' };

/**
 * A row's mark of the level the case is escalated to in its current cycle; nothing when it is not.
 * The words are read out and shown on hover; the arrows are what the eye finds.
 */
export function EscalationMarker({ level }: { level: EscalationLevel | null }) {
  if (level === null) return null;
  const words = `Escalated to ${inSentence(LEVEL_LABEL[level])}`;
  return (
    <span className={`escalation-marker escalation-${level}`} title={words}>
      <span aria-hidden="true">{ARROWS[level]}</span>
      <span className="visually-hidden">{words}: </span>
    </span>
  );
}
