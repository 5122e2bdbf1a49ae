/**
 * The member register's rows and filters, as pure functions: the screen keeps a row per member in
 * memory and filters 100,000 of them on every keystroke, so a row carries exactly what the filters,
 * the search and the visible columns need, precomputed once.
 */
import { ACTIVE_MEMBER_STATUSES, type Member, type MemberStatus, type Sex } from '../domain/types';
import { ageInYears, completeDate, isValidIsoDate } from '../domain/dates';
import { dateBandIndex, numberBandIndex, type DateBand, type NumberBand } from '../domain/settings';
import { foldForSearch, normalizeText } from '../text/vi';

export interface RegisterRow extends Member {
  /** Register order: the derived `_nameKey` of the stored record. */
  nameKey: string;
  /** Folded name and numbers: what a search without diacritics matches. */
  searchFolded: string;
  /** Lower-case name and numbers with diacritics: what a search typed with diacritics matches. */
  searchExact: string;
}

export function toRegisterRow(member: Member & { _nameKey?: unknown }): RegisterRow {
  const numbers = [member.partyCardNumber, member.dossierNumber, member.citizenId].filter(Boolean).join(' ');
  const exact = `${normalizeText(member.fullName).toLowerCase()} ${numbers.toLowerCase()}`;
  const { _nameKey, ...fields } = member;
  return {
    ...fields,
    nameKey: typeof _nameKey === 'string' ? _nameKey : '',
    searchExact: exact,
    searchFolded: foldForSearch(exact),
  };
}

export interface RegisterFilter {
  query?: string;
  /** Organizations whose members show (the caller expands a choice to its sub-tree). */
  organizationIds?: ReadonlySet<string>;
  /** Statuses that show; empty or missing = the active ones (official, probationary, exempted). */
  statuses?: readonly MemberStatus[];
  sex?: Sex;
  /** Index into the age bands in force. */
  ageBand?: number;
  ethnicities?: readonly string[];
  religions?: readonly string[];
  generalEducation?: readonly string[];
  politicalTheory?: readonly string[];
  /** Index into the admission period bands in force. */
  admissionPeriod?: number;
}

export interface FilterContext {
  asOf: string;
  ageBands: readonly NumberBand[];
  admissionPeriodBands: readonly DateBand[];
}

const HAS_DIACRITIC = /[^ -~]/;

/** A query as tokens, and whether to match them with diacritics (the user typed some). */
export function parseQuery(query: string | undefined): { tokens: string[]; exact: boolean } {
  const text = normalizeText(query ?? '');
  if (!text) return { tokens: [], exact: false };
  const exact = HAS_DIACRITIC.test(text);
  const tokens = (exact ? text.toLowerCase() : foldForSearch(text)).split(' ').filter(Boolean);
  return { tokens, exact };
}

function inSet(value: string | undefined, allowed: readonly string[] | undefined): boolean {
  return !allowed || allowed.length === 0 || (value !== undefined && allowed.includes(value));
}

/** The filter as one predicate, built once per change rather than re-read for every row. */
export function compileFilter(filter: RegisterFilter, context: FilterContext): (row: RegisterRow) => boolean {
  const { tokens, exact } = parseQuery(filter.query);
  const statuses = new Set<MemberStatus>(filter.statuses?.length ? filter.statuses : ACTIVE_MEMBER_STATUSES);
  const ageBand = filter.ageBand;
  const period = filter.admissionPeriod;
  return (row) => {
    if (!statuses.has(row.status)) return false;
    if (filter.organizationIds && !filter.organizationIds.has(row.organizationId)) return false;
    if (filter.sex && row.sex !== filter.sex) return false;
    if (!inSet(row.ethnicity, filter.ethnicities)) return false;
    if (!inSet(row.religion, filter.religions)) return false;
    if (!inSet(row.generalEducation, filter.generalEducation)) return false;
    if (!inSet(row.politicalTheory, filter.politicalTheory)) return false;
    if (ageBand !== undefined) {
      if (!isValidIsoDate(row.birthDate)) return false;
      if (numberBandIndex(context.ageBands, ageInYears(row.birthDate, context.asOf)) !== ageBand)
        return false;
    }
    if (period !== undefined) {
      if (!isValidIsoDate(row.joinedOn)) return false;
      if (dateBandIndex(context.admissionPeriodBands, completeDate(row.joinedOn, 'start')) !== period)
        return false;
    }
    if (tokens.length) {
      const haystack = exact ? row.searchExact : row.searchFolded;
      for (const token of tokens) if (!haystack.includes(token)) return false;
    }
    return true;
  };
}

/**
 * The searched fields of a whole register as plain arrays, built once per rows array. A scan of
 * 100,000 row objects of many shapes (members have different optional fields) makes every property
 * read a slow, megamorphic one; the same scan over arrays of strings is several times faster.
 */
interface SearchColumns {
  status: MemberStatus[];
  folded: string[];
  exact: string[];
}

const searchColumnsCache = new WeakMap<readonly RegisterRow[], SearchColumns>();

