import { createValidationPipe, InvalidFieldsException } from '@capmatch/platform';
import { CreateOfferDto } from './create-offer.dto';
import { CIVILIAN_USE_MESSAGE } from './offer-fields.dto';
import { UpdateOfferDto } from './update-offer.dto';

const valid = () => ({
  title: 'Open voice datasets for African languages',
  description: 'Speech data collection and open models.',
  language: 'en',
  capacityAreas: ['language-technology', 'data'],
  modalities: ['technical-assistance', 'technology-transfer'],
  sdgs: [4, 9],
  targetGroups: ['rural-and-remote'],
  deliveryLanguages: ['en', 'fr', 'rw', 'sw'],
  eligibility: { regions: ['africa'], countries: [], groups: [] },
  slots: 3,
  budgetUsd: 400000,
  role: 'provider',
  window: { start: '2026-06-01', end: '2028-12-31' },
  openSource: true,
  technologyTransferTerms: 'mutually-agreed',
  civilianUseOnly: true,
});

/** The errors the global pipe finds in a body, as a 400 would name them. */
async function errorsOf(cls: typeof CreateOfferDto | typeof UpdateOfferDto, body: unknown) {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: cls });
    return [];
  } catch (error) {
    if (error instanceof InvalidFieldsException) return error.errors;
    throw error;
  }
}

const fieldsOf = async (cls: typeof CreateOfferDto | typeof UpdateOfferDto, body: unknown) =>
  [...new Set((await errorsOf(cls, body)).map((e) => e.field))].sort();

describe('offer body validation', () => {
  it('accepts the contract example', async () => {
    expect(await fieldsOf(CreateOfferDto, valid())).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['short title', { title: 'ab' }, 'title'],
    ['long description', { description: 'x'.repeat(5001) }, 'description'],
    ['unknown language', { language: 'xx' }, 'language'],
    ['upper-case language', { language: 'EN' }, 'language'],
    ['no capacity area', { capacityAreas: [] }, 'capacityAreas'],
    ['unknown capacity area', { capacityAreas: ['weapons'] }, 'capacityAreas'],
    ['duplicate modality', { modalities: ['training', 'training'] }, 'modalities'],
    ['SDG 18', { sdgs: [18] }, 'sdgs'],
    ['SDG as string', { sdgs: ['4'] }, 'sdgs'],
    ['unknown target group', { targetGroups: ['everyone'] }, 'targetGroups'],
    ['no delivery language', { deliveryLanguages: [] }, 'deliveryLanguages'],
    ['unknown region', { eligibility: { regions: ['atlantis'] } }, 'eligibility.regions'],
    ['unknown country', { eligibility: { countries: ['QZX'] } }, 'eligibility.countries'],
    ['unknown group', { eligibility: { groups: ['g77'] } }, 'eligibility.groups'],
    ['zero slots', { slots: 0 }, 'slots'],
    ['fractional slots', { slots: 1.5 }, 'slots'],
    ['too many slots', { slots: 1001 }, 'slots'],
    ['negative budget', { budgetUsd: -1 }, 'budgetUsd'],
    ['unknown role', { role: 'sponsor' }, 'role'],
    ['null role', { role: null }, 'role'],
    ['impossible date', { window: { start: '2027-02-30', end: '2027-12-31' } }, 'window.start'],
    ['end before start', { window: { start: '2027-02-01', end: '2027-01-31' } }, 'window.end'],
    ['openSource as string', { openSource: 'yes' }, 'openSource'],
    ['unknown terms', { technologyTransferTerms: 'secret' }, 'technologyTransferTerms'],
    ['military use', { civilianUseOnly: false }, 'civilianUseOnly'],
    ['unknown field', { colour: 'red' }, 'colour'],
    ['server-owned status', { status: 'exhausted' }, 'status'],
    ['server-owned remainingSlots', { remainingSlots: 9 }, 'remainingSlots'],
  ])('names the field for %s', async (_, change, field) => {
    expect(await fieldsOf(CreateOfferDto, { ...valid(), ...change })).toEqual([field]);
  });

  it('names every bad field at once', async () => {
    const body = { ...valid(), title: '', slots: 0, civilianUseOnly: false, id: 'x', version: 3 };
    expect(await fieldsOf(CreateOfferDto, body)).toEqual(['civilianUseOnly', 'id', 'slots', 'title', 'version']);
  });

  it('explains the civilian-use refusal', async () => {
    const errors = await errorsOf(CreateOfferDto, { ...valid(), civilianUseOnly: false });
    expect(errors).toEqual([{ field: 'civilianUseOnly', message: CIVILIAN_USE_MESSAGE }]);
    expect(CIVILIAN_USE_MESSAGE).toMatch(/non-military domain only/);
  });

  it('requires the contract fields on create', async () => {
    expect(await fieldsOf(CreateOfferDto, {})).toEqual(
      ['capacityAreas', 'civilianUseOnly', 'deliveryLanguages', 'description', 'language', 'modalities', 'slots', 'title', 'window'].sort(),
    );
  });

  it('refuses a body that is not an object', async () => {
    expect(await fieldsOf(CreateOfferDto, [1, 2])).toEqual(['body']);
  });

  it('lets an edit give any subset, refuses nulls on required fields, allows clearing nullable ones', async () => {
    expect(await fieldsOf(UpdateOfferDto, { slots: 5 })).toEqual([]);
    expect(await fieldsOf(UpdateOfferDto, { budgetUsd: null, technologyTransferTerms: null })).toEqual([]);
    expect(await fieldsOf(UpdateOfferDto, { title: null, slots: null })).toEqual(['slots', 'title']);
    expect(await fieldsOf(UpdateOfferDto, { civilianUseOnly: false })).toEqual(['civilianUseOnly']);
    expect(await fieldsOf(UpdateOfferDto, { providerId: '11111111-1111-4111-8111-111111111111' })).toEqual(['providerId']);
  });
});
