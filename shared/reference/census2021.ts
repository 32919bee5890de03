// Typed views of the Census 2021 data files in ./data. Every figure lives in those files with its
// source, licence and caveats; nothing here adds a number.
import areasJson from './data/census2021-areas.json';
import ts021Json from './data/census2021-ts021-ethnic-group.json';
import sexJson from './data/census2021-sex.json';
import ageJson from './data/census2021-age.json';

export interface CensusTableSource {
  table: string;
  title: string;
  publisher: string;
  source: string;
  url: string;
  published?: string;
  retrieved: string;
  licence: string;
  attribution: string;
  caveats: string[];
}

export interface CensusArea {
  id: string;
  code: string;
  name: string;
  level: string;
}

type Counts = Record<string, number>;

export interface Ts021File extends CensusTableSource {
  categories19: Record<string, Counts>;
  groups5: Record<string, Counts>;
  regions: Record<string, { usualResidents: number; groups5Percent: Counts; whiteBritishPercent: number }>;
}

export interface SexFile extends CensusTableSource {
  areas: Record<string, { basis: string; female: number; male: number; persons: number }>;
}

export interface AgeFile extends CensusTableSource {
  bands5: Record<string, Counts>;
  regionsBroad3Percent: Record<string, Counts>;
}

export const censusAreas: { title: string; source: string; url: string; licence: string; notes: string[]; areas: CensusArea[] } = areasJson;
export const ts021: Ts021File = ts021Json;
export const census2021Sex: SexFile = sexJson;
export const census2021Age: AgeFile = ageJson;

export const ENGLAND_AND_WALES = 'K04000001';
export const ENGLAND = 'E92000001';
export const WALES = 'W92000004';
