// A reference population file as a user would import it (tests of custom references in reports).

// A catchment with its own counts: the ethnic categories by NHS code, sex by word; label, source and date on every row.
export const CATCHMENT_CSV = [
  'attribute,category,count,scheme,label,source,date',
  ...[
    ['A', 52000],
    ['B', 2500],
    ['C', 6000],
    ['D', 1200],
    ['E', 900],
    ['F', 1500],
    ['G', 1400],
    ['H', 7000],
    ['J', 4500],
    ['K', 1800],
    ['L', 2200],
    ['M', 1300],
    ['N', 4100],
    ['P', 1000],
    ['R', 900],
    ['S', 2700],
  ].map(([code, n]) => `ethnicity,${code},${n},nhs-ethnic-category,North Trust catchment,GP registrations (NHS Digital) April 2024,2024-04`),
  'sex,Female,51000,,North Trust catchment,GP registrations (NHS Digital) April 2024,2024-04',
  'sex,Male,49000,,North Trust catchment,GP registrations (NHS Digital) April 2024,2024-04',
].join('\n');
