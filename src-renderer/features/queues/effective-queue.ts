import { SEVERITIES, type Severity } from '../../../src-shared/domain';
import type { Queues } from '../../state';

/** The queue on screen: the one chosen, else the most severe queue that has cases (before filters, so typing a search does not jump queues). */
export function effectiveQueue(queues: Queues, chosen: Severity, wasChosen: boolean): Severity {
  if (wasChosen) return chosen;
  return SEVERITIES.find((severity) => queues[severity].length > 0) ?? chosen;
}
