/** The debrief's six lessons of 2025, told in each game's own numbers (src/ui/debrief/lessons.ts). */
import { stringsPart } from './part';

export const lessons = stringsPart({
  en: {
    'lessons.title': 'What 2025 teaches, in your game',
    'lessons.siege.title': 'An economic siege',
    'lessons.siege.dry': 'The armed group never attacked Bamako itself: it cut the supply. Your depot was empty at the end of {days} days and the city ran out of fuel for its services.',
    'lessons.siege.struck': 'The armed group never attacked Bamako itself: it struck your convoys and the trucks waiting at the borders {attacks} times and destroyed {lost} tankers. A siege starves a city; it does not storm it.',
    'lessons.siege.quiet': 'The armed group never attacked Bamako itself, nor, this time, your convoys: in 2025 it burned more than 130 tankers to starve the city.',
    'lessons.escorts.title': 'Escorts help, but do not guarantee passage',
    'lessons.escorts.both': 'Your escorted convoys lost {escorted} % of their tankers; those without an escort lost {unescorted} %.',
    'lessons.escorts.onlyEscorted': 'Every convoy you sent had an escort, and they lost {escorted} % of their tankers.',
    'lessons.escorts.onlyUnescorted': 'None of your convoys had an escort, and they lost {unescorted} % of their tankers.',
    'lessons.escorts.none': 'You sent no convoy, so no escort was put to the test.',
    'lessons.escorts.hit': 'Escorts did not make them safe: {hits} attacks still burned escorted convoys, as on 14 September and 17 October 2025.',
    'lessons.escorts.notHit': 'No escorted convoy of yours was burned; in 2025 escorted convoys were, on 14 September and 17 October.',
    'lessons.fear.title': 'Fear stops the supply',
    'lessons.fear.fell': 'Violence frightened the drivers at {entry}: their morale fell from {from} to {low}.',
    'lessons.fear.refused': 'On {days} mornings drivers refused to load at all.',
    'lessons.fear.pay': 'Hazard pay softened their fear.',
    'lessons.fear.held': 'Drivers kept their nerve: at no crossing did their morale fall below where it started.',
    'lessons.ban.title': 'The rural fuel ban backfires',
    'lessons.ban.enacted':
      'You banned rural fuel sales on day {day}. The armed group had {cellsBefore} cells of total strength {strengthBefore} then, and {cellsAfter} cells of total strength {strengthAfter} at the end; {towns} rural towns fell after the ban.',
    'lessons.ban.not': 'You did not ban rural fuel sales. In 2025 the armed group gave that ban as its reason for the blockade, and it angered the rural people the group recruits among.',
    'lessons.towns.title': 'Roads or rural towns',
    'lessons.towns.fell': '{fallen} times a rural town fell to the armed group, and you took back {retaken}; it held {held} at the end and formed {cells} new cells where it held ground.',
    'lessons.towns.held': 'No rural town fell: your garrisons held them, and the group found no base to recruit from.',
    'lessons.city.title': 'The city pays',
    'lessons.city.text':
      'Power fell to {power} hours a day at worst, a litre reached {black} CFA on the black market (against {pump} at the pump), {school} school days were lost, and {lives} lives.',
  },
  fr: {
    'lessons.title': 'Ce que 2025 enseigne, dans votre partie',
    'lessons.siege.title': 'Un siège économique',
    'lessons.siege.dry':
      'Le groupe armé n’a jamais attaqué Bamako elle-même : il a coupé l’approvisionnement. Votre dépôt était vide à la fin de {days} jours et la ville a manqué de carburant pour ses services.',
    'lessons.siege.struck':
      'Le groupe armé n’a jamais attaqué Bamako elle-même : il a frappé vos convois et les camions en attente aux frontières {attacks} fois et détruit {lost} camions-citernes. Un siège affame une ville ; il ne la prend pas d’assaut.',
    'lessons.siege.quiet': 'Le groupe armé n’a jamais attaqué Bamako elle-même, ni, cette fois, vos convois : en 2025, il a brûlé plus de 130 camions-citernes pour affamer la ville.',
    'lessons.escorts.title': 'Les escortes aident, sans garantir le passage',
    'lessons.escorts.both': 'Vos convois escortés ont perdu {escorted} % de leurs camions-citernes ; ceux sans escorte, {unescorted} %.',
    'lessons.escorts.onlyEscorted': 'Tous vos convois avaient une escorte, et ils ont perdu {escorted} % de leurs camions-citernes.',
    'lessons.escorts.onlyUnescorted': 'Aucun de vos convois n’avait d’escorte, et ils ont perdu {unescorted} % de leurs camions-citernes.',
    'lessons.escorts.none': 'Vous n’avez envoyé aucun convoi : aucune escorte n’a été mise à l’épreuve.',
    'lessons.escorts.hit': 'Les escortes ne les ont pas mis à l’abri : {hits} attaques ont quand même incendié des convois escortés, comme le 14 septembre et le 17 octobre 2025.',
    'lessons.escorts.notHit': 'Aucun de vos convois escortés n’a brûlé ; en 2025, des convois escortés ont brûlé, le 14 septembre et le 17 octobre.',
    'lessons.fear.title': 'La peur arrête l’approvisionnement',
    'lessons.fear.fell': 'La violence a effrayé les chauffeurs de {entry} : leur moral est tombé de {from} à {low}.',
    'lessons.fear.refused': '{days} matins, les chauffeurs ont refusé de charger.',
    'lessons.fear.pay': 'La prime de risque a atténué leur peur.',
    'lessons.fear.held': 'Les chauffeurs ont tenu bon : à aucun poste frontière leur moral n’est tombé sous son niveau de départ.',
    'lessons.ban.title': 'L’interdiction du carburant en zone rurale se retourne',
    'lessons.ban.enacted':
      'Vous avez interdit la vente de carburant en zone rurale au jour {day}. Le groupe armé avait alors {cellsBefore} cellules d’une force totale de {strengthBefore}, et {cellsAfter} cellules d’une force totale de {strengthAfter} à la fin ; {towns} villes rurales sont tombées après l’interdiction.',
    'lessons.ban.not':
      'Vous n’avez pas interdit la vente de carburant en zone rurale. En 2025, le groupe armé a présenté cette interdiction comme la raison de son blocus, et elle a mis en colère la population rurale parmi laquelle il recrute.',
    'lessons.towns.title': 'Les routes ou les villes rurales',
    'lessons.towns.fell':
      'Des villes rurales sont tombées {fallen} fois aux mains du groupe armé, et vous en avez repris {retaken} ; il en tenait {held} à la fin et a formé {cells} nouvelles cellules là où il tenait le terrain.',
    'lessons.towns.held': 'Aucune ville rurale n’est tombée : vos garnisons les ont tenues, et le groupe n’a trouvé aucune base où recruter.',
    'lessons.city.title': 'La ville paie',
    'lessons.city.text':
      'L’électricité est tombée au pire à {power} heures par jour, le litre a atteint {black} FCFA au marché noir (contre {pump} à la pompe), {school} jours d’école ont été perdus, et {lives} vies.',
  },
});
