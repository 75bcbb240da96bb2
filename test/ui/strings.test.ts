import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/ui/strings';
import { debrief } from '../../src/ui/strings/debrief';
import { hud } from '../../src/ui/strings/hud';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('HUD and debrief strings', () => {
  it.each([
    ['hud', hud],
    ['debrief', debrief],
  ] as const)('%s: English and French have the same keys, all prefixed by the part', (prefix, part) => {
    expect(Object.keys(part.fr).sort()).toEqual(Object.keys(part.en).sort());
    for (const key of Object.keys(part.en)) expect(key.startsWith(`${prefix}.`)).toBe(true);
  });

  it.each(['en', 'fr'] as const)('%s: the same placeholders in both languages', (lang) => {
    const other = lang === 'en' ? 'fr' : 'en';
    for (const part of [hud, debrief]) {
      for (const [key, text] of Object.entries(part[lang])) {
        const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
        expect(names(text), key).toEqual(names((part[other] as Record<string, string>)[key]!));
      }
    }
  });

  it('every literal key the interface asks for exists', () => {
    const missing: string[] = [];
    for (const file of [...files('src/ui/hud'), ...files('src/ui/debrief'), ...files('src/ui/tutorial')]) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/\bt\(\s*'((?:hud|debrief)\.[\w.-]+)'/g)) if (!(m[1]! in catalogs.en)) missing.push(`${file}: ${m[1]}`);
      for (const m of source.matchAll(/\btn\(\s*'((?:hud|debrief)\.[\w.-]+)'/g)) {
        for (const form of ['one', 'other']) if (!(`${m[1]}.${form}` in catalogs.en)) missing.push(`${file}: ${m[1]}.${form}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keys built from names exist for every name', () => {
    const families: Record<string, readonly string[]> = {
      'hud.sector.': ['power', 'hospitals', 'water', 'transport', 'schools', 'security', 'retail'],
      'hud.policy.': ['purchaseCap', 'priceControls', 'closeSchools', 'curfew', 'banRuralSales', 'hazardPay', 'alternateCorridor', 'emergencyAirlift', 'commsCampaign', 'alliedHelp'],
      'hud.policyText.': ['purchaseCap', 'priceControls', 'closeSchools', 'curfew', 'banRuralSales', 'hazardPay', 'alternateCorridor', 'emergencyAirlift', 'commsCampaign', 'alliedHelp'],
      'hud.convoy.status.': ['waiting', 'moving', 'halted', 'held', 'returning', 'arrived', 'destroyed', 'returned'],
      'hud.trust.': ['services', 'queues', 'prices', 'attacks', 'towns', 'policies', 'events', 'recovery'],
      'hud.town.': ['held', 'exposed', 'fallen'],
      'hud.townKind.': ['capital', 'city', 'rural', 'border'],
      'hud.band.': ['good', 'strained', 'failing'],
      'hud.intel.source.': ['patrol', 'informant', 'garrison'],
      'hud.news.tag.': ['event', 'blockade', 'convoy', 'city'],
      'hud.tab.': ['city', 'convoys', 'forces', 'policies', 'news'],
      'hud.plan.preset.': ['full', 'ration', 'essential'],
      'hud.terrain.': ['paved', 'laterite'],
      'debrief.aiKind.': ['move', 'ambush', 'checkpoint', 'intimidate', 'attackTown', 'declareBlockade'],
    };
    for (const [prefix, names] of Object.entries(families)) for (const name of names) expect(catalogs.fr[prefix + name], prefix + name).toBeDefined();
  });
});
