import { badUserInput, checkReferences, requireId, visibleRecordsWhere } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { isoDate } from '../../dates';
import { namesJson, writeNameForms } from '../../names/forms';
import { languageOf } from '../../names/language';
import { nameSpellings, type NameLanguage } from '../../names/romanise';
import { updatePersonSchema, validate } from '../../validation';
import { notVisible } from '../../visibility';

/** Fields a person always has: `null` in an update would leave the record without them. */
const uncleared = ['givenName', 'familyName', 'status'] as const;

export const updatePerson: MutationResolvers['updatePerson'] = async (_root, { id, input }, context) => {
  requireId(id, 'id');
  for (const field of uncleared) if (input[field] === null) throw badUserInput(`input.${field}`, 'cannot be cleared; leave it out to keep it');
  validate(updatePersonSchema, input, 'input');
  const current = await context.prisma.person.findFirst({ where: { AND: [{ id }, visibleRecordsWhere(context.principal)] } });
  if (!current) throw notVisible('id', 'Person', id);
  await checkReferences(context.peers, { Location: { 'input.lastSeenAtId': input.lastSeenAtId } });
  const name = {
    givenName: input.givenName?.trim() ?? current.givenName,
    familyName: input.familyName?.trim() ?? current.familyName,
    patronymic: input.patronymic === undefined ? current.patronymic : input.patronymic?.trim() || null,
  };
  // Absent keeps, null clears: `undefined` leaves a column out of Prisma's update.
  const birthDate = input.birthDate === undefined ? isoDate(current.birthDate) : input.birthDate;
  const birthYear = input.birthYear !== undefined ? input.birthYear : input.birthDate ? Number(input.birthDate.slice(0, 4)) : current.birthYear;
  if (birthDate && birthYear === null) throw badUserInput('input.birthYear', 'cannot be cleared while the birth date is known; clear birthDate too');
  if (birthDate && Number(birthDate.slice(0, 4)) !== birthYear) {
    throw badUserInput(input.birthYear != null ? 'input.birthYear' : 'input.birthDate', 'does not agree with the birth date or year kept');
  }
  const previousLanguage = (current.names as Array<{ language?: string | null }>)[0]?.language ?? null;
  const language = input.language === undefined ? (previousLanguage as NameLanguage | null) : languageOf(input.language);
  const nameChanged = input.givenName != null || input.familyName != null || input.patronymic !== undefined || input.language !== undefined;
  // Spellings seen on the person's documents stay: a corrected name does not change a passport.
  const documentSpellings = (current.names as Array<{ scheme?: string; value?: string }>)
    .filter((spelling) => spelling.scheme === 'document' && typeof spelling.value === 'string')
    .map((spelling) => spelling.value as string);
  const spellings = nameSpellings(name, language, documentSpellings);
  const keepOrClear = <T, U>(value: T | null | undefined, convert: (present: T) => U): U | null | undefined =>
    value === undefined ? undefined : value === null ? null : convert(value);
  return context.prisma.$transaction(async (tx) => {
    const person = await tx.person.update({
      where: { id },
      data: {
        ...name,
        ...(nameChanged ? { names: namesJson(spellings) } : {}),
        birthDate: keepOrClear(input.birthDate, (value) => new Date(`${value}T00:00:00Z`)),
        birthYear,
        nationality: input.nationality,
        status: input.status ?? undefined,
        lastSeenAtId: input.lastSeenAtId,
        lastSeenOn: keepOrClear(input.lastSeenOn, (value) => new Date(`${value}T00:00:00Z`)),
      },
    });
    if (nameChanged) await writeNameForms(tx, id, birthYear, spellings);
    else await tx.personNameForm.updateMany({ where: { personId: id }, data: { birthYear } });
    return person;
  });
};
