/** How the sync screens show records, fields, values, laptops and times, in Vietnamese. */
import {
  MEMBER_EVENT_FIELD_LABELS,
  MEMBER_EVENT_TYPE_LABELS,
  MEMBER_FIELD_LABELS,
  MEMBER_STATUS_LABELS,
  ORG_CATEGORY_LABELS,
  ORG_ORIGIN_LABELS,
  ORG_STATUS_LABELS,
  ORG_TYPE_LABELS,
  SEX_LABELS,
} from '@shared/domain/labels';
import { formatDateVi } from '@shared/domain/dates';
import { isValidHlc, parseHlc } from '@shared/sync/hlc';
import { stampNode } from '@shared/sync/vectors';
import { syncText as t } from '../../i18n/sync';
import type { DataStore } from '../../db/store';

/** Names of organizations and members, to show ids as names. */
export interface NameBook {
  organizations: Map<string, string>;
  members: Map<string, string>;
  /** Device names of laptops by node id. */
  devices: Map<string, string>;
}

export function emptyNameBook(): NameBook {
  return { organizations: new Map(), members: new Map(), devices: new Map() };
}

export function tableLabel(table: string): string {
  return t.tables[table] ?? table;
}

export function fieldLabel(table: string, field: string): string {
  if (field === 'deleted') return t.common.deleted;
  const labels: Record<string, string> =
    table === 'members'
      ? MEMBER_FIELD_LABELS
      : table === 'memberEvents'
        ? MEMBER_EVENT_FIELD_LABELS
        : table === 'organizations'
          ? t.organizationFields
          : {};
  return labels[field] ?? field;
}

const VALUE_LABELS: Record<string, Record<string, string>> = {
  'members.status': MEMBER_STATUS_LABELS,
  'members.sex': SEX_LABELS,
  'memberEvents.type': MEMBER_EVENT_TYPE_LABELS,
  'organizations.type': ORG_TYPE_LABELS,
  'organizations.category': ORG_CATEGORY_LABELS,
  'organizations.origin': ORG_ORIGIN_LABELS,
  'organizations.status': ORG_STATUS_LABELS,
};

const ISO_DATE = /^\d{4}(-\d{2}){0,2}$/;

/** A field's value as a person reads it: labels for codes, names for ids, dd/mm/yyyy for dates. */
export function formatValue(table: string, field: string, value: unknown, names: NameBook): string {
  if (value === undefined || value === null || value === '') return t.import.empty;
  if (field === 'deleted') return value === 1 || value === true ? t.common.yes : t.common.no;
  if (typeof value === 'boolean') return value ? t.common.yes : t.common.no;
  if (Array.isArray(value))
    return value.map((v) => formatValue(table, field, v, names)).join(', ') || t.import.empty;
  if (typeof value === 'string') {
    const labels = VALUE_LABELS[`${table}.${field}`];
    if (labels?.[value]) return labels[value];
    if (/organizationId$|^parentId$|^mergedInto$/i.test(field))
      return names.organizations.get(value) ?? value;
    if (/^memberId$|Id$|Ids$/.test(field) && names.members.has(value)) return names.members.get(value)!;
    if (ISO_DATE.test(value)) return formatDateVi(value);
    return value;
  }
  if (typeof value === 'number') return value.toLocaleString('vi-VN');
  return JSON.stringify(value);
}

/** A record's name on the screens: a member's or organization's name, an event's kind and date. */
export function recordLabel(
  table: string,
  record: Record<string, unknown> | undefined,
  names: NameBook,
): string {
  if (!record) return '';
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (table) {
    case 'members':
      return str(record.fullName) || str(record.id);
    case 'organizations':
      return str(record.name) || str(record.id);
    case 'memberEvents': {
      const type = str(record.type);
      const kind = (MEMBER_EVENT_TYPE_LABELS as Record<string, string>)[type] ?? type;
      const who = names.members.get(str(record.memberId));
      const date = str(record.date) ? formatDateVi(str(record.date)) : '';
      return [kind, date, who ? `(${who})` : ''].filter(Boolean).join(' ');
    }
    case 'memberPhotos':
      return `${tableLabel(table)}: ${names.members.get(str(record.id)) ?? str(record.id)}`;
    default:
      return str(record.id);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `26/11/2026 08:30` in this computer's time zone. */
export function formatDateTime(at: string | number | Date | null | undefined): string {
  if (at === null || at === undefined || at === '') return '';
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The wall-clock time of an HLC stamp. */
export function stampTime(stamp: string): string {
  return isValidHlc(stamp) ? formatDateTime(parseHlc(stamp).millis) : '';
}

/** The device name of a laptop (by node id), or "Máy 1a2b3c4d" when it never sent a file here. */
export function deviceOf(nodeId: string, names: NameBook): string {
  return names.devices.get(nodeId) ?? `Máy ${nodeId.slice(0, 8)}`;
}

export function stampDevice(stamp: string, names: NameBook): string {
  return isValidHlc(stamp) ? deviceOf(stampNode(stamp), names) : '';
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024)
    return `${(bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

/**
 * Names for ids: every organization (a few hundred at most), the given members, and the laptops
 * known from their files (and this one). Incoming records can add names the database lacks.
 */
export async function loadNameBook(
  store: DataStore,
  memberIds: readonly string[],
  incoming: readonly { t: string; r: Record<string, unknown> }[] = [],
): Promise<NameBook> {
  const book = emptyNameBook();
  for (const org of await store.db.organizations.toArray())
    if (typeof org.name === 'string') book.organizations.set(org.id, org.name);
  const ids = [...new Set(memberIds)];
  for (let i = 0; i < ids.length; i += 2000)
    for (const m of await store.db.members.bulkGet(ids.slice(i, i + 2000)))
      if (m && typeof m.fullName === 'string') book.members.set(m.id, m.fullName);
  for (const line of incoming) {
    const id = line.r.id;
    if (typeof id !== 'string') continue;
    if (line.t === 'organizations' && typeof line.r.name === 'string' && !book.organizations.has(id))
      book.organizations.set(id, line.r.name);
    if (line.t === 'members' && typeof line.r.fullName === 'string' && !book.members.has(id))
      book.members.set(id, line.r.fullName);
  }
  const peers = (await store.getMeta<Record<string, { deviceName: string }>>('syncPeers')) ?? {};
  for (const [node, peer] of Object.entries(peers)) book.devices.set(node, peer.deviceName);
  book.devices.set(store.identity.nodeId, store.identity.deviceName);
  return book;
}
