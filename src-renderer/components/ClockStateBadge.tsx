import { CLOCK_STATE_DISPLAY, type ClockDisplayState } from './clock-state';

export function ClockStateBadge({ state }: { state: ClockDisplayState }) {
  const display = CLOCK_STATE_DISPLAY[state];
  return (
    <span className={`clock-state clock-${state}`}>
      <span aria-hidden="true" className="icon">
        {display.icon}
      </span>
      {display.label}
    </span>
  );
}
