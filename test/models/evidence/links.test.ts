import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, removeIssue } from '../../../models/evidence/catalogue';
import { activeLinks, AssessmentLinks, pendingSuggestions, resolveLinks, suggestLink, withLinks } from '../../../models/evidence/links';
import { seedAssessment } from '../../../src/data/seed-assessment';

const seed = seedAssessment('seed', Date.UTC(2025, 0, 6));
const byLabel = (links: ReturnType<typeof resolveLinks>) => Object.fromEntries(links.map((l) => [l.label, l]));

describe('suggestLink', () => {
  it('links the 2014 seed matrix by name where the names agree and suggests only where the meaning is clear', () => {
    const links = resolveLinks(seed.issues, DEFAULT_CATALOGUE, {});
    const summary = Object.fromEntries(links.filter((l) => l.state !== 'unlinked').map((l) => [l.label, `${l.state} ${l.suggestion!.evidenceIssueId}`]));
    expect(summary).toEqual({
      'Domestic Abuse': 'automatic domestic-abuse',
      'Hate Crime': 'automatic hate-crime',
      'Child Exploitation': 'automatic child-exploitation',
      Shoplifting: 'automatic shoplifting',
      'Other Theft': 'automatic other-theft',
      'Theft from the Person': 'automatic theft-from-the-person',
      'ASB (Personal)': 'suggested anti-social-behaviour',
      'ASB (Nuisance)': 'suggested anti-social-behaviour',
      'ASB (Environmental)': 'suggested anti-social-behaviour',
      'Burglary Dwelling': 'suggested burglary',
      'Criminal Damage': 'suggested criminal-damage-and-arson',
      TFMV: 'suggested vehicle-crime',
      'TOMV/TWOC': 'suggested vehicle-crime',
      'Personal Robbery': 'suggested robbery',
      'Substance Misuse Offending': 'suggested substance-misuse',
      'Adult Offending': 'suggested re-offending',
    });
    // Small parts of a police.uk category, or not counted by it, are left to the analyst.
    for (const label of ['Distraction Burglary', 'Business Robbery', 'Burglary Other', 'Arson/Deliberate Fires', 'Terrorism', 'Most Serious Violence', 'Youth Offending (0-17)']) {
      expect(byLabel(links)[label]).toMatchObject({ state: 'unlinked', evidenceIssueId: null, suggestion: null });
    }
  });

  it('says why: the same name, the same id, or a rule with its caveat', () => {
    expect(suggestLink({ id: 'x', label: ' shoplifting ' }, DEFAULT_CATALOGUE)).toEqual({ evidenceIssueId: 'shoplifting', by: 'name', note: 'Same name as the catalogue issue.' });
    expect(suggestLink({ id: 'burglary', label: 'Housebreaking' }, DEFAULT_CATALOGUE)).toMatchObject({ evidenceIssueId: 'burglary', by: 'id' });
    expect(suggestLink({ id: 'y', label: 'Burglary (Dwelling)' }, DEFAULT_CATALOGUE)).toMatchObject({
      evidenceIssueId: 'burglary',
      by: 'rule',
      note: expect.stringContaining('residential and business'),
    });
    expect(suggestLink({ id: 'z', label: 'Anti-social behaviour - environmental' }, DEFAULT_CATALOGUE)).toMatchObject({ evidenceIssueId: 'anti-social-behaviour', by: 'rule' });
  });

  it('never suggests a catalogue issue the analyst has removed', () => {
    expect(suggestLink({ id: 'tfmv', label: 'TFMV' }, removeIssue(DEFAULT_CATALOGUE, 'vehicle-crime'))).toBeNull();
  });
});

describe('resolveLinks', () => {
  const issues = [
    { id: 'burglary-dwelling', label: 'Burglary Dwelling' },
    { id: 'shoplifting', label: 'Shoplifting' },
    { id: 'terrorism', label: 'Terrorism' },
    { id: 'nte', label: 'NTE' },
    { id: 'tfmv', label: 'TFMV' },
  ];

  it('puts the analyst’s stored choice before any automatic link or suggestion', () => {
    const stored = {
      'burglary-dwelling': { evidenceIssueId: 'burglary', at: 1 },
      shoplifting: { evidenceIssueId: null, at: 2 },
      nte: { evidenceIssueId: 'gone-issue', at: 3 },
    };
    const links = byLabel(resolveLinks(issues, DEFAULT_CATALOGUE, stored));
    expect(links['Burglary Dwelling']).toMatchObject({ state: 'confirmed', evidenceIssueId: 'burglary', stored: { at: 1 } });
    expect(links['Shoplifting']).toMatchObject({ state: 'no-evidence', evidenceIssueId: null, suggestion: { evidenceIssueId: 'shoplifting' } });
    expect(links['NTE']).toMatchObject({ state: 'missing', evidenceIssueId: null });
    expect(links['Terrorism']).toMatchObject({ state: 'unlinked', evidenceIssueId: null });
    expect(links['TFMV']).toMatchObject({ state: 'suggested', evidenceIssueId: null });
  });

  it('uses only confirmed and automatic links, and lists the suggestions to confirm', () => {
    const links = resolveLinks(issues, DEFAULT_CATALOGUE, {});
    expect(activeLinks(links)).toEqual({ 'burglary-dwelling': null, shoplifting: 'shoplifting', terrorism: null, nte: null, tfmv: null });
    expect(pendingSuggestions(links, 9)).toEqual({ 'burglary-dwelling': { evidenceIssueId: 'burglary', at: 9 }, tfmv: { evidenceIssueId: 'vehicle-crime', at: 9 } });
    const confirmed = resolveLinks(issues, DEFAULT_CATALOGUE, pendingSuggestions(links, 9));
    expect(activeLinks(confirmed)).toMatchObject({ 'burglary-dwelling': 'burglary', tfmv: 'vehicle-crime' });
    expect(pendingSuggestions(confirmed, 10)).toEqual({});
  });
});

describe('withLinks', () => {
  it('sets and removes stored links without changing its input', () => {
    const held = { a: { evidenceIssueId: 'burglary', at: 1 } };
    expect(withLinks(held, { a: null, b: { evidenceIssueId: null, at: 2 } })).toEqual({ b: { evidenceIssueId: null, at: 2 } });
    expect(held).toEqual({ a: { evidenceIssueId: 'burglary', at: 1 } });
  });

  it('refuses a malformed stored record', () => {
    expect(AssessmentLinks.safeParse({ assessmentId: 'a', links: { x: { evidenceIssueId: 3, at: 1 } } }).success).toBe(false);
  });
});
