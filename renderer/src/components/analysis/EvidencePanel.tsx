// What the app already knows for an item, shown read-only beside its questions.
export function EvidencePanel({ id, lines }: { id: string; lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <div className="app-evidence" id={id}>
      <h4 className="app-evidence__title">From the analysis</h4>
      <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
