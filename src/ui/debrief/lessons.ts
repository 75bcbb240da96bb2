/**
 * The six lessons of 2025, each said in this game's own numbers: every sentence is chosen
 * by what happened (src/sim/lessons.ts), so the debrief never tells a student something
 * their game did not show.
 */
import { formatNumber, t } from '../../app/i18n';
import type { LevelContext } from '../../sim/context';
import type { LessonFacts } from '../../sim/lessons';
import { entryName } from '../hud/names';

export interface Lesson {
  title: string;
  text: string;
}

const pct = (lost: number, sent: number): string => formatNumber(sent === 0 ? 0 : Math.round((100 * lost) / sent));

export function lessonTexts(ctx: LevelContext, facts: LessonFacts): Lesson[] {
  const { siege, escorts, fear, ban, towns, city } = facts;
  const siegeText = siege.collapsedByFuel
    ? t('lessons.siege.dry', { days: formatNumber(siege.dryDays) })
    : siege.attacks > 0
      ? t('lessons.siege.struck', { attacks: formatNumber(siege.attacks), lost: formatNumber(siege.tankersLost) })
      : t('lessons.siege.quiet');

  const escorted = pct(escorts.escortedLost, escorts.escortedSent);
  const unescorted = pct(escorts.unescortedLost, escorts.unescortedSent);
  const sent = escorts.escortedSent > 0 ? (escorts.unescortedSent > 0 ? 'both' : 'onlyEscorted') : escorts.unescortedSent > 0 ? 'onlyUnescorted' : 'none';
  const escortText = [
    t(`lessons.escorts.${sent}`, { escorted, unescorted }),
    escorts.escortedSent === 0 ? '' : escorts.escortedHit > 0 ? t('lessons.escorts.hit', { hits: formatNumber(escorts.escortedHit) }) : t('lessons.escorts.notHit'),
  ];

  const fearText = fear.worst
    ? [
        t('lessons.fear.fell', { entry: entryName(ctx, fear.worst.entry), from: formatNumber(fear.worst.from), low: formatNumber(fear.worst.low) }),
        fear.refusals > 0 ? t('lessons.fear.refused', { days: formatNumber(fear.refusals) }) : '',
        fear.hazardPay ? t('lessons.fear.pay') : '',
      ]
    : [t('lessons.fear.held')];

  const banText =
    ban.since !== null && ban.before
      ? t('lessons.ban.enacted', {
          day: formatNumber(ban.since),
          cellsBefore: formatNumber(ban.before.cells),
          strengthBefore: formatNumber(ban.before.strength),
          cellsAfter: formatNumber(ban.after.cells),
          strengthAfter: formatNumber(ban.after.strength),
          towns: formatNumber(ban.townsFallenAfter),
        })
      : t('lessons.ban.not');

  const townText =
    towns.fallen > 0
      ? t('lessons.towns.fell', { fallen: formatNumber(towns.fallen), retaken: formatNumber(towns.retaken), held: formatNumber(towns.lostNow), cells: formatNumber(towns.cellsFormed) })
      : t('lessons.towns.held');

  const cityText = t('lessons.city.text', {
    power: formatNumber(city.powerLow),
    black: formatNumber(city.blackPriceHigh),
    pump: formatNumber(city.pumpPrice),
    school: formatNumber(city.schoolDaysLost),
    lives: formatNumber(city.livesLost),
  });

  const join = (parts: string[]): string => parts.filter((p) => p !== '').join(' ');
  return [
    { title: t('lessons.siege.title'), text: siegeText },
    { title: t('lessons.escorts.title'), text: join(escortText) },
    { title: t('lessons.fear.title'), text: join(fearText) },
    { title: t('lessons.ban.title'), text: banText },
    { title: t('lessons.towns.title'), text: townText },
    { title: t('lessons.city.title'), text: cityText },
  ];
}
