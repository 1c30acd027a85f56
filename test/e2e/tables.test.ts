import type { Locator, Page } from 'playwright-core';
import { useConsoleFixture } from './console-fixture';
import type { RunningHost } from './harness';
import { screenshotPath } from './screenshots';

/**
 * Tables that fit and whose every column can be reached (docs/ui.md, "Tables that fit"): at the
 * window sizes engineers use, with the case panel open and closed, the columns that say what is
 * owed come first and fit the table's box; every other column is reached by scrolling the table
 * sideways as a person does, with the mouse wheel or, once the table has the focus, the arrow keys.
 * Boxes are measured; nothing is scrolled into view by the test itself.
 */
const WINDOWS = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

const ACK = { type: 'acknowledge', checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'Looking into it', nextSteps: 'Collect the logs.' } as const;

const desk = useConsoleFixture();
let host: RunningHost;
let escalatedId: string;
let updatedId: string;

beforeAll(async () => {
  host = await desk.start({
    seed: async (socket) => {
      // More rows than any window holds (so the rows scroll and show a scroll bar), with long titles and customers.
      for (let i = 0; i < 40; i++) {
        const { id } = await socket.call('cases.create', {
          title: `Replication lag on tenant ${i + 1} after the nightly failover of the primary cluster`,
          customer: `Northwind Logistics Group ${i + 1}`,
          plan: i % 2 ? 'premium' : 'standard',
          severity: 'P2',
        });
        if (i === 0) escalatedId = id;
      }
      await socket.call('cases.act', { id: escalatedId, command: { type: 'escalate', trigger: 'customerRequest', level: 'management', justification: 'The customer asked for a manager' } });
      // A case worked for a while: acknowledged, then six customer updates, each on time.
      updatedId = (await socket.call('cases.create', { title: 'Search results arrive slowly', customer: 'Acme Bank', plan: 'premium', severity: 'P3' })).id;
      await socket.call('cases.act', { id: updatedId, command: ACK });
      for (let i = 0; i < 6; i++) await socket.call('cases.act', { id: updatedId, command: { type: 'postUpdate', channel: 'email', text: `Update ${i + 1}: still looking` } });
    },
  });
});

const openConsole = (size: { width: number; height: number }) => desk.open(host, { viewport: size });

interface Span {
  readonly left: number;
  readonly right: number;
}
interface Column {
  readonly name: string;
  /** The header cell and the first row's cell of the column. */
  readonly head: Span;
  readonly cell: Span;
}
interface Layout {
  readonly table: Span;
  /** What the table shows of its rows: the scroller's box without its scroll bar. */
  readonly shown: Span;
  readonly columns: Column[];
  readonly scrollLeft: number;
}

/** Every column's header and first cell, where they are on screen, and what the table shows. */
function layoutOf(table: Locator): Promise<Layout> {
  return table.evaluate((element) => {
    const span = (rect: DOMRect) => ({ left: rect.left, right: rect.right });
    const scroller = element.querySelector<HTMLElement>('.virtual-scroller')!;
    const box = scroller.getBoundingClientRect();
    const shownLeft = box.left + scroller.clientLeft;
    const heads = [...element.querySelectorAll('[role="columnheader"]')];
    const firstRow = element.querySelector('.virtual-space > [role="row"]')!;
    const cells = [...firstRow.querySelectorAll(':scope > [role="cell"]')];
    return {
      table: span(element.getBoundingClientRect()),
      shown: { left: shownLeft, right: shownLeft + scroller.clientWidth },
      columns: heads.map((head, i) => ({ name: (head.textContent ?? '').replace(/[▲▼]/g, '').trim(), head: span(head.getBoundingClientRect()), cell: span(cells[i]!.getBoundingClientRect()) })),
      scrollLeft: scroller.scrollLeft,
    };
  });
}

const inside = (inner: Span, outer: Span) => inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5;
const shownColumns = (layout: Layout) => layout.columns.filter((column) => inside(column.head, layout.shown) && inside(column.cell, layout.shown)).map((column) => column.name);

/**
 * Moves the table sideways with `step` until it no longer moves, and gives every column that was
 * whole in view at some point (from the start position on).
 */
async function reachable(table: Locator, step: () => Promise<void>): Promise<{ seen: Set<string>; moves: number }> {
  const seen = new Set<string>();
  let layout = await layoutOf(table);
  shownColumns(layout).forEach((name) => seen.add(name));
  let moves = 0;
  for (let still = 0; still < 3 && moves < 60; ) {
    const before = layout.scrollLeft;
    await step();
    // A wheel or key scroll is smooth: wait until this step has come to rest.
    let settled = await layoutOf(table);
    for (let i = 0; i < 20; i++) {
      await table.page().waitForTimeout(30);
      const again = await layoutOf(table);
      if (again.scrollLeft === settled.scrollLeft) break;
      settled = again;
    }
    layout = settled;
    shownColumns(layout).forEach((name) => seen.add(name));
    if (layout.scrollLeft === before) still++;
    else {
      still = 0;
      moves++;
    }
  }
  return { seen, moves };
}

