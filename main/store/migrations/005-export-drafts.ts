// Schema version 5: the export request the analyst is still writing (purpose and justification),
// one draft per project, so leaving the Export request page loses nothing. A draft is replaced on
// every autosave and deleted once the request is written.
import type { Migration } from './migration';

export const migration005: Migration = {
  version: 5,
  name: 'export drafts',
  up(db) {
    db.exec(`
      CREATE TABLE export_drafts (
        project_id TEXT PRIMARY KEY REFERENCES projects(id),
        purpose TEXT NOT NULL,
        justification TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
