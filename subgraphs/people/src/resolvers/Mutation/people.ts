import { randomUUID } from 'node:crypto';
import { assertActingAs, badUserInput, requireId, reviewOnInput, visibleRecordsWhere } from '@movement/runtime';
import type { MutationResolvers, NameLanguage as NameLanguageEnum } from '../../generated/graphql';
import type { Prisma } from '../../generated/prisma/client';
import { checkPeerReferences, checkPeople } from '../../check-references';
import { isoDate } from '../../dates';
import { namesJson, writeNameForms } from '../../names/forms';
import { nameSpellings, type NameLanguage } from '../../names/romanise';
import { linkFamilySchema, registerPersonSchema, updatePersonSchema, validate } from '../../validation';
import { notVisible } from '../../visibility';

const languageOf = (value: NameLanguageEnum | null | undefined): NameLanguage | null => (value ? (value.toLowerCase() as NameLanguage) : null);
const dateOrNull = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);

/** A write refused by a foreign key (Prisma's P2003, or PostgreSQL's 23503 through a driver adapter). */
const isForeignKeyViolation = (error: unknown): boolean => {
  const { code, meta } = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  return code === 'P2003' || meta?.driverAdapterError?.cause?.originalCode === '23503';
};

/** What each relationship is seen from the other side. */
const inverse = {
  PARENT: 'CHILD',
  CHILD: 'PARENT',
  SIBLING: 'SIBLING',
  SPOUSE: 'SPOUSE',
  GRANDPARENT: 'GRANDCHILD',
  GRANDCHILD: 'GRANDPARENT',
  OTHER_RELATIVE: 'OTHER_RELATIVE',
} as const;

export const registerPerson: MutationResolvers['registerPerson'] = async (_root, { input }, context) => {
  validate(registerPersonSchema, input, 'input');
  validate(reviewOnInput, input, 'input');
  assertActingAs(context.principal, 'input.recordedById', input.recordedById);
  // Relatives the principal may not see are refused as unknown, like missing ones, before anything is written.
  await checkPeople(
    context,
    (input.familyLinks ?? []).map((link, index) => ({ field: `input.familyLinks.${index}.relativeId`, id: link.relativeId })),
  );
  await checkPeerReferences(context, [
    { field: 'input.lastSeenAtId', typename: 'Location', ids: [input.lastSeenAtId] },
    { field: 'input.recordedById', typename: 'Organization', ids: [input.recordedById] },
    { field: 'input.sharedWithIds', typename: 'Organization', ids: input.sharedWithIds ?? [] },
  ]);
  const name = { givenName: input.givenName.trim(), familyName: input.familyName.trim(), patronymic: input.patronymic?.trim() || null };
  const spellings = nameSpellings(name, languageOf(input.language), input.otherSpellings ?? []);
  const birthYear = input.birthYear ?? (input.birthDate ? Number(input.birthDate.slice(0, 4)) : null);
  const id = randomUUID();
  return context.prisma.$transaction(async (tx) => {
    const person = await tx.person.create({
      data: {
        id,
        ...name,
        names: namesJson(spellings),
        sex: input.sex,
        birthDate: dateOrNull(input.birthDate),
        birthYear,
        nationality: input.nationality ?? null,
        status: input.status,
        vulnerabilities: input.vulnerabilities ?? [],
        lastSeenAtId: input.lastSeenAtId ?? null,
        lastSeenOn: dateOrNull(input.lastSeenOn),
        purpose: input.purpose.trim(),
        legalBasis: input.legalBasis,
        recordedById: input.recordedById,
        sharedWithIds: input.sharedWithIds ?? [],
        ...(input.reviewOn ? { reviewOn: dateOrNull(input.reviewOn)! } : {}),
      },
    });
    await writeNameForms(tx, id, birthYear, spellings);
    // The foreign key checks each relative as the link is written; a missing one aborts the whole
    // transaction, so the person and the links written before it are rolled back too.
    for (const [index, link] of (input.familyLinks ?? []).entries()) {
      try {
        await linkBothWays(tx, id, link.relativeId, link.relationship, input.recordedById);
      } catch (error) {
        if (isForeignKeyViolation(error)) throw badUserInput(`input.familyLinks.${index}.relativeId`, `no Person has the id ${link.relativeId}`);
        throw error;
      }
    }
    context.logger.info({ personId: id, familyLinks: input.familyLinks?.length ?? 0 }, 'person registered');
    return person;
  });
};

/** Fields a person always has: `null` in an update would leave the record without them. */
const uncleared = ['givenName', 'familyName', 'status'] as const;

export const updatePerson: MutationResolvers['updatePerson'] = async (_root, { id, input }, context) => {
  requireId(id, 'id');
  for (const field of uncleared) if (input[field] === null) throw badUserInput(`input.${field}`, 'cannot be cleared; leave it out to keep it');
  validate(updatePersonSchema, input, 'input');
  const current = await context.prisma.person.findFirst({ where: { AND: [{ id }, visibleRecordsWhere(context.principal)] } });
  if (!current) throw notVisible('id', 'Person', id);
  await checkPeerReferences(context, [{ field: 'input.lastSeenAtId', typename: 'Location', ids: [input.lastSeenAtId] }]);
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

export const linkFamilyMembers: MutationResolvers['linkFamilyMembers'] = async (_root, { input }, context) => {
  validate(linkFamilySchema, input, 'input');
  assertActingAs(context.principal, 'input.recordedById', input.recordedById);
  await checkPeople(context, [
    { field: 'input.personId', id: input.personId },
    { field: 'input.relativeId', id: input.relativeId },
  ]);
  await checkPeerReferences(context, [{ field: 'input.recordedById', typename: 'Organization', ids: [input.recordedById] }]);
  return context.prisma.$transaction(async (tx) => linkBothWays(tx, input.personId, input.relativeId, input.relationship, input.recordedById));
};

/** Records `relative` as `relationship` of `person` and the inverse; an existing link is kept. */
export async function linkBothWays(
  tx: Prisma.TransactionClient,
  personId: string,
  relativeId: string,
  relationship: keyof typeof inverse,
  recordedById: string,
) {
  const sides = [
    { personId, relativeId, relationship },
    { personId: relativeId, relativeId: personId, relationship: inverse[relationship] },
  ];
  const links = [];
  for (const side of sides) {
    links.push(
      await tx.familyLink.upsert({
        where: { personId_relativeId_relationship: side },
        create: { id: randomUUID(), ...side, recordedById, sharedWithIds: [] },
        update: {},
      }),
    );
  }
  return links;
}
