/** Alerts that stop the clock: what happened, why, and what the player can do about it. */
import { stringsPart } from '../part';

export const hudAlerts = stringsPart({
  en: {
    'hud.alert.label': 'Alert',
    'hud.alert.stopped': 'The clock is stopped.',
    'hud.alert.resume': 'Resume',
    'hud.alert.close': 'Close the alert',
    'hud.alert.stopsClock': 'Alerts stop the clock',
    'hud.alert.open': 'Open {panel}',
    'hud.alert.more.one': '{n} more alert in the News panel.',
    'hud.alert.more.other': '{n} more alerts in the News panel.',
    'hud.alert.townLost.title': '{town} has fallen to the armed group',
    'hud.alert.townLost.why': 'Its garrison had strength {garrison}; the town needs {need} to hold.',
    'hud.alert.townLost.todo.one':
      'What to do: in the Forces panel, garrison it with units of total strength above {need}. Held for {n} day, it is retaken; while it stays fallen, the group recruits there.',
    'hud.alert.townLost.todo.other':
      'What to do: in the Forces panel, garrison it with units of total strength above {need}. Held for {n} days, it is retaken; while it stays fallen, the group recruits there.',
    'hud.alert.convoyAttacked.title': '{convoy} attacked on {road}',
    'hud.alert.convoyAttacked.why.one': '{n} tanker burned; {left} still on the road.',
    'hud.alert.convoyAttacked.why.other': '{n} tankers burned; {left} still on the road.',
    'hud.alert.convoyAttacked.todo':
      'What to do: in the Convoys panel, halt it or turn it back if the road ahead is threatened, and send the next convoys by another road, at another hour or with a stronger escort.',
    'hud.alert.attackRepelled.title': '{convoy}: its escort beat off an attack on {road}',
    'hud.alert.attackRepelled.why.one': '{n} tanker lost in the fight.',
    'hud.alert.attackRepelled.why.other': '{n} tankers lost in the fight.',
    'hud.alert.attackRepelled.todo': 'What to do: the group is watching this road. Vary routes and hours in the Convoys panel, or send a patrol to it from the Forces panel.',
    'hud.alert.borderRaid.title': 'Tankers burned while waiting at {entry}',
    'hud.alert.borderRaid.why.one': '{n} tanker lost before it left the border.',
    'hud.alert.borderRaid.why.other': '{n} tankers lost before they left the border.',
    'hud.alert.borderRaid.todo': 'What to do: send the waiting tankers on sooner from the Convoys panel, with an escort; trucks parked at a crossing are an easy target.',
    'hud.alert.trustLow.title': 'Public trust has fallen to {trust}/100',
    'hud.alert.trustLow.why': 'Under {threshold} the city is close to turning against the authorities; at 0 the game ends.',
    'hud.alert.trustLow.todo':
      'What to do: in the City panel, read why trust changed last night. Restore hospitals and water first; shorter queues and an information campaign also help.',
    'hud.alert.stockLow.title': 'A day of fuel or less left at this plan',
    'hud.alert.stockLow.why.one': '{stock} in the depot: {days} day at the plan in force.',
    'hud.alert.stockLow.why.other': '{stock} in the depot: {days} days at the plan in force.',
    'hud.alert.stockLow.todo': 'What to do: ration the plan in the City panel (hospitals and water first), and bring convoys in now from the Convoys panel.',
  },
  fr: {
    'hud.alert.label': 'Alerte',
    'hud.alert.stopped': 'Le temps est arrêté.',
    'hud.alert.resume': 'Reprendre',
    'hud.alert.close': 'Fermer l’alerte',
    'hud.alert.stopsClock': 'Les alertes arrêtent le temps',
    'hud.alert.open': 'Ouvrir {panel}',
    'hud.alert.more.one': '{n} autre alerte dans le panneau Infos.',
    'hud.alert.more.other': '{n} autres alertes dans le panneau Infos.',
    'hud.alert.townLost.title': '{town} est tombée aux mains du groupe armé',
    'hud.alert.townLost.why': 'Sa garnison avait une force de {garrison} ; la ville a besoin de {need} pour tenir.',
    'hud.alert.townLost.todo.one':
      'Que faire : dans le panneau Forces, envoyez-y en garnison des unités d’une force totale supérieure à {need}. Tenue pendant {n} jour, elle est reprise ; tant qu’elle reste tombée, le groupe y recrute.',
    'hud.alert.townLost.todo.other':
      'Que faire : dans le panneau Forces, envoyez-y en garnison des unités d’une force totale supérieure à {need}. Tenue pendant {n} jours, elle est reprise ; tant qu’elle reste tombée, le groupe y recrute.',
    'hud.alert.convoyAttacked.title': '{convoy} attaqué sur {road}',
    'hud.alert.convoyAttacked.why.one': '{n} camion-citerne brûlé ; {left} encore sur la route.',
    'hud.alert.convoyAttacked.why.other': '{n} camions-citernes brûlés ; {left} encore sur la route.',
    'hud.alert.convoyAttacked.todo':
      'Que faire : dans le panneau Convois, arrêtez-le ou faites-le revenir si la route devant lui est menacée, et envoyez les convois suivants par une autre route, à une autre heure ou avec une escorte plus forte.',
    'hud.alert.attackRepelled.title': '{convoy} : son escorte a repoussé une attaque sur {road}',
    'hud.alert.attackRepelled.why.one': '{n} camion-citerne perdu dans le combat.',
    'hud.alert.attackRepelled.why.other': '{n} camions-citernes perdus dans le combat.',
    'hud.alert.attackRepelled.todo':
      'Que faire : le groupe surveille cette route. Variez itinéraires et horaires dans le panneau Convois, ou envoyez-y une patrouille depuis le panneau Forces.',
    'hud.alert.borderRaid.title': 'Camions-citernes brûlés en attente à {entry}',
    'hud.alert.borderRaid.why.one': '{n} camion-citerne perdu avant d’avoir quitté la frontière.',
    'hud.alert.borderRaid.why.other': '{n} camions-citernes perdus avant d’avoir quitté la frontière.',
    'hud.alert.borderRaid.todo':
      'Que faire : faites partir plus tôt les camions-citernes qui attendent, depuis le panneau Convois, avec une escorte ; des camions garés à un poste-frontière sont une cible facile.',
    'hud.alert.trustLow.title': 'La confiance de la population est tombée à {trust}/100',
    'hud.alert.trustLow.why': 'Sous {threshold}, la ville est près de se retourner contre les autorités ; à 0, la partie s’arrête.',
    'hud.alert.trustLow.todo':
      'Que faire : dans le panneau Ville, lisez pourquoi la confiance a changé la nuit dernière. Rétablissez d’abord les hôpitaux et l’eau ; des files plus courtes et une campagne d’information aident aussi.',
    'hud.alert.stockLow.title': 'Un jour de carburant ou moins avec ce plan',
    'hud.alert.stockLow.why.one': '{stock} au dépôt : {days} jour avec le plan en vigueur.',
    'hud.alert.stockLow.why.other': '{stock} au dépôt : {days} jours avec le plan en vigueur.',
    'hud.alert.stockLow.todo': 'Que faire : rationnez le plan dans le panneau Ville (hôpitaux et eau d’abord), et faites venir des convois dès maintenant depuis le panneau Convois.',
  },
});
