import { describe, expect, it } from 'vitest';
import { addIssue, Catalogue, catalogueProblem, DEFAULT_CATALOGUE, issueIdFor, removeIssue, unmappedCrimeTypes, withCrimeTypes } from '../../../models/evidence/catalogue';
import { CRIME_TYPES } from '../../../models/police-uk/street-row';

describe('DEFAULT_CATALOGUE', () => {
  it('is valid and has one issue per police.uk crime type, named as published', () => {
    expect(Catalogue.safeParse(DEFAULT_CATALOGUE).success).toBe(true);
    for (const t of CRIME_TYPES) {
      expect(DEFAULT_CATALOGUE.issues.find((i) => i.crimeTypes.length === 1 && i.crimeTypes[0] === t)?.label).toBe(t);
    }
    expect(unmappedCrimeTypes(DEFAULT_CATALOGUE, CRIME_TYPES)).toEqual([]);
  });

  it('defines serious acquisitive crime as the seed plan does: burglary, robbery and vehicle crime', () => {
    expect(DEFAULT_CATALOGUE.issues.find((i) => i.id === 'serious-acquisitive-crime')?.crimeTypes).toEqual(['Burglary', 'Robbery', 'Vehicle crime']);
  });

  it('starts local issues with no crime types', () => {
    const local = DEFAULT_CATALOGUE.issues.filter((i) => i.source === 'local');
    expect(local.map((i) => i.label)).toEqual(['Domestic abuse', 'Hate crime', 'Child exploitation', 'Re-offending', 'Substance misuse']);
    expect(local.every((i) => i.crimeTypes.length === 0 && i.description !== '')).toBe(true);
  });
});

describe('Catalogue', () => {
  it('refuses a police.uk issue without crime types, a local issue with them, and a repeated name', () => {
    const one = DEFAULT_CATALOGUE.issues[0]!;
    expect(catalogueProblem({ issues: [{ ...one, crimeTypes: [] }] })).toBe('“Anti-social behaviour” is counted from police.uk data, so it needs at least one crime type');
    expect(catalogueProblem({ issues: [{ ...one, source: 'local' }] })).toBe('“Anti-social behaviour” takes local counts, so it cannot also map police.uk crime types');
    expect(catalogueProblem({ issues: [one, { ...one, id: 'asb', label: 'anti-social Behaviour ' }] })).toBe('two issues are called “anti-social Behaviour”');
    expect(catalogueProblem({ issues: [one, { ...one, label: 'ASB' }] })).toBe('the issue id “anti-social-behaviour” is used twice');
    expect(catalogueProblem(DEFAULT_CATALOGUE)).toBeNull();
  });
});

describe('editing', () => {
  it('maps crime types to an issue without touching the original', () => {
    const next = withCrimeTypes(DEFAULT_CATALOGUE, 'serious-acquisitive-crime', ['Burglary', 'Robbery']);
    expect(next.issues.find((i) => i.id === 'serious-acquisitive-crime')?.crimeTypes).toEqual(['Burglary', 'Robbery']);
    expect(DEFAULT_CATALOGUE.issues.find((i) => i.id === 'serious-acquisitive-crime')?.crimeTypes).toHaveLength(3);
  });

  it('adds issues with unique ids made from their names, and removes them', () => {
    const a = addIssue(DEFAULT_CATALOGUE, 'Knife crime', 'local');
    expect(a.id).toBe('knife-crime');
    const b = addIssue(a.catalogue, 'Knife  Crime!', 'police-uk', ['Possession of weapons']);
    expect(b.id).toBe('knife-crime-2');
    expect(b.catalogue.issues.at(-1)).toMatchObject({ label: 'Knife  Crime!', source: 'police-uk', crimeTypes: ['Possession of weapons'] });
    expect(removeIssue(b.catalogue, 'knife-crime').issues.map((i) => i.id)).not.toContain('knife-crime');
  });

  it('finds crime types no issue counts', () => {
    const next = withCrimeTypes(removeIssue(removeIssue(DEFAULT_CATALOGUE, 'drugs'), 'all-crime-excluding-asb'), 'serious-acquisitive-crime', ['Burglary']);
    expect(unmappedCrimeTypes(next, [...CRIME_TYPES, 'Drugs', 'Violent crime'])).toEqual(['Drugs', 'Violent crime']);
  });

  it('makes ids from names', () => {
    expect(issueIdFor('Criminal damage & arson')).toBe('criminal-damage-and-arson');
    expect(issueIdFor('!!!')).toBe('issue');
  });
});
