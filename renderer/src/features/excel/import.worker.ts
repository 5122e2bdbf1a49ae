/**
 * Reads and checks an import off the main thread (importWorker.ts is its client): read-excel-file
 * and the row rules take a second or more for 10,000 rows, during which the window must still
 * answer and show progress.
 */
import { openWorkbook, planRows, type ImportProgress } from './planning';
import { ExcelReadError } from './xlsx';
import type { ImportWorkerReply, ImportWorkerRequest } from './importWorker';

const post = (reply: ImportWorkerReply) => self.postMessage(reply);
const progress = (value: ImportProgress) => post({ type: 'progress', progress: value });

self.onmessage = async (event: MessageEvent<ImportWorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'open') {
      progress({ phase: 'reading' });
      post({ type: 'opened', opened: await openWorkbook(request.bytes, request.fileName) });
    } else {
      const plan = planRows(request.request, (done, total) => progress({ phase: 'checking', done, total }));
      // The rows go back without their cells: the window has them (importWorker.ts puts them back).
      post({ type: 'planned', plan: { ...plan, rows: plan.rows.map(({ cells: _cells, ...row }) => ({ ...row, cells: [] })) } });
    }
  } catch (error) {
    post({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
      readError: error instanceof ExcelReadError,
    });
  }
};
