// RFC 4180 field quoting: a field is quoted only when it holds a comma, a double quote, CR or LF,
// and inner quotes are doubled.

export function csvField(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}
