/*
 * The name of a run's demo template database (demo-template.ts), apart from the loader so that
 * the run's global setup, which drops it, imports no model (each project loads setup modules
 * afresh, and a model compiled twice is refused).
 */

/** A name of its own per run, so a database server kept between runs (MONGODB_URI) never serves an older demo. */
export const demoTemplateName = (runId: string) => `t_demo_${runId}`;
