/** The in-game HUD's strings, one module per panel. */
import { hudAlerts } from './alerts';
import { hudCity } from './city';
import { hudConvoys } from './convoys';
import { hudErrors } from './errors';
import { hudForces } from './forces';
import { hudNews } from './news';
import { hudPolicies } from './policies';
import { hudSelection } from './selection';
import { hudTop } from './top';
import { hudTutorial } from './tutorial';

export const hudParts = [hudTop, hudCity, hudConvoys, hudForces, hudPolicies, hudNews, hudSelection, hudTutorial, hudAlerts, hudErrors] as const;
