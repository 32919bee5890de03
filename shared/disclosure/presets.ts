// The shipped policy presets. They are data (./presets/*.json), validated through the same schema
// as any TRE's own policy file, so a broken preset fails loudly at start rather than loosening a rule.

import acroDefault from './presets/acro-default.json';
import opensafely from './presets/opensafely.json';
import nhsEnglandSubnational from './presets/nhs-england-subnational.json';
import ukLlc from './presets/uk-llc.json';
import { parsePolicy, type Policy } from './policy';
import { RepresentError } from '../errors';

export const PRESET_IDS = ['acro-default', 'opensafely', 'nhs-england-subnational', 'uk-llc'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

const raw: Record<PresetId, unknown> = {
  'acro-default': acroDefault,
  opensafely,
  'nhs-england-subnational': nhsEnglandSubnational,
  'uk-llc': ukLlc,
};

const parsed = new Map<PresetId, Policy>();

export function isPresetId(id: string): id is PresetId {
  return (PRESET_IDS as readonly string[]).includes(id);
}

/** A preset by id, validated once; a fresh copy each call so callers cannot edit the shared one. */
export function presetPolicy(id: PresetId): Policy {
  let policy = parsed.get(id);
  if (!policy) {
    policy = parsePolicy(raw[id], `shared/disclosure/presets/${id}.json`);
    if (policy.id !== id)
      throw new RepresentError('internal', 'A preset file carries the wrong id.', {
        expected: `id "${id}"`,
        found: `id "${policy.id}"`,
        location: { file: `shared/disclosure/presets/${id}.json` },
      });
    parsed.set(id, policy);
  }
  return JSON.parse(JSON.stringify(policy)) as Policy;
}

export function allPresets(): Policy[] {
  return PRESET_IDS.map(presetPolicy);
}
