// Turns a header row into usable, unique column names. Every column is kept: a blank name becomes
// column_N (N = 1-based position) and a repeated name gets _2, _3…, each with a warning that names
// the position, so nothing is dropped or silently merged.

/** Names for a file without a header row: column_1 … column_N. */
export function generatedColumnNames(count: number): string[] {
  const names: string[] = new Array<string>(count);
  for (let i = 0; i < count; i++) names[i] = `column_${i + 1}`;
  return names;
}

export function nameColumns(header: readonly string[]): { columns: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const isBlank = header.map((raw) => raw.trim() === '');
  // Names the file itself uses keep priority: a generated "column_3" or "age_2" steps aside for them.
  const fileNames = new Set(header.filter((_, i) => !isBlank[i]));
  const taken = new Set<string>();
  const columns = header.map((raw, i) => {
    const position = i + 1;
    const base = isBlank[i] ? `column_${position}` : raw;
    let name = base;
    if (taken.has(name) || (isBlank[i] && fileNames.has(name))) {
      let k = 2;
      while (taken.has(`${base}_${k}`) || fileNames.has(`${base}_${k}`)) k++;
      name = `${base}_${k}`;
    }
    taken.add(name);
    if (isBlank[i]) warnings.push(`Column ${position} has a blank name; it is called "${name}".`);
    else if (name !== raw) warnings.push(`Column ${position} repeats the name of an earlier column; it is called "${name}".`);
    return name;
  });
  return { columns, warnings };
}
