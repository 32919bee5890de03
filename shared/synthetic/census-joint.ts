// Region x ethnicity weights for England, built from the Census 2021 reference data (the single
// source of truth in shared/reference). The reference carries England's 19-category counts, each
// region's usual residents and each region's 5-group and White British percentages, but not the
// full region x category matrix. So the joint is estimated by iterative proportional fitting:
// start from each region's published group shares split by England's within-group mix, then
// rescale rows and columns in turn until both margins match the published counts exactly.
// Result: England's ethnicity shares and the regional populations are reproduced exactly; each
// region's group shares are close to, not exactly, the published ones. This is synthetic data only.
import { censusEthnicGroup } from '../demographics/codesets';
import { ENGLAND, ts021 } from '../reference/census2021';

export interface RegionEthnicityJoint {
  regionCodes: string[];
  /** Census 2021 category codes '1'..'19'. */
  categoryCodes: string[];
  /** weights[r][c]: persons in region r and category c (fitted, not published). */
  weights: number[][];
}

const WHITE_BRITISH = '13';

function seed(regionCodes: string[], categoryCodes: string[]): number[][] {
  const england = ts021.categories19[ENGLAND]!;
  const groupOf = new Map(censusEthnicGroup.codes.map((c) => [c.code, c.group]));
  const groupTotals = new Map<string, number>();
  for (const c of categoryCodes) {
    const key = c === WHITE_BRITISH ? 'white-british' : groupOf.get(c) === 'white' ? 'white-other' : groupOf.get(c)!;
    groupTotals.set(key, (groupTotals.get(key) ?? 0) + england[c]!);
  }
  return regionCodes.map((r) => {
    const region = ts021.regions[r]!;
    return categoryCodes.map((c) => {
      const group = groupOf.get(c)!;
      if (c === WHITE_BRITISH) return region.whiteBritishPercent;
      if (group === 'white') return Math.max(region.groups5Percent.white! - region.whiteBritishPercent, 0.01) * (england[c]! / groupTotals.get('white-other')!);
      return region.groups5Percent[group]! * (england[c]! / groupTotals.get(group)!);
    });
  });
}

let cached: RegionEthnicityJoint | undefined;

export function englandRegionEthnicityJoint(): RegionEthnicityJoint {
  if (cached) return cached;
  const regionCodes = Object.keys(ts021.regions).filter((r) => r.startsWith('E12'));
  const categoryCodes = censusEthnicGroup.codes.map((c) => c.code);
  const rowTargets = regionCodes.map((r) => ts021.regions[r]!.usualResidents);
  const england = ts021.categories19[ENGLAND]!;
  const colTargets = categoryCodes.map((c) => england[c]!);
  const w = seed(regionCodes, categoryCodes);
  for (let iteration = 0; iteration < 500; iteration++) {
    for (let r = 0; r < w.length; r++) {
      const sum = w[r]!.reduce((s, x) => s + x, 0);
      const f = rowTargets[r]! / sum;
      for (let c = 0; c < colTargets.length; c++) w[r]![c]! *= f;
    }
    let worst = 0;
    for (let c = 0; c < colTargets.length; c++) {
      let sum = 0;
      for (let r = 0; r < w.length; r++) sum += w[r]![c]!;
      const f = colTargets[c]! / sum;
      worst = Math.max(worst, Math.abs(f - 1));
      for (let r = 0; r < w.length; r++) w[r]![c]! *= f;
    }
    if (worst < 1e-12) break;
  }
  cached = { regionCodes, categoryCodes, weights: w };
  return cached;
}
