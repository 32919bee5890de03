// The Report page shows the report built earlier this session only when it is the one the export
// request would send: same dataset, same report id.
import { expect, test } from 'vitest';
import type { ReportView } from '../../../shared/api';
import { recalledReport, rememberReport } from '../../../renderer/src/report/last-report';

test('recalls the last report for its dataset and report id only', () => {
  const view = { reportId: 'rep-2', html: '', report: {}, screen: { passed: true, findings: [] } } as unknown as ReportView;
  expect(recalledReport('ds-1', 'rep-2')).toBeNull();
  rememberReport('ds-1', view);
  expect(recalledReport('ds-1', 'rep-2')).toBe(view);
  expect(recalledReport('ds-1', null)).toBeNull();
  expect(recalledReport('ds-1', 'rep-1')).toBeNull();
  expect(recalledReport('ds-2', 'rep-2')).toBeNull();
});
