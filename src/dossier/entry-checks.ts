import type { FieldError } from '../contract/field-messages.js';
import type { SectionName, Sections } from '../contract/sections.js';
import type { Tx } from '../db/database.js';
import { dateErrors } from '../rules/stay-dates.js';

/*
 * Checks that span sections or need the platform's registers, run where the applicant writes the
 * data (create, edit) and again on filing, so wrong data is refused at the source, next to the
 * field, rather than found by a case officer weeks later.
 */

/**
 * The employer named in the employment section is the applicant organisation itself: the
 * employer signed in, or the employer whose mandate the signed-in mandatary acts under (the
 * dossier's applicant was checked against that mandate when it was created). Its registered
 * enterprise number is the one the section must carry; where none is registered, a number
 * registered to another organisation is still refused, as it is someone else's.
 */
async function enterpriseErrors(
  tx: Tx,
  employment: Sections['employment'] | undefined,
  applicantOrganisationId: string,
): Promise<FieldError[]> {
  const number = employment?.employer?.enterpriseNumber;
  if (!number) return [];
  const owners = await tx
    .selectFrom('organisation')
    .select(['id', 'enterprise_number'])
    .where((eb) => eb.or([eb('id', '=', applicantOrganisationId), eb('enterprise_number', '=', number)]))
    .execute();
  const applicant = owners.find((o) => o.id === applicantOrganisationId);
  const own = applicant?.enterprise_number;
  const someoneElses = owners.some((o) => o.id !== applicantOrganisationId);
  if ((own && own !== number) || (!own && someoneElses)) {
    return [{ field: 'employment.employer.enterpriseNumber', code: 'enterprise_number_not_applicant' }];
  }
  return [];
}

/** Every entry check of the sections written (`touched`); on filing, of them all. */
export async function entryErrors(
  tx: Tx,
  sections: Partial<Sections>,
  touched: ReadonlySet<SectionName>,
  applicantOrganisationId: string,
  today: string,
): Promise<FieldError[]> {
  return [
    ...dateErrors(sections, touched, today),
    ...(touched.has('employment')
      ? await enterpriseErrors(tx, sections.employment, applicantOrganisationId)
      : []),
  ];
}
