import { Rating1764000000500 } from './1764000000500-rating';
import { QualityDue1764000000510 } from './1764000000510-quality-due';

/** The rating service's own migrations, in order (the service adds the platform's before them). */
export const RATING_MIGRATIONS = [Rating1764000000500, QualityDue1764000000510];
