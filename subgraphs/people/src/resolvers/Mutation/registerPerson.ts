import { randomUUID } from 'node:crypto';
import { assertActingAs, badUserInput, checkReferences, reviewOnInput } from '@movement/runtime';
import type { MutationResolvers } from '../../generated/graphql';
import { dateOrNull } from '../../dates';
import { linkBothWays } from '../../family-links';
import { namesJson, writeNameForms } from '../../names/forms';
import { languageOf } from '../../names/language';
import { nameSpellings } from '../../names/romanise';
import { registerPersonSchema, validate } from '../../validation';
import { checkPeople } from '../../visibility';

/** A write refused by a foreign key (Prisma's P2003, or PostgreSQL's 23503 through a driver adapter). */
const isForeignKeyViolation = (error: unknown): boolean => {
  const { code, meta } = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  return code === 'P2003' || meta?.driverAdapterError?.cause?.originalCode === '23503';
};

export const registerPerson: MutationResolvers['registerPerson'] = async (_root, { input }, context) => {
  validate(registerPersonSchema, input, 'input');
  validate(reviewOnInput, input, 'input');
  assertActingAs(context.principal, 'input.recordedById', input.recordedById);
  // Relatives the principal may not see are refused as unknown, like missing ones, before anything is written.
  await checkPeople(
    context,
    (input.familyLinks ?? []).map((link, index) => ({ field: `input.familyLinks.${index}.relativeId`, id: link.relativeId })),
  );
  await checkReferences(context.peers, {
    Location: { 'input.lastSeenAtId': input.lastSeenAtId },
    Organization: { 'input.recordedById': input.recordedById, 'input.sharedWithIds': input.sharedWithIds },
  });
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
