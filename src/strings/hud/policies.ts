/** The Policies panel: each policy, its trade-offs and its cost. */
import { stringsPart } from '../part';

export const hudPolicies = stringsPart({
  en: {
    'hud.policies.hint': 'Each policy comes from a measure taken or discussed in 2025. Most take effect the morning after a delay, and cost money every day they are in force.',
    'hud.policies.budget': 'Budget left: {n} M CFA · policies in force cost {daily} M CFA a day.',
    'hud.policies.off': 'Not in force',
    'hud.policies.pending': 'Decided · in force from {time}',
    'hud.policies.active': 'In force since {time}',
    'hud.policies.delay.one': 'a {n}-day delay: decided now, in force from {time}',
    'hud.policies.delay.other': 'a {n}-day delay: decided now, in force from {time}',
    'hud.policies.delayNone': 'no delay: decided now, in force from {time}',
    'hud.policies.cost': 'costs {n} M CFA a day',
    'hud.policies.free': 'no budget cost',
    'hud.policies.enact': 'Enact',
    'hud.policies.cancel': 'Cancel',
    'hud.policies.revoke': 'Revoke',
    'hud.policies.enacted': '“{policy}” decided.',
    'hud.policies.revoked': '“{policy}” ended.',
    'hud.policy.purchaseCap': 'Purchase cap at the pump',
    'hud.policy.priceControls': 'Price controls',
    'hud.policy.closeSchools': 'Close schools and universities',
    'hud.policy.curfew': 'Night curfew',
    'hud.policy.banRuralSales': 'Ban rural fuel sales',
    'hud.policy.hazardPay': 'Hazard pay for drivers',
    'hud.policy.alternateCorridor': 'Alternate corridor (Guinea)',
    'hud.policy.emergencyAirlift': 'Emergency airlift',
    'hud.policy.commsCampaign': 'Public information campaign',
    'hud.policy.alliedHelp': 'Request allied help',
    'hud.policyText.purchaseCap':
      'Limit each purchase at filling stations, as Bamako did in 2025 (10,000 CFA per purchase). Filling stations need 30 % less fuel and queues shorten, but people resent it: a little trust is lost.',
    'hud.policyText.priceControls':
      'Hold the pump price at the official level (775 CFA a litre in 2025). Popular at first (trust rises), but it costs the budget, lengthens the queues and pushes trade to the black market, where prices climb even higher.',
    'hud.policyText.closeSchools':
      'Close schools and universities, as Mali did nationwide from 27 October to 9 November 2025. Their fuel goes to other services, but every day closed is a school day lost for students, and people dislike it.',
    'hud.policyText.curfew':
      'A night curfew makes roads and towns easier to watch (better intel) and cuts transport demand, but security forces burn more fuel and the city resents it a little more every day.',
    'hud.policyText.banRuralSales':
      'Ban fuel sales outside filling stations in rural areas, to starve the armed groups. In 2025 this ban is what the armed group gave as the reason for its blockade: it weakens the cells at first, then angers rural people and helps them recruit faster.',
    'hud.policyText.hazardPay':
      "Pay tanker drivers a danger bonus. Drivers' morale recovers faster and higher, so hauliers offer more tankers. Expensive.",
    'hud.policyText.alternateCorridor':
      'Open the road from Guinea through Kourémalé, away from the attacked corridors. In 2025 Mali also sought fuel through Guinea and Niger: a convoy of 82 tankers from Niger arrived on 22 November after 21 days on the road. Takes days to arrange and costs money every day.',
    'hud.policyText.emergencyAirlift':
      'Fly fuel in: {litres} litres a day, about one tanker, for a city that needs dozens. A huge daily cost for a token volume: it buys a little time, it does not feed the city.',
    'hud.policyText.commsCampaign':
      'Explain the crisis and the rationing on radio and through community leaders. Trust rises slowly (one point a day while it is below 70) for a modest cost.',
    'hud.policyText.alliedHelp':
      'Ask partners for trainers and air support. After a week every unit gets stronger, but foreign help costs trust and a lot of money every day.',
  },
  fr: {
    'hud.policies.hint': "Chaque mesure vient d'une décision prise ou débattue en 2025. La plupart prennent effet un matin, après un délai, et coûtent de l'argent chaque jour où elles sont en vigueur.",
    'hud.policies.budget': 'Budget restant : {n} M FCFA · les mesures en vigueur coûtent {daily} M FCFA par jour.',
    'hud.policies.off': 'Pas en vigueur',
    'hud.policies.pending': 'Décidée · en vigueur le {time}',
    'hud.policies.active': 'En vigueur depuis le {time}',
    'hud.policies.delay.one': 'délai de {n} jour : décidée maintenant, en vigueur le {time}',
    'hud.policies.delay.other': 'délai de {n} jours : décidée maintenant, en vigueur le {time}',
    'hud.policies.delayNone': 'sans délai : décidée maintenant, en vigueur le {time}',
    'hud.policies.cost': 'coûte {n} M FCFA par jour',
    'hud.policies.free': 'sans coût budgétaire',
    'hud.policies.enact': 'Décider',
    'hud.policies.cancel': 'Annuler',
    'hud.policies.revoke': 'Lever',
    'hud.policies.enacted': '« {policy} » : mesure décidée.',
    'hud.policies.revoked': '« {policy} » : mesure levée.',
    'hud.policy.purchaseCap': "Plafond d'achat à la pompe",
    'hud.policy.priceControls': 'Contrôle des prix',
    'hud.policy.closeSchools': 'Fermer écoles et universités',
    'hud.policy.curfew': 'Couvre-feu nocturne',
    'hud.policy.banRuralSales': 'Interdire la vente rurale de carburant',
    'hud.policy.hazardPay': 'Prime de risque pour les chauffeurs',
    'hud.policy.alternateCorridor': 'Corridor de rechange (Guinée)',
    'hud.policy.emergencyAirlift': "Pont aérien d'urgence",
    'hud.policy.commsCampaign': "Campagne d'information",
    'hud.policy.alliedHelp': "Demander l'aide des alliés",
    'hud.policyText.purchaseCap':
      "Limiter chaque achat dans les stations-service, comme Bamako l'a fait en 2025 (10 000 FCFA par achat). Les stations ont besoin de 30 % de carburant en moins et les files raccourcissent, mais la mesure est mal vécue : la confiance baisse un peu.",
    'hud.policyText.priceControls':
      "Bloquer le prix à la pompe au niveau officiel (775 FCFA le litre en 2025). Populaire au début (la confiance monte), mais cela coûte au budget, allonge les files et pousse le commerce vers le marché noir, où les prix grimpent encore plus.",
    'hud.policyText.closeSchools':
      "Fermer écoles et universités, comme le Mali l'a fait dans tout le pays du 27 octobre au 9 novembre 2025. Leur carburant va aux autres services, mais chaque jour de fermeture est un jour de classe perdu pour les élèves, et la population le vit mal.",
    'hud.policyText.curfew':
      "Un couvre-feu nocturne facilite la surveillance des routes et des villes (meilleur renseignement) et réduit les besoins des transports, mais les forces de sécurité consomment davantage et la ville le supporte un peu moins chaque jour.",
    'hud.policyText.banRuralSales':
      "Interdire la vente de carburant hors des stations-service en zone rurale, pour priver les groupes armés de carburant. En 2025, c'est cette interdiction que le groupe armé a invoquée pour justifier son blocus : elle affaiblit d'abord les cellules, puis exaspère la population rurale et les aide à recruter plus vite.",
    'hud.policyText.hazardPay':
      'Verser une prime de risque aux chauffeurs de camions-citernes. Leur moral remonte plus vite et plus haut, et les transporteurs proposent plus de camions. Coûteux.',
    'hud.policyText.alternateCorridor':
      "Ouvrir la route de Guinée par Kourémalé, loin des corridors attaqués. En 2025, le Mali a aussi cherché du carburant par la Guinée et le Niger : un convoi de 82 camions-citernes venu du Niger est arrivé le 22 novembre après 21 jours de route. Il faut des jours pour l'organiser, et cela coûte chaque jour.",
    'hud.policyText.emergencyAirlift':
      "Acheminer du carburant par avion : {litres} litres par jour, environ un camion-citerne, pour une ville qui en a besoin de dizaines. Un coût quotidien énorme pour un volume symbolique : cela fait gagner un peu de temps, cela ne nourrit pas la ville.",
    'hud.policyText.commsCampaign':
      "Expliquer la crise et le rationnement à la radio et par les responsables communautaires. La confiance remonte lentement (un point par jour tant qu'elle est sous 70) pour un coût modeste.",
    'hud.policyText.alliedHelp':
      "Demander aux partenaires des formateurs et un appui aérien. Au bout d'une semaine, chaque unité devient plus forte, mais l'aide étrangère coûte de la confiance et beaucoup d'argent chaque jour.",
  },
});