/** Wheels sideways over the table's rows (a trackpad swipe, or Shift with a mouse wheel). */
async function wheelAcross(page: Page, table: Locator): Promise<{ seen: Set<string>; moves: number }> {
  const visible = (await table.locator('.virtual-scroller').boundingBox())!;
  await page.mouse.move(visible.x + visible.width / 2, visible.y + visible.height / 2);
  return reachable(table, () => page.mouse.wheel(120, 0));
}

/** Presses Tab until the focus is in the table's scroller (its tab-stop row), then ArrowRight until the end. */
async function keysAcross(page: Page, table: Locator): Promise<{ seen: Set<string>; moves: number }> {
  const scroller = table.locator('.virtual-scroller');
  let tabs = 0;
  while (!(await scroller.evaluate((element) => element.contains(document.activeElement) && document.activeElement?.getAttribute('role') === 'row'))) {
    if (++tabs > 30) throw new Error('Tab never reached the table');
    await page.keyboard.press('Tab');
  }
  // Tabbing through the sort buttons of the header on the way may have scrolled the table sideways: back to its start.
  for (let lefts = 0; (await scroller.evaluate((element) => element.scrollLeft)) > 0; lefts++) {
    if (lefts > 60) throw new Error('ArrowLeft never brought the table back to its start');
    await page.keyboard.press('ArrowLeft');
  }
  return reachable(table, () => page.keyboard.press('ArrowRight'));
}

async function openPanel(page: Page, table: Locator, id: string) {
  await table.getByRole('cell', { name: id, exact: true }).click();
  await page.getByRole('complementary').getByRole('heading', { level: 2 }).waitFor();
}

const QUEUE_COLUMNS = ['Id', 'Severity', 'Title', 'Customer', 'Plan', 'Status', 'Owner', 'Next due', 'Clock', 'Countdown'];
const ALL_CASES_COLUMNS = ['Id', 'Severity', 'Title', 'Customer', 'Plan', 'Status', 'Owner', 'Logged', 'Updated'];
const DEADLINE_COLUMNS = ['Due', 'Owed', 'Case', 'Severity', 'Title', 'Customer', 'Clock', 'Countdown'];

