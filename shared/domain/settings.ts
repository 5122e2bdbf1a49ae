/**
 * Dated, editable settings: thresholds, bands and code lists that come from Party rules, which
 * changed three times in 2025–2026 (architecture.md "Data rules"). Each setting has default
 * versions shipped with the app; the office may add its own. A figure computed "as of" a date uses
 * the version in force on that date, so last year's report still counts by last year's rule.
 *
 * Stored form: one synced record per setting, `{ id: key, versions }`. The key is the id so that
 * two laptops editing the same setting merge into one record instead of creating two.
 */
import { z } from 'zod';
import { compareIsoDates } from './dates';
import { fullIsoDateSchema } from './schemas';
import type { IsoDate } from './types';

export interface SettingVersion<T = unknown> {
  /** First day the value applies ('YYYY-MM-DD'). */
  effectiveFrom: IsoDate;
  value: T;
  /** The document it comes from, e.g. 'Quy định 294-QĐ/TW'. */
  source?: string;
  note?: string;
}

export interface SettingDefinition<T> {
  /** Stable identifier, also the id of the stored record: never rename. */
  key: string;
  /** Vietnamese name shown in Cài đặt. */
  label: string;
  /** Vietnamese explanation: what it governs and why it is a setting. */
  description: string;
  schema: z.ZodType<T>;
  /** Versions shipped with the app (today's rules), oldest first. */
  defaults: readonly SettingVersion<T>[];
}

export interface StoredSetting {
  id: string;
  versions: SettingVersion[];
}

export const settingVersionSchema = z.object({
  effectiveFrom: fullIsoDateSchema,
  value: z.unknown(),
  source: z.string().optional(),
  note: z.string().optional(),
});

export const storedSettingSchema = z.object({
  id: z.string().min(1),
  versions: z.array(settingVersionSchema),
});

export function defineSetting<T>(definition: SettingDefinition<T>): SettingDefinition<T> {
  for (const version of definition.defaults) definition.schema.parse(version.value);
  if (definition.defaults.length === 0) throw new Error(`Setting ${definition.key} has no default`);
  return definition;
}

export interface EffectiveVersion<T> extends SettingVersion<T> {
  origin: 'default' | 'stored';
}

export interface MergedVersions<T> {
  versions: EffectiveVersion<T>[];
  /** Stored versions that failed the schema (e.g. written by a newer app version) and were skipped. */
  ignored: unknown[];
}

/**
 * Defaults and stored versions together, oldest first. A stored version replaces the default with
 * the same `effectiveFrom` (that is how the office corrects a default); defaults with other dates
 * stay, so a rule shipped in a later app update still takes effect on its date.
 */
export function mergeSettingVersions<T>(
  definition: SettingDefinition<T>,
  stored: readonly unknown[] | undefined,
): MergedVersions<T> {
  const byDate = new Map<string, EffectiveVersion<T>>();
  for (const version of definition.defaults)
    byDate.set(version.effectiveFrom, { ...version, origin: 'default' });
  const ignored: unknown[] = [];
  for (const candidate of stored ?? []) {
    const shape = settingVersionSchema.safeParse(candidate);
    const value = shape.success ? definition.schema.safeParse(shape.data.value) : undefined;
    if (!shape.success || !value?.success) {
      ignored.push(candidate);
      continue;
    }
    const { source, note, effectiveFrom } = shape.data;
    byDate.set(effectiveFrom, {
      effectiveFrom,
      value: value.data,
      origin: 'stored',
      ...(source !== undefined && { source }),
      ...(note !== undefined && { note }),
    });
  }
  const versions = [...byDate.values()].sort((a, b) => compareIsoDates(a.effectiveFrom, b.effectiveFrom));
  return { versions, ignored };
}

/** Merged versions by definition and stored array: resolving is per record (an import checks 10,000). */
const mergedCache = new WeakMap<SettingDefinition<unknown>, { none?: EffectiveVersion<unknown>[]; byStored: WeakMap<readonly unknown[], EffectiveVersion<unknown>[]> }>();

