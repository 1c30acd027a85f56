import { useLayoutEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Report } from '../../../src-shared/reports';
import { formatDate } from '../../../src-shared/words';

const SEVERITY_COLOURS = { P1: '#b42318', P2: '#c4320a', P3: '#1849a9', P4: '#475467' } as const;

/**
 * Cases created (by severity) and resolved per week, drawn by uPlot; the table beside it holds the
 * same numbers. Made before the browser paints (uPlot draws in a microtask after it is made), so the
 * chart is drawn whenever the report is on the screen, and so when it is printed.
 */
export function WeeklyChart({ weekly }: { weekly: Report['weekly'] }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = host.current;
    if (!element || weekly.length === 0) return;
    const x = weekly.map((row) => Date.parse(`${row.week}T00:00:00Z`) / 1000);
    const created = (['P1', 'P2', 'P3', 'P4'] as const).map((severity) => weekly.map((row) => row.created[severity]));
    const resolved = weekly.map((row) => row.resolved.P1 + row.resolved.P2 + row.resolved.P3 + row.resolved.P4);
    // The weeks are the ticks, written as the console writes dates ("Mon 26 Oct"), never uPlot's mm/dd;
    // at most about eight labels, so they do not run into each other.
    const weekAt = new Map(x.map((time, index) => [time, weekly[index]!.week]));
    const weekLabel = (time: number | null) => {
      const week = time === null ? undefined : weekAt.get(time);
      return week ? formatDate(week) : '';
    };
    const every = Math.max(1, Math.ceil(weekly.length / 8));
    const plot = new uPlot(
      {
        width: Math.max(320, Math.min(element.clientWidth || 640, 960)),
        height: 220,
        // Room on the right for the last week's label.
        padding: [12, 48, 0, 0],
        series: [
          { label: 'Week of', value: (_plot, time) => weekLabel(time) },
          ...(['P1', 'P2', 'P3', 'P4'] as const).map((severity) => ({ label: `Created ${severity}`, stroke: SEVERITY_COLOURS[severity], width: 2 })),
          { label: 'Resolved', stroke: '#067647', width: 2, dash: [6, 4] },
        ],
        axes: [
          { splits: () => x, values: (_plot, splits) => splits.map((time, index) => (index % every === 0 ? weekLabel(time) : '')) },
          { label: 'Cases' },
        ],
      },
      [x, ...created, resolved],
      element,
    );
    return () => plot.destroy();
  }, [weekly]);
  return <div ref={host} className="weekly-chart" role="img" aria-label="Cases created by severity and resolved, per week" />;
}
