import { z } from 'zod';
import { choice, flag, id, isoDate, optionalIsoDate, optionalText, paging, searchQuery, type Page, nameText, optionalNameText } from '../schema/fields';

export const STAFF_TYPES = ['can_bo', 'cong_chuc', 'vien_chuc', 'hop_dong'] as const;
export type StaffType = (typeof STAFF_TYPES)[number];

/** working → transferred / retired / left (chuyển công tác / nghỉ hưu / thôi việc), each with its date. */
export const PERSON_STATUSES = ['working', 'transferred', 'retired', 'left'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const LEAVER_STATUSES: readonly PersonStatus[] = ['transferred', 'retired', 'left'];

const personFields = {
  fullName: nameText(120),
  position: optionalNameText(120),
  department: optionalNameText(120),
  staffType: choice(STAFF_TYPES).default('cong_chuc'),
  partyMember: flag.default(false),
  note: optionalText(500),
};

export const PersonCreateInput = z.strictObject({
  ...personFields,
  /** Defaults to the home unit. */
  unitId: id.optional(),
});
export type PersonCreateInput = z.input<typeof PersonCreateInput>;

export const PersonUpdateInput = z.strictObject({ id, ...personFields, unitId: id.optional() });
export type PersonUpdateInput = z.input<typeof PersonUpdateInput>;

export const PersonStatusInput = z.strictObject({
  id,
  status: choice(PERSON_STATUSES),
  /** Required for every status but 'working'. */
  statusDate: optionalIsoDate,
});
export type PersonStatusInput = z.input<typeof PersonStatusInput>;

export const PEOPLE_SORTS = ['name', 'recent'] as const;

export const PeopleListInput = z.strictObject({
  q: searchQuery,
  status: choice(PERSON_STATUSES).optional(),
  department: optionalText(120).optional(),
  unitId: id.optional(),
  sort: choice(PEOPLE_SORTS).default('name'),
  ...paging,
});
export type PeopleListInput = z.input<typeof PeopleListInput>;

export interface Person {
  id: number;
  unitId: number;
  unitName: string;
  fullName: string;
  position: string;
  department: string;
  staffType: StaffType;
  partyMember: boolean;
  status: PersonStatus;
  statusDate: string | null;
  note: string;
  accountCount: number;
  createdAt: string;
  updatedAt: string;
}
export type PeoplePage = Page<Person>;

export { isoDate };
