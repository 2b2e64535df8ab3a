/**
 * Review workflow domain core (pure): the commune review state machine modelled on DHIS2 data
 * approval, campaigns, village-meeting / posting / complaint / decision guards, and the monthly
 * (regular) review applications with their deadline. See docs/review-workflow.md.
 */
export * from './review-states.ts';
export * from './review-actions.ts';
export * from './role-labels.ts';
export * from './review-actor.ts';
export * from './review-parameters.ts';
export * from './listed-household.ts';
export * from './village-meeting.ts';
export * from './public-posting.ts';
export * from './complaints.ts';
export * from './commune-decision.ts';
export * from './review-transition-table.ts';
export * from './review-context.ts';
export * from './review-guards.ts';
export * from './review-events.ts';
export * from './problem.ts';
export * from './workflow-refusal.ts';
export * from './review-machine.ts';
export * from './review-campaign-plan.ts';
export * from './monthly-application.ts';
export * from './monthly-deadline.ts';
export * from './monthly-application-machine.ts';
