/**
 * The CloudWatch namespace of the pipeline's own metrics, for the functions that emit them and
 * the alarms that read them.
 */
export const METRICS_NAMESPACE = 'WartimeAwards';
