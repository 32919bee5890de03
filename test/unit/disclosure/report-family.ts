// A report-sized family from real generated data: the seeded synthetic extract, tallied and
// analysed exactly as `represent report` does (the mapping is the one `represent mapping suggest`
// proposed for this extract), turned into the report's statistics.
import { analyseTally, analysisToStatistics } from '../../../shared/analysis';
import type { StatisticInput } from '../../../shared/disclosure/table';
import { syntheticRows, tallyOf } from '../analysis/helpers';
import suggested from './fixtures/suggested-mapping-s2k.json';

export function reportStatistics(rows: number, seed: number): StatisticInput[] {
  const { columns, rows: data } = syntheticRows({ rows, seed, messy: true });
  const { plan, tally } = tallyOf(suggested, columns, data);
  return analysisToStatistics(analyseTally(tally, plan, {}));
}
