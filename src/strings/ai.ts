/** The blockade's reasons, as the debrief and the game say them. */
import { stringsPart } from './part';

export const ai = stringsPart({
  en: {
    'ai.ambush.habit': 'Ambushed the {road} road: {seen} of the {near} convoys its informants saw nearby took it, {inWindow} of them between {from} and {to}; average escort strength {escort}.',
    'ai.ambush.unseen': 'Ambushed the {road} road, known to be busy, before seeing any convoy there.',
    'ai.checkpoint': 'Set up a checkpoint on the {road} road: {seen} convoys seen there, average escort strength {escort}.',
    'ai.attackTown': 'Attacked {town}: garrison strength {garrison} against a cell of strength {strength}.',
    'ai.intimidate': 'Threatened drivers on the {corridorEn}: {seen} convoys seen on it.',
    'ai.declareBlockade': 'Declared a blockade of the {corridorEn}: {seen} convoys seen on it.',
    'ai.raidBorder': 'Burned trucks parked at the {town} crossing: {waiting} tankers were waiting there.',
    'ai.ambush.hunt': 'Ambushed the {road} road ahead of a convoy its informants had just seen on its way there: about {tankers} tankers, escort strength {escort}.',
    'ai.move': 'Moved to {town} to be near the traffic.',
    'ai.phase.buildup': 'build-up',
    'ai.phase.peak': 'peak',
    'ai.phase.relax': 'lull',
  },
  fr: {
    'ai.ambush.habit': 'Embuscade sur la route {road} : {seen} des {near} convois repérés par ses informateurs dans la zone l’ont empruntée, dont {inWindow} entre {from} et {to} ; escorte moyenne de force {escort}.',
    'ai.ambush.unseen': 'Embuscade sur la route {road}, connue pour son trafic, avant d’y avoir vu passer un convoi.',
    'ai.checkpoint': 'Barrage installé sur la route {road} : {seen} convois repérés, escorte moyenne de force {escort}.',
    'ai.attackTown': 'Attaque de {town} : garnison de force {garrison} face à une cellule de force {strength}.',
    'ai.intimidate': 'Menaces contre les chauffeurs — {corridorFr} : {seen} convois repérés.',
    'ai.declareBlockade': 'Blocus déclaré — {corridorFr} : {seen} convois repérés.',
    'ai.raidBorder': 'Camions incendiés au poste frontière de {town} : {waiting} camions-citernes y attendaient.',
    'ai.ambush.hunt': 'Embuscade sur la route {road}, devant un convoi que ses informateurs venaient de voir en chemin : environ {tankers} camions-citernes, escorte de force {escort}.',
    'ai.move': 'Déplacement vers {town}, près du trafic.',
    'ai.phase.buildup': 'montée en puissance',
    'ai.phase.peak': 'pic',
    'ai.phase.relax': 'accalmie',
  },
});