/** Builds (once per rows array) what a search scans, so the first keystroke does not pay for it. */
export function prepareSearch(rows: readonly RegisterRow[]): void {
  searchColumns(rows);
}

function searchColumns(rows: readonly RegisterRow[]): SearchColumns {
  const cached = searchColumnsCache.get(rows);
  if (cached) return cached;
  const n = rows.length;
  const columns: SearchColumns = {
    status: new Array<MemberStatus>(n),
    folded: new Array<string>(n),
    exact: new Array<string>(n),
  };
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    columns.status[i] = row.status;
    columns.folded[i] = row.searchFolded;
    columns.exact[i] = row.searchExact;
  }
  searchColumnsCache.set(rows, columns);
  return columns;
}

function hasOnlyStatusAndQuery(filter: RegisterFilter): boolean {
  return (
    !filter.organizationIds &&
    !filter.sex &&
    !filter.ethnicities?.length &&
    !filter.religions?.length &&
    !filter.generalEducation?.length &&
    !filter.politicalTheory?.length &&
    filter.ageBand === undefined &&
    filter.admissionPeriod === undefined
  );
}

/**
 * Positions in `rows` of the rows that pass the filter, in order. `within`, when given, limits the
 * scan to those positions (the result of a broader query over the same rows).
 */
export function filterPositions(
  rows: readonly RegisterRow[],
  filter: RegisterFilter,
  context: FilterContext,
  within?: Int32Array,
): Int32Array {
  const columns = searchColumns(rows);
  const { tokens, exact } = parseQuery(filter.query);
  const statuses = new Set<MemberStatus>(filter.statuses?.length ? filter.statuses : ACTIVE_MEMBER_STATUSES);
  const haystacks = exact ? columns.exact : columns.folded;
  const status = columns.status;
  // The columns decide status and query; the other filters, rarer, run on the rows that pass.
  const rest = hasOnlyStatusAndQuery(filter) ? null : compileFilter(filter, context);
  const count = within ? within.length : rows.length;
  const result = new Int32Array(count);
  let found = 0;
  outer: for (let k = 0; k < count; k++) {
    const i = within ? within[k]! : k;
    if (!statuses.has(status[i]!)) continue;
    if (tokens.length) {
      const haystack = haystacks[i]!;
      for (const token of tokens) if (!haystack.includes(token)) continue outer;
    }
    if (rest && !rest(rows[i]!)) continue;
    result[found++] = i;
  }
  return result.subarray(0, found);
}

function rowsAt(rows: readonly RegisterRow[], positions: Int32Array): RegisterRow[] {
  const out = new Array<RegisterRow>(positions.length);
  for (let k = 0; k < positions.length; k++) out[k] = rows[positions[k]!]!;
  return out;
}

/** Rows that pass the filter, in the order given (the register keeps rows in name order). */
export function filterRows(
  rows: readonly RegisterRow[],
  filter: RegisterFilter,
  context: FilterContext,
): RegisterRow[] {
  return rowsAt(rows, filterPositions(rows, filter, context));
}

/** Every organization in the sub-tree of `rootId` (itself included), for the organization filter. */
export function subtreeIds(
  rootId: string,
  organizations: readonly { id: string; parentId: string | null }[],
): Set<string> {
  const children = new Map<string, string[]>();
  for (const org of organizations) {
    if (!org.parentId) continue;
    const list = children.get(org.parentId);
    if (list) list.push(org.id);
    else children.set(org.parentId, [org.id]);
  }
  const result = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (!result.has(child)) {
        result.add(child);
        stack.push(child);
      }
    }
  }
  return result;
}

/** Whether every row that matches `next` also matches `previous` (same other filters assumed). */
export function narrowsQuery(previous: string | undefined, next: string | undefined): boolean {
  const before = parseQuery(previous);
  if (before.tokens.length === 0) return true;
  const after = parseQuery(next);
  return before.exact === after.exact && after.tokens.join(' ').startsWith(before.tokens.join(' '));
}

/**
 * A filter that remembers its last result: while the user only types more of a query (and nothing
 * else changed), the next keystroke scans the positions the last one kept instead of the whole
 * register. `others` are the filter's other inputs, compared by identity.
 */
export function createIncrementalFilter() {
  let last: {
    rows: readonly RegisterRow[];
    others: readonly unknown[];
    query: string;
    positions: Int32Array;
  } | null = null;
  return (
    rows: readonly RegisterRow[],
    filter: RegisterFilter,
    context: FilterContext,
    others: readonly unknown[],
  ): RegisterRow[] => {
    const query = filter.query ?? '';
    const same =
      last !== null &&
      last.rows === rows &&
      last.others.length === others.length &&
      last.others.every((v, i) => v === others[i]);
    const within = same && last && narrowsQuery(last.query, query) ? last.positions : undefined;
    const positions = filterPositions(rows, filter, context, within);
    last = { rows, others, query, positions };
    return rowsAt(rows, positions);
  };
}
