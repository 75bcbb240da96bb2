/** An alert in words: what happened, why it matters in numbers, what to do, and where. */
import { formatLitres, formatNumber, t, tn } from '../../app/i18n';
import { RETAKE_DAYS } from '../../sim/balance';
import type { LevelContext } from '../../sim/context';
import type { TabId } from '../hud/hud';
import { entryName, numberedConvoy, roadName, townName } from '../hud/names';
import type { Alert } from './detect';

export interface AlertText {
  title: string;
  why: string;
  todo: string;
  /** The panel where the player acts on it. */
  tab: TabId;
}

export function alertText(ctx: LevelContext, alert: Alert): AlertText {
  switch (alert.kind) {
    case 'townLost':
      return {
        title: t('hud.alert.townLost.title', { town: townName(ctx, alert.town) }),
        why: t('hud.alert.townLost.why', { garrison: alert.garrison, need: alert.need }),
        todo: tn('hud.alert.townLost.todo', RETAKE_DAYS, { need: alert.need }),
        tab: 'forces',
      };
    case 'convoyAttacked':
      return {
        title: t('hud.alert.convoyAttacked.title', { convoy: numberedConvoy(alert.convoy), road: roadName(ctx, alert.road) }),
        why: tn('hud.alert.convoyAttacked.why', alert.lost, { left: alert.left }),
        todo: t('hud.alert.convoyAttacked.todo'),
        tab: 'convoys',
      };
    case 'attackRepelled':
      return {
        title: t('hud.alert.attackRepelled.title', { convoy: numberedConvoy(alert.convoy), road: roadName(ctx, alert.road) }),
        why: tn('hud.alert.attackRepelled.why', alert.lost),
        todo: t('hud.alert.attackRepelled.todo'),
        tab: 'convoys',
      };
    case 'borderRaid':
      return {
        title: t('hud.alert.borderRaid.title', { entry: entryName(ctx, alert.entry) }),
        why: tn('hud.alert.borderRaid.why', alert.lost),
        todo: t('hud.alert.borderRaid.todo'),
        tab: 'convoys',
      };
    case 'trustLow':
      return {
        title: t('hud.alert.trustLow.title', { trust: alert.trust }),
        why: t('hud.alert.trustLow.why', { threshold: alert.threshold }),
        todo: t('hud.alert.trustLow.todo'),
        tab: 'city',
      };
    case 'stockLow': {
      // The plural follows the number as shown (one decimal): "0.4 days", « 0,4 jour ».
      const days = Math.round(alert.days * 10) / 10;
      return {
        title: t('hud.alert.stockLow.title'),
        why: tn('hud.alert.stockLow.why', days, { days: formatNumber(days, 1), stock: formatLitres(alert.stockL) }),
        todo: t('hud.alert.stockLow.todo'),
        tab: 'city',
      };
    }
  }
}
