/**
 * "New level": a small level that passes the check, to start from. Its map, numbers and
 * source come from the designers' guide (docs/levels.md, walk-through): real towns, the
 * shipped levels' scale, and a source that exists. The designer changes the id, the texts
 * and the rest; nothing here is invented history.
 */
import type { Draft } from './model';

export function templateLevel(): Draft {
  return {
    $schema: './schema.json',
    id: 'my-level',
    title: { en: 'My level', fr: 'Mon niveau' },
    summary: {
      en: 'A starting point: one corridor from Guinea to Bamako. Describe here when and where the level is set, the player\'s role and goal.',
      fr: 'Un point de départ : un corridor de la Guinée à Bamako. Décrivez ici quand et où se passe le niveau, le rôle du joueur et son objectif.',
    },
    startDate: '2025-10-08',
    days: 7,
    scaleNote: {
      en: 'Fuel use and tankers are scaled down about ten times, as in the other levels: the city needs 1,380,000 litres a day, 30 tankers of 46,000 litres.',
      fr: 'La consommation de carburant et le nombre de camions-citernes sont réduits d\'environ dix fois, comme dans les autres niveaux : la ville a besoin de 1 380 000 litres par jour, soit 30 camions-citernes de 46 000 litres.',
    },
    sources: [
      {
        id: 'ap-2025-10-08',
        publisher: 'Associated Press (via Dayton Daily News)',
        title: "Desperate search for fuel in Mali's capital as al-Qaida-linked group enforces blockade",
        date: '2025-10-08',
        url: 'https://www.daytondailynews.com/news/nation-world/desperate-search-for-fuel-in-malis-capital-as-al-qaida-linked-group-enforces-blockade/VPNMDQYMSVISPEXZM2SG7GN3N4/',
        supports: 'queues at 20+ stations; tankers from Senegal and Côte d\'Ivoire attacked; importers selling at the border instead of driving in.',
      },
    ],
    towns: [
      { id: 'bamako', name: 'Bamako', lat: 12.639, lon: -8.003, kind: 'capital', country: 'ML', population: 4200000 },
      { id: 'siby', name: 'Siby', lat: 12.38, lon: -8.33, kind: 'rural', country: 'ML', garrisonNeed: 1 },
      { id: 'kouremale', name: 'Kourémalé', lat: 11.96, lon: -8.77, kind: 'border', country: 'ML' },
    ],
    corridors: [{ id: 'guinea', name: { en: 'Guinea corridor (Conakry–Kankan–Kourémalé–Bamako)', fr: 'Corridor guinéen (Conakry–Kankan–Kourémalé–Bamako)' } }],
    roads: [
      { id: 'kouremale-siby', from: 'kouremale', to: 'siby', km: 75, terrain: 'paved', risk: 20, corridor: 'guinea' },
      { id: 'siby-bamako', from: 'siby', to: 'bamako', km: 48, terrain: 'paved', risk: 15, corridor: 'guinea' },
    ],
    entryPoints: [{ id: 'kouremale', town: 'kouremale', corridor: 'guinea', country: 'GN', tankersPerDay: 30, morale: 80 }],
    depot: { town: 'bamako', stockL: 4140000 },
    tankerL: 46000,
    sectors: {
      power: { demandL: 460000, trustWeight: 3 },
      hospitals: { demandL: 46000, trustWeight: 5 },
      water: { demandL: 138000, trustWeight: 4 },
      transport: { demandL: 322000, trustWeight: 3 },
      schools: { demandL: 46000, trustWeight: 2 },
      security: { demandL: 138000, trustWeight: 2 },
      retail: { demandL: 230000, trustWeight: 3 },
    },
    economy: { pumpPriceCfa: 775, budgetM: 20000 },
    units: [
      { id: 'escort-1', name: { en: '1st escort battalion', fr: '1er bataillon d\'escorte' }, strength: 3 },
      { id: 'patrol-1', name: { en: '1st mobile patrol group', fr: '1er groupe de patrouille mobile' }, strength: 2 },
    ],
    blockade: { cells: { easy: 1, normal: 1, hard: 2 }, strength: 2, startTowns: ['siby'] },
    policies: ['purchaseCap', 'hazardPay', 'commsCampaign'],
    events: [
      {
        id: 'bamako-queues',
        day: 2,
        title: { en: "Queues at Bamako's filling stations", fr: "Files d'attente aux stations de Bamako" },
        body: {
          en: 'In 2025, in early October, drivers queued at more than 20 filling stations in Bamako.',
          fr: 'En 2025, début octobre, les automobilistes faisaient la queue devant plus de 20 stations-service de Bamako.',
        },
        sources: ['ap-2025-10-08'],
        effects: { trust: -2 },
      },
    ],
    randomEvents: [],
    collapse: { noFuelDays: 3 },
  };
}
