import { WORK_QUEUES } from '@capmatch/contracts';

/** The BullMQ queue of webhook deliveries: one job per delivery, job id = delivery id. */
export const DELIVERY_QUEUE = WORK_QUEUES.webhookDeliveries;
export const DELIVERY_JOB = 'deliver';

export interface DeliveryJobData {
  deliveryId: string;
}
