/**
 * The settings the statistics read, in force on the date of the figures: a report as of last
 * year counts by last year's bands and code lists (architecture.md "Data rules").
 */
import { SETTINGS } from '../domain/settingDefinitions';
import { resolveSetting } from '../domain/settings';
import type { IsoDate } from '../domain/types';
import type { StatisticsOptions } from './statistics';

export type StatisticsSettings = Pick<
  StatisticsOptions,
  'ageBands' | 'tenureBands' | 'admissionPeriodBands' | 'codeLists' | 'branchMinFullMembers'
>;

/** `stored(key)` gives the office's stored versions of a setting (undefined: the defaults). */
export function statisticsSettings(
  stored: (key: string) => readonly unknown[] | undefined,
  asOf: IsoDate,
): StatisticsSettings {
  const get = <T>(definition: Parameters<typeof resolveSetting<T>>[0]): T =>
    resolveSetting(definition, stored(definition.key), asOf);
  return {
    ageBands: get(SETTINGS.ageBands),
    tenureBands: get(SETTINGS.tenureBands),
    admissionPeriodBands: get(SETTINGS.admissionPeriodBands),
    branchMinFullMembers: get(SETTINGS.branchMinOfficialMembers),
    codeLists: {
      ethnicGroups: get(SETTINGS.ethnicGroups),
      religions: get(SETTINGS.religions),
      professionalQualifications: get(SETTINGS.professionalQualifications),
      academicTitles: get(SETTINGS.academicTitles),
      politicalTheoryLevels: get(SETTINGS.politicalTheoryLevels),
      orgCategories: get(SETTINGS.orgCategories),
    },
  };
}
