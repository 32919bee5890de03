import { randomUUID } from 'node:crypto';
import type { Db } from './database-type';
import { appendAuditEvent } from './audit-log';

export interface Project {
  id: string;
  name: string;
  createdAt: string;
}

export function createProject(db: Db, name: string, now: Date = new Date()): Project {
  const project: Project = { id: randomUUID(), name: name.trim(), createdAt: now.toISOString() };
  db.transaction(() => {
    db.prepare('INSERT INTO projects (id, name, created_at) VALUES (?, ?, ?)').run(project.id, project.name, project.createdAt);
    appendAuditEvent(db, 'project.created', { projectId: project.id, name: project.name }, { subject: project.id, at: now });
  }).immediate();
  return project;
}

export function getProject(db: Db, id: string): Project | undefined {
  const r = db.prepare('SELECT id, name, created_at FROM projects WHERE id = ?').get(id) as { id: string; name: string; created_at: string } | undefined;
  return r ? { id: r.id, name: r.name, createdAt: r.created_at } : undefined;
}

export function listProjects(db: Db): Project[] {
  const rows = db.prepare('SELECT id, name, created_at FROM projects ORDER BY created_at, id').all() as { id: string; name: string; created_at: string }[];
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
}
