import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { CreateRequestDto } from './create-request.dto';
import { UpdateRequestDto } from './update-request.dto';

const valid = () => ({
  title: 'Kinyarwanda speech data for public services',
  description: 'Speech data so ministries can offer voice services.',
  language: 'en',
  capacityAreas: ['language-technology', 'data'],
  modalities: ['technical-assistance', 'training'],
  sdgs: [4, 9, 10],
  targetGroups: ['rural-and-remote'],
  deliveryLanguages: ['rw', 'en', 'fr'],
  cooperationTypes: ['north-south', 'south-south', 'triangular'],
  budgetUsd: 250000,
  window: { start: '2027-01-01', end: '2027-12-31' },
  nationalStrategyRef: 'National AI Policy 2023, pillar 2',
  priority: 'high',
});

function fields(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const name = parent ? `${parent}.${e.property}` : e.property;
    return [...(e.constraints ? [name] : []), ...fields(e.children ?? [], name)];
  });
}

function badFields(cls: typeof CreateRequestDto | typeof UpdateRequestDto, body: object): string[] {
  const dto = plainToInstance(cls, body);
  return [...new Set(fields(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true })))].sort();
}

describe('CreateRequestDto', () => {
  it('accepts the contract example', () => {
    expect(badFields(CreateRequestDto, valid())).toEqual([]);
  });

  it('accepts the minimum body', () => {
    const { sdgs, targetGroups, cooperationTypes, budgetUsd, nationalStrategyRef, priority, ...min } = valid();
    expect(badFields(CreateRequestDto, min)).toEqual([]);
  });

  it.each([
    ['title', { title: 'ab' }],
    ['title', { title: 'x'.repeat(201) }],
    ['title', { title: 42 }],
    ['description', { description: '' }],
    ['description', { description: 'x'.repeat(5001) }],
    ['language', { language: 'english' }],
    ['language', { language: 'EN' }],
    ['capacityAreas', { capacityAreas: [] }],
    ['capacityAreas', { capacityAreas: ['cooking'] }],
    ['capacityAreas', { capacityAreas: ['data', 'data'] }],
    ['modalities', { modalities: 'training' }],
    ['sdgs', { sdgs: [0] }],
    ['sdgs', { sdgs: [18] }],
    ['sdgs', { sdgs: [4.5] }],
    ['sdgs', { sdgs: ['4'] }],
    ['sdgs', { sdgs: null }],
    ['targetGroups', { targetGroups: ['everyone'] }],
    ['deliveryLanguages', { deliveryLanguages: [] }],
    ['deliveryLanguages', { deliveryLanguages: ['xx-YY'] }],
    ['cooperationTypes', { cooperationTypes: ['east-west'] }],
    ['budgetUsd', { budgetUsd: -1 }],
    ['budgetUsd', { budgetUsd: '100' }],
    ['window', { window: '2027' }],
    ['window.start', { window: { start: '2027-02-30', end: '2027-12-31' } }],
    ['window.end', { window: { start: '2027-01-01', end: '2026-12-31' } }],
    ['window.end', { window: { start: '2027-01-01', end: '27-12-31' } }],
    ['nationalStrategyRef', { nationalStrategyRef: 'x'.repeat(501) }],
    ['priority', { priority: 'urgent' }],
    ['country', { country: 'DEU' }],
    ['country', { country: 'QZX' }],
    ['country', { country: 'rwa' }],
    ['id', { id: '00000000-0000-0000-0000-000000000000' }],
    ['status', { status: 'matched' }],
    ['classification', { classification: {} }],
    ['version', { version: 3 }],
    ['createdAt', { createdAt: '2026-01-01T00:00:00Z' }],
    ['updatedAt', { updatedAt: '2026-01-01T00:00:00Z' }],
    ['colour', { colour: 'blue' }],
  ])('names %s', (field, patch) => {
    expect(badFields(CreateRequestDto, { ...valid(), ...patch })).toEqual([field]);
  });

  it.each(['title', 'description', 'language', 'capacityAreas', 'modalities', 'deliveryLanguages', 'window'])(
    'requires %s',
    (field) => {
      const body: Record<string, unknown> = valid();
      delete body[field];
      expect(badFields(CreateRequestDto, body)).toEqual([field]);
    },
  );

  it('names every bad field at once', () => {
    const body = { ...valid(), title: '', sdgs: [99], window: { start: 'x', end: '2027-01-01' }, extra: 1 };
    expect(badFields(CreateRequestDto, body)).toEqual(['extra', 'sdgs', 'title', 'window.start']);
  });

  it('accepts an eligible country and a 639-3 language code', () => {
    expect(badFields(CreateRequestDto, { ...valid(), country: 'BGD', deliveryLanguages: ['bn', 'kam'] })).toEqual([]);
  });
});

describe('UpdateRequestDto', () => {
  it('accepts an empty patch and clearing nullable fields', () => {
    expect(badFields(UpdateRequestDto, {})).toEqual([]);
    expect(badFields(UpdateRequestDto, { budgetUsd: null, nationalStrategyRef: null })).toEqual([]);
  });

  it('accepts one end of the window alone', () => {
    expect(badFields(UpdateRequestDto, { window: { end: '2028-01-01' } })).toEqual([]);
  });

  it.each([
    ['title', { title: null }],
    ['capacityAreas', { capacityAreas: [] }],
    ['window.start', { window: { start: '2027-13-01' } }],
    ['window.end', { window: { start: '2027-02-01', end: '2027-01-31' } }],
    ['country', { country: 'KEN' }],
    ['status', { status: 'open' }],
    ['version', { version: 2 }],
  ])('names %s', (field, body) => {
    expect(badFields(UpdateRequestDto, body)).toEqual([field]);
  });
});
