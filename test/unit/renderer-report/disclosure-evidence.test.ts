// The evidence panel's words and counts, on the evidence of a real protected report.
import { describe, expect, test } from 'vitest';
import { PRESET_IDS, presetPolicy, type CellStatus } from '../../../shared/disclosure';
import { buildReport } from '../../../shared/report';
import {
  CELL_STATUS_WORDS,
  RULE_NAMES,
  cellLabel,
  cellRows,
  evidenceById,
  hiddenCount,
  paramsText,
  policyParameterLines,
  ruleText,
  ruleUses,
} from '../../../renderer/src/report/disclosure-evidence';
import { syntheticReport } from '../report/synthetic-report';

const report = buildReport({ ...syntheticReport().input, policy: presetPolicy('nhs-england-subnational') });

describe('rule uses and cell rows', () => {
  test('group every cell once, agree with the evidence summary, and list hidden cells first', () => {
    expect(report.evidence.length).toBeGreaterThan(4);
    let hiddenSeen = 0;
    for (const ev of report.evidence) {
      const uses = ruleUses(ev);
      expect(uses.reduce((n, u) => n + u.cells, 0)).toBe(ev.cells.length);
      const byStatus = (s: CellStatus) => uses.filter((u) => u.status === s).reduce((n, u) => n + u.cells, 0);
      expect(byStatus('shown')).toBe(ev.summary.shown);
      expect(byStatus('rounded')).toBe(ev.summary.rounded);
      expect(byStatus('suppressed-primary')).toBe(ev.summary.suppressedPrimary);
      expect(byStatus('suppressed-secondary')).toBe(ev.summary.suppressedSecondary);
      const rows = cellRows(ev);
      expect(rows).toHaveLength(ev.cells.length);
      const hidden = hiddenCount(ev);
      hiddenSeen += hidden;
      expect(rows.slice(0, hidden).every((r) => r.status.startsWith('suppressed'))).toBe(true);
      expect(rows.slice(hidden).some((r) => r.status.startsWith('suppressed'))).toBe(false);
      // Primary before secondary among the hidden ones.
      expect(rows.slice(0, ev.summary.suppressedPrimary).every((r) => r.status === 'suppressed-primary')).toBe(true);
      for (const u of uses) expect(RULE_NAMES[u.rule]).toBeTruthy();
    }
    expect(hiddenSeen).toBeGreaterThan(10);
  });

  test('name suppressed cells by rule: R1 for primary, R12 (or R14 for a rate) for secondary', () => {
    const all = report.evidence.flatMap((ev) => cellRows(ev));
    expect(all.filter((r) => r.status === 'suppressed-primary').every((r) => r.rule === 'R1')).toBe(true);
    expect(all.filter((r) => r.status === 'suppressed-secondary').every((r) => r.rule === 'R12' || r.rule === 'R14')).toBe(true);
    expect(all.filter((r) => r.status === 'rounded').every((r) => r.rule === 'R11')).toBe(true);
  });

  test('every cell label of a count table is its coordinates, with Total for margins', () => {
    const ev = evidenceById(report).get('ethnicity-by-sex')!;
    const labels = cellRows(ev).map((r) => r.cell);
    expect(labels).toContain('White - British × Female');
    expect(labels).toContain('Total × Total');
  });
});

describe('words', () => {
  test('cell labels read as people would say them', () => {
    expect(cellLabel(['Male', 'numerator'], 'rate')).toBe('Male × events');
    expect(cellLabel(['Male', 'denominator'], 'rate')).toBe('Male × people (n)');
    expect(cellLabel([null], 'count')).toBe('Total');
    expect(cellLabel([], 'count')).toBe('Whole table');
  });

  test('parameters in words', () => {
    expect(paramsText({ base: 5, threshold: 8 })).toBe('rounding base 5, smallest count 8');
    expect(paramsText({ threshold: 8, zerosDisclosive: false, protectionWidth: 8, proven: true })).toBe('smallest count 8, zeros hidden no, protection width 8, protection proven yes');
    expect(paramsText({ per: 100, method: 'suppress-and-round' })).toBe('per 100, method suppress and round');
    expect(paramsText({})).toBe('');
  });

  test('statuses and rules', () => {
    expect(CELL_STATUS_WORDS['suppressed-secondary']).toBe('Suppressed (secondary)');
    expect(ruleText('R12')).toBe('R12: secondary suppression');
  });

  test('policy lines match the exported report for every preset', () => {
    for (const id of PRESET_IDS) {
      const p = presetPolicy(id);
      const lines = policyParameterLines(p);
      expect(lines[0]).toEqual(['Policy', `${p.name} (${p.id})`]);
      expect(lines.find(([k]) => k === 'Smallest published count')![1]).toBe(String(p.threshold));
      expect(lines.find(([k]) => k === 'Marker for hidden values')![1]).toBe(p.marker);
    }
  });
});