/**
 * `mergeSettingVersions(definition, stored).versions`, remembered for the same stored array (the
 * stored versions are read from the database as a new array each time, never changed in place).
 */
function mergedVersions<T>(definition: SettingDefinition<T>, stored: readonly unknown[] | undefined): EffectiveVersion<T>[] {
  const key = definition as SettingDefinition<unknown>;
  let entry = mergedCache.get(key);
  if (!entry) mergedCache.set(key, (entry = { byStored: new WeakMap() }));
  let versions = stored ? entry.byStored.get(stored) : entry.none;
  if (!versions) {
    versions = mergeSettingVersions(definition, stored).versions;
    if (stored) entry.byStored.set(stored, versions);
    else entry.none = versions;
  }
  return versions as EffectiveVersion<T>[];
}

/**
 * The version in force on `asOf`: the latest one that started on or before it. Before the first
 * known version the earliest one applies, since the app knows no older rule.
 */
export function resolveSettingVersion<T>(
  definition: SettingDefinition<T>,
  stored: readonly unknown[] | undefined,
  asOf: IsoDate,
): EffectiveVersion<T> {
  const versions = mergedVersions(definition, stored);
  let current = versions[0]!;
  for (const version of versions) {
    if (compareIsoDates(version.effectiveFrom, asOf) <= 0) current = version;
    else break;
  }
  return current;
}

/** The value in force on `asOf` (see `resolveSettingVersion`). */
export function resolveSetting<T>(
  definition: SettingDefinition<T>,
  stored: readonly unknown[] | undefined,
  asOf: IsoDate,
): T {
  return resolveSettingVersion(definition, stored, asOf).value;
}

/**
 * The stored record after the office saves a version: the new version replaces one with the same
 * date, others are kept. Validates the value so a bad form never reaches the database.
 */
export function withSettingVersion<T>(
  definition: SettingDefinition<T>,
  stored: StoredSetting | undefined,
  version: SettingVersion<T>,
): StoredSetting {
  fullIsoDateSchema.parse(version.effectiveFrom);
  const value = definition.schema.parse(version.value);
  const others = (stored?.versions ?? []).filter((v) => v.effectiveFrom !== version.effectiveFrom);
  const versions = [...others, { ...version, value }].sort((a, b) =>
    compareIsoDates(a.effectiveFrom, b.effectiveFrom),
  );
  return { id: definition.key, versions };
}

// ---------------------------------------------------------------- bands used in statistics

/** A numeric band: `from` ≤ x < `to`; an absent bound is open. */
export interface NumberBand {
  label: string;
  from?: number;
  to?: number;
}

/** A date band: `from` ≤ date < `to` (ISO dates); an absent bound is open. */
export interface DateBand {
  label: string;
  from?: IsoDate;
  to?: IsoDate;
}

export const numberBandsSchema = z
  .array(z.object({ label: z.string().min(1), from: z.number().optional(), to: z.number().optional() }))
  .min(1);

export const dateBandsSchema = z
  .array(
    z.object({
      label: z.string().min(1),
      from: fullIsoDateSchema.optional(),
      to: fullIsoDateSchema.optional(),
    }),
  )
  .min(1);

/** Index of the first band containing `value`, or -1. */
export function numberBandIndex(bands: readonly NumberBand[], value: number): number {
  return bands.findIndex(
    (band) => (band.from === undefined || value >= band.from) && (band.to === undefined || value < band.to),
  );
}

/** Index of the first band containing the full date `date`, or -1. */
export function dateBandIndex(bands: readonly DateBand[], date: IsoDate): number {
  return bands.findIndex(
    (band) =>
      (band.from === undefined || compareIsoDates(date, band.from) >= 0) &&
      (band.to === undefined || compareIsoDates(date, band.to) < 0),
  );
}