describe.each(WINDOWS)('at $width x $height', (size) => {
  const name = `${size.width}x${size.height}`;

  describe.each([false, true])('with the case panel open: %s', (panelOpen) => {
    const when = `${name}-${panelOpen ? 'panel' : 'no-panel'}`;

    it('the queue shows what is owed next whole in its box, and every other column by scrolling it sideways with the wheel and the keys', async () => {
      const { context, page } = await openConsole(size);
      await page.keyboard.press('2');
      const table = page.getByRole('table', { name: 'P2 High queue' });
      await table.getByRole('row').nth(1).waitFor();
      if (panelOpen) await openPanel(page, table, escalatedId);

      const layout = await layoutOf(table);
      expect(layout.columns.map((column) => column.name)).toEqual(QUEUE_COLUMNS);
      // The table lies in the window, and its rows scroll (a scroll bar takes its share of the width).
      expect(layout.table.right).toBeLessThanOrEqual(size.width - (panelOpen ? 400 : 0));
      const shown = shownColumns(layout);
      expect(shown).toEqual(expect.arrayContaining(['Id', 'Title', 'Owner', 'Next due', 'Countdown']));
      if (size.width >= 1440) expect(shown).toContain('Clock');
      if (!panelOpen && size.width >= 1440) expect(shown).toEqual(expect.arrayContaining(QUEUE_COLUMNS));
      const title = layout.columns.find((column) => column.name === 'Title')!;
      if (panelOpen && size.width === 1280) expect(title.head.right - title.head.left).toBeGreaterThanOrEqual(0.4 * (layout.table.right - layout.table.left));
      // The due time is what shows of "Next due", whatever its width.
      const due = table.getByRole('row').nth(1).locator('.col-due .due-at');
      const dueBox = (await due.boundingBox())!;
      expect(inside({ left: dueBox.x, right: dueBox.x + dueBox.width }, layout.shown)).toBe(true);
      // The escalated case carries its marker, whole, before its title.
      const marker = table.getByRole('row', { name: new RegExp(escalatedId) }).locator('.escalation-marker');
      expect(await marker.getAttribute('title')).toBe('Escalated to management');
      const markerBox = (await marker.boundingBox())!;
      expect(markerBox.x).toBeGreaterThanOrEqual(title.cell.left - 0.5);
      expect(markerBox.x + markerBox.width).toBeLessThanOrEqual(title.cell.right);
      await page.screenshot({ path: screenshotPath(`tables-queue-${when}.png`) });

      const byWheel = await wheelAcross(page, table);
      expect([...byWheel.seen].sort()).toEqual([...QUEUE_COLUMNS].sort());
      if (shown.length < QUEUE_COLUMNS.length) {
        expect(byWheel.moves).toBeGreaterThan(0);
        await page.screenshot({ path: screenshotPath(`tables-queue-${when}-scrolled.png`) });
      }

      await table.locator('.virtual-scroller').evaluate((element) => element.scrollTo({ left: 0 }));
      await page.keyboard.press('/');
      const byKeys = await keysAcross(page, table);
      expect([...byKeys.seen].sort()).toEqual([...QUEUE_COLUMNS].sort());
      await context.close();
    });

    it('All cases keeps id, severity, title and status in its box, and reaches every other column sideways', async () => {
      const { context, page } = await openConsole(size);
      await page.keyboard.press('l');
      const table = page.getByRole('table', { name: 'All cases' });
      await table.getByRole('row').nth(1).waitFor();
      if (panelOpen) await openPanel(page, table, escalatedId);
      const layout = await layoutOf(table);
      expect(layout.columns.map((column) => column.name)).toEqual(ALL_CASES_COLUMNS);
      const shown = shownColumns(layout);
      expect(shown).toEqual(expect.arrayContaining(['Id', 'Severity', 'Title', 'Status']));
      if (!panelOpen) expect(shown).toEqual(expect.arrayContaining(ALL_CASES_COLUMNS));
      const title = layout.columns.find((column) => column.name === 'Title')!;
      expect(title.head.right - title.head.left).toBeGreaterThanOrEqual(240);
      if (panelOpen) expect(title.head.right - title.head.left).toBeGreaterThanOrEqual(0.4 * (layout.table.right - layout.table.left));
      await page.screenshot({ path: screenshotPath(`tables-all-cases-${when}.png`) });

      expect([...(await wheelAcross(page, table)).seen].sort()).toEqual([...ALL_CASES_COLUMNS].sort());
      await table.locator('.virtual-scroller').evaluate((element) => element.scrollTo({ left: 0 }));
      await page.keyboard.press('/');
      expect([...(await keysAcross(page, table)).seen].sort()).toEqual([...ALL_CASES_COLUMNS].sort());
      await context.close();
    });

    it('Deadlines reaches every column, sideways when the table is narrower than its columns', async () => {
      const { context, page } = await openConsole(size);
      await page.keyboard.press('d');
      const table = page.getByRole('table', { name: 'Deadlines' });
      await table.getByRole('row').nth(1).waitFor();
      if (panelOpen) await openPanel(page, table, escalatedId);
      const layout = await layoutOf(table);
      expect(layout.columns.map((column) => column.name)).toEqual(DEADLINE_COLUMNS);
      expect([...(await wheelAcross(page, table)).seen].sort()).toEqual([...DEADLINE_COLUMNS].sort());
      await context.close();
    });
  });

  it('the case panel folds the clocks met on time into one line, so the actions are in the window without scrolling', async () => {
    const { context, page } = await openConsole(size);
    await page.keyboard.press('3');
    const table = page.getByRole('table', { name: 'P3 Medium queue' });
    await table.getByRole('row').nth(1).waitFor();
    await openPanel(page, table, updatedId);
    const panel = page.getByRole('complementary');
    const clocks = panel.getByRole('table', { name: 'Clocks' });
    const fold = clocks.getByRole('button', { name: /^\d+ earlier clocks met on time$/ });
    const met = Number(/\d+/.exec((await fold.textContent()) ?? '')![0]);
    expect(met).toBeGreaterThanOrEqual(7);
    expect(await fold.getAttribute('aria-expanded')).toBe('false');
    const open = await clocks.getByRole('rowheader').allTextContents();
    expect(open).not.toContain('Initial response');
    expect(open.filter((clock) => clock.startsWith('Customer update'))).toEqual(['Customer update #7']);
    const actions = panel.getByRole('button', { name: 'Post update', exact: true });
    const box = (await actions.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    expect(await panel.evaluate((element) => element.scrollTop)).toBe(0);
    await page.screenshot({ path: screenshotPath(`tables-case-panel-${name}.png`) });

    await fold.click();
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    expect(await clocks.getByRole('rowheader').count()).toBe(open.length + met);
    await context.close();
  });
});
