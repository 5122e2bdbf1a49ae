/**
 * The building blocks of the statistics: a figure (a labelled count with the ids behind it, so a
 * screen can drill down from any number to the list it counts) and tallies that fill figures in
 * one pass. Labels of the few values that have no code list are here, beside the other domain
 * labels, so the screen and the printed report read the same words.
 */
import {
  GENERAL_EDUCATION_GROUP_LABELS,
  POLITICAL_THEORY_GROUP_LABELS,
  type CodeList,
} from '../domain/codeLists';
import type { Id } from '../domain/types';

/** One number of the statistics and the records it counts (member or organization ids). */
export interface Figure {
  key: string;
  label: string;
  count: number;
  ids: Id[];
}

/** Key and label of a value that is missing or outside every band. */
export const UNKNOWN_KEY = 'unknown';
export const UNKNOWN_LABEL = 'Chưa rõ';
export const NO_ACADEMIC_TITLE_LABEL = 'Không có học hàm';

/** Figures in a fixed order; values not declared up front are added after them as they come. */
export class Tally {
  private readonly byKey = new Map<string, Figure>();

  constructor(entries: readonly { key: string; label: string }[] = []) {
    for (const { key, label } of entries) this.slot(key, label);
  }

  private slot(key: string, label: string): Figure {
    let figure = this.byKey.get(key);
    if (!figure) this.byKey.set(key, (figure = { key, label, count: 0, ids: [] }));
    return figure;
  }

  add(key: string, id: Id, label: string = key): void {
    const figure = this.slot(key, label);
    figure.count += 1;
    figure.ids.push(id);
  }

  /** The figures of the keys given, in that order, for counting by index (bands) without lookups. */
  slots(keys: readonly string[]): Figure[] {
    return keys.map((key) => this.slot(key, key));
  }

  /** The figures in order; `keepZero: false` drops empty ones (long lists such as ethnicity). */
  figures(keepZero = true): Figure[] {
    const all = [...this.byKey.values()];
    return keepZero ? all : all.filter((figure) => figure.count > 0);
  }
}

/**
 * The statistics groups of a code list in list order: codes that share a `group` count together
 * (cao cấp + cử nhân; tiến sĩ + tiến sĩ khoa học). A group is named by the entry whose code is
 * the group, else by the known group labels.
 */
export function codeListGroups(list: CodeList): {
  entries: { key: string; label: string }[];
  groupOf: Map<string, string>;
} {
  const groupOf = new Map<string, string>();
  const entries: { key: string; label: string }[] = [];
  const seen = new Set<string>();
  for (const entry of list) {
    const key = entry.group ?? entry.code;
    groupOf.set(entry.code, key);
    if (seen.has(key)) continue;
    seen.add(key);
    const named = list.find((other) => other.code === key);
    entries.push({ key, label: named?.label ?? POLITICAL_THEORY_GROUP_LABELS[key] ?? entry.label });
  }
  return { entries, groupOf };
}

export const GENERAL_EDUCATION_ENTRIES = Object.entries(GENERAL_EDUCATION_GROUP_LABELS).map(
  ([key, label]) => ({
    key,
    label,
  }),
);
