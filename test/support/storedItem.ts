import { itemOfAward } from '../../functions/adapters/dynamodb/awardItem.js';
import type { Award } from '../../functions/core/award/Award.js';

/** The item that stores an award, as last changed at a fixed time: what tests put in the table or a stream record. */
export const storedItem = (award: Award) => itemOfAward(award, '2020-03-02T00:00:00.000Z');
