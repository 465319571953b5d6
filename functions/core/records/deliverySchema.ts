import { z } from 'zod';
import { dateTime, line } from './fields.js';

export const deliverySchema = z
  .strictObject({
    at: dateTime().describe('When the award was handed over'),
    place: line().describe('Where, e.g. the checkpoint where the recipient was on duty'),
    by: line().optional().describe('Who handed it over, e.g. 分局党委'),
  })
  .describe('An in-person delivery of the award (送奖上门/送奖到岗)');

export type Delivery = z.output<typeof deliverySchema>;
