const dueFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const fullFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** "Mon 30 Nov, 09:00" in the engineer's time zone. */
export function formatDue(iso: string): string {
  return dueFormat.format(new Date(iso));
}

/** "Mon 30 Nov 2026, 09:00:12": timeline entries. */
export function formatInstant(iso: string): string {
  return fullFormat.format(new Date(iso));
}

/** A span as the two largest units: "2d 4h", "1h 05m", "4m 09s", "12s". */
export function formatSpan(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${pad(minutes)}m`;
  if (minutes > 0) return `${minutes}m ${pad(seconds)}s`;
  return `${seconds}s`;
}

/** "in 1h 05m" before the due time, "1h 05m overdue" after it. */
export function formatCountdown(dueMs: number, nowMs: number): string {
  const left = dueMs - nowMs;
  return left >= 0 ? `in ${formatSpan(left)}` : `${formatSpan(left)} overdue`;
}
