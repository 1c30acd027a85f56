import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataSection } from '../../src-renderer/features/data';
import { DeskProvider, createDeskStores, createNowStore } from '../../src-renderer/state';
import type { DataExport, DataImport } from '../../src-shared/contract';
import { createFakeDesk } from './fake-desk';

function renderData(answers: { exported?: DataExport; imported?: { ok: true; value: DataImport } | { ok: false; error: { code: 'INVALID_INPUT'; message: string } } }) {
  const fake = createFakeDesk({
    'cases.list': () => ({ ok: true, value: [] }),
    'data.export': () => ({ ok: true, value: answers.exported ?? { kind: 'cancelled' } }),
    'data.import': () => answers.imported ?? { ok: false, error: { code: 'INVALID_INPUT', message: 'no answer' } },
  });
  const downloads: Array<{ fileName: string; text: string }> = [];
  const stores = createDeskStores(fake.desk, createNowStore(Date.now()));
  render(
    <DeskProvider stores={stores}>
      <DataSection download={(fileName, text) => downloads.push({ fileName, text })} />
    </DeskProvider>,
  );
  return { fake, downloads };
}

const exportFile = (content: unknown) => new File([JSON.stringify(content)], 'cases.json', { type: 'application/json' });

describe('the Data section', () => {
  it('downloads the export the browser host returns', async () => {
    const user = userEvent.setup();
    const { downloads } = renderData({ exported: { kind: 'content', fileName: 'response-desk-export-2026-11-26.json', content: { cases: [] } } });
    await user.click(screen.getByRole('button', { name: 'Export all data' }));
    expect(downloads).toEqual([{ fileName: 'response-desk-export-2026-11-26.json', text: '{\n  "cases": []\n}\n' }]);
    expect(screen.getByRole('status')).toHaveTextContent('Exported to response-desk-export-2026-11-26.json.');
  });

  it('says where Electron saved the export', async () => {
    const user = userEvent.setup();
    const { downloads } = renderData({ exported: { kind: 'saved', path: '/home/ana/cases.json' } });
    await user.click(screen.getByRole('button', { name: 'Export all data' }));
    expect(downloads).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent('Exported to /home/ana/cases.json.');
  });

  it('imports a file only after the engineer confirms replacing every case, then reloads the cases', async () => {
    const user = userEvent.setup();
    const { fake } = renderData({ imported: { ok: true, value: { imported: 2, backup: 'backups/2026-11-26-before-import' } } });
    await user.upload(screen.getByLabelText('Import file'), exportFile({ cases: [{}, {}] }));
    expect(await screen.findByText(/Replace every case with the 2 cases in cases.json\?/)).toBeInTheDocument();
    expect(fake.calls.some((call) => call.name === 'data.import')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Replace all data' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Imported 2 cases.');
    expect(fake.calls.find((call) => call.name === 'data.import')?.input).toEqual({ content: { cases: [{}, {}] } });
    expect(fake.calls.filter((call) => call.name === 'cases.list')).toHaveLength(1);
  });

  it('shows the core error naming what is wrong with the file', async () => {
    const user = userEvent.setup();
    renderData({ imported: { ok: false, error: { code: 'INVALID_INPUT', message: 'The import file is invalid: format: must be "response-desk.cases".' } } });
    await user.upload(screen.getByLabelText('Import file'), exportFile({ format: 'other' }));
    await user.click(await screen.findByRole('button', { name: 'Replace all data' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The import file is invalid: format: must be "response-desk.cases".');
  });

  it('refuses a file that is not JSON before sending anything', async () => {
    const user = userEvent.setup();
    const { fake } = renderData({});
    await user.upload(screen.getByLabelText('Import file'), new File(['not json'], 'notes.json', { type: 'application/json' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^notes.json is not a JSON file/);
    expect(fake.calls.some((call) => call.name === 'data.import')).toBe(false);
  });
});
