/** The tutorial's steps. */
import { stringsPart } from '../part';

export const hudTutorial = stringsPart({
  en: {
    'hud.tutorial.counter': 'Tutorial · step {n} of {total}',
    'hud.tutorial.next': 'Next',
    'hud.tutorial.continue': 'Continue',
    'hud.tutorial.stepDone': '✓ Done: {title}. The clock is paused so that you can read the next step: press Continue when you are ready.',
    'hud.tutorial.minimize': 'Fold',
    'hud.tutorial.expand': 'Unfold',
    'hud.tutorial.skip': 'Skip tutorial',
    'hud.tutorial.skipped': 'Tutorial closed.',
    'hud.tutorial.waiting': '… waiting for you to do it.',
    'hud.tutorial.open': 'Open the {panel} panel',
    'hud.tutorial.fuel.title': 'Your fuel stock',
    'hud.tutorial.fuel.text':
      'Look at the top bar: the Bamako depot holds {stock}, that is {days} of cover if every service gets all it needs. The whole city lives on this one number. Read it, then press Next.',
    'hud.tutorial.plan.title': 'Ration the fuel',
    'hud.tutorial.plan.text':
      'In the City panel, choose the “Ration” quick plan (or move the sliders) and read the preview: each service tomorrow, and how long the stock lasts. Then press “Commit the plan”.',
    'hud.tutorial.convoy.title': 'Send an escorted convoy',
    'hud.tutorial.convoy.text':
      'In the Convoys panel, choose Zégoua, the number of tankers and a route (compare their known risk and the intel on them), tick an escort unit, then press “Dispatch the convoy”.',
    'hud.tutorial.convoy.noEscort': 'Your last convoy left without an escort. Send one with an escort unit ticked.',
    'hud.tutorial.arrive.title': 'Let time run',
    'hud.tutorial.arrive.text':
      'The game is paused. Press Play (or Space), pick a speed, or use “Next morning”, until your convoy reaches Bamako and the stock rises. Follow it in the Convoys panel.',
    'hud.tutorial.arrive.none': 'No convoy is on the road: dispatch another one.',
    'hud.tutorial.policy.title': 'Decide a policy',
    'hud.tutorial.policy.text':
      'In the Policies panel, read the trade-offs and enact one, for example the purchase cap or the information campaign. Most policies take effect after a delay and cost money every day.',
    'hud.tutorial.news.title': 'Read the news and the intel',
    'hud.tutorial.news.text':
      'Open the News panel. Intel reports warn of threats before they strike, with how sure the source is; the news tells what happened here and what happened in 2025, with its sources. Then press Next.',
    'hud.tutorial.finish.title': 'Hold to the end',
    'hud.tutorial.finish.text':
      'Keep the city running until day {total}. Every morning the hauliers offer new tankers: send a convoy each day, or the depot runs dry. Adjust the plan, protect the rural towns, and use ×4 or “Next morning” to go faster. The debrief follows.',
    'hud.tutorial.doneTitle': 'Tutorial complete',
    'hud.tutorial.doneText': 'Well done. The debrief compares your choices with what happened in 2025.',
  },
  fr: {
    'hud.tutorial.counter': 'Tutoriel · étape {n} sur {total}',
    'hud.tutorial.next': 'Suivant',
    'hud.tutorial.continue': 'Continuer',
    'hud.tutorial.stepDone': '✓ Fait : {title}. Le temps est en pause pour que vous puissiez lire l’étape suivante : appuyez sur Continuer quand vous voulez.',
    'hud.tutorial.minimize': 'Replier',
    'hud.tutorial.expand': 'Déplier',
    'hud.tutorial.skip': 'Passer le tutoriel',
    'hud.tutorial.skipped': 'Tutoriel fermé.',
    'hud.tutorial.waiting': '… à vous de jouer.',
    'hud.tutorial.open': 'Ouvrir le panneau {panel}',
    'hud.tutorial.fuel.title': 'Votre stock de carburant',
    'hud.tutorial.fuel.text':
      'Regardez la barre du haut : le dépôt de Bamako contient {stock}, soit {days} de réserve si chaque service reçoit tout ce dont il a besoin. Toute la ville dépend de ce seul chiffre. Lisez-le, puis appuyez sur Suivant.',
    'hud.tutorial.plan.title': 'Rationner le carburant',
    'hud.tutorial.plan.text':
      'Dans le panneau Ville, choisissez le plan rapide « Rationner » (ou déplacez les curseurs) et lisez l’aperçu : chaque service demain, et combien de temps le stock tiendra. Appuyez ensuite sur « Valider le plan ».',
    'hud.tutorial.convoy.title': 'Envoyer un convoi escorté',
    'hud.tutorial.convoy.text':
      'Dans le panneau Convois, choisissez Zégoua, le nombre de camions-citernes et un itinéraire (comparez leur risque connu et les renseignements), cochez une unité d’escorte, puis appuyez sur « Lancer le convoi ».',
    'hud.tutorial.convoy.noEscort': 'Votre dernier convoi est parti sans escorte. Envoyez-en un en cochant une unité d’escorte.',
    'hud.tutorial.arrive.title': 'Laisser le temps passer',
    'hud.tutorial.arrive.text':
      'La partie est en pause. Appuyez sur Jouer (ou Espace), choisissez une vitesse ou utilisez « Matin suivant », jusqu’à ce que votre convoi atteigne Bamako et que le stock remonte. Suivez-le dans le panneau Convois.',
    'hud.tutorial.arrive.none': 'Aucun convoi sur la route : lancez-en un autre.',
    'hud.tutorial.policy.title': 'Décider une mesure',
    'hud.tutorial.policy.text':
      'Dans le panneau Mesures, lisez les contreparties et décidez-en une, par exemple le plafond d’achat ou la campagne d’information. La plupart des mesures prennent effet après un délai et coûtent de l’argent chaque jour.',
    'hud.tutorial.news.title': 'Lire les infos et le renseignement',
    'hud.tutorial.news.text':
      'Ouvrez le panneau Infos. Les rapports de renseignement annoncent les menaces avant qu’elles ne frappent, avec leur degré de fiabilité ; les actualités racontent ce qui se passe ici et ce qui s’est passé en 2025, avec leurs sources. Appuyez ensuite sur Suivant.',
    'hud.tutorial.finish.title': 'Tenir jusqu’au bout',
    'hud.tutorial.finish.text':
      'Faites tourner la ville jusqu’au jour {total}. Chaque matin, les transporteurs proposent de nouveaux camions-citernes : envoyez un convoi chaque jour, sinon le dépôt se vide. Ajustez le plan, protégez les villes rurales, et utilisez ×4 ou « Matin suivant » pour aller plus vite. Le bilan suivra.',
    'hud.tutorial.doneTitle': 'Tutoriel terminé',
    'hud.tutorial.doneText': 'Bravo. Le bilan compare vos choix avec ce qui s’est passé en 2025.',
  },
});
