// Shapes of the outcome-metrics replies the management page reads (src/metrics/ builds them).
import type { DrillTarget } from "./drill";
export interface DwellStats {
  count: number;
  meanHours: number | null;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface StageFigure extends DwellStats {
  stage: string;
  from: string;
  to: string;
  byWeek: ({ week: string } & DwellStats)[];
  byGrade: ({ grade: string } & DwellStats)[];
  byRush: ({ rush: boolean } & DwellStats)[];
}

export interface StuckOrder {
  orderNo: string;
  customer: string;
  grade: string | null;
  rush: boolean;
  since: string;
  hours: number;
}

export interface Rate {
  count: number;
  onTime: number;
  rate: number | null;
}

export interface DeliveryFigures {
  delivered: number;
  withDueDate: number;
  onTime: number;
  onTimeRate: number | null;
  promised: Rate;
  requested: Rate;
  /** Against the date last re-confirmed to the customer (the first-commit figure is `promised`). */
  reconfirmed?: Rate;
}

type RuleCount = "shouldHaveMatched" | "matched" | "matchedAsExpected" | "unexpected" | "succeeded" | "failed" | "pending";
export type RuleRate = Record<RuleCount, number> & {
  ruleId: number;
  name: string;
  executionRate: number | null;
  successRate: number | null;
  /** orderNo is null for an evaluation of a service visit. */
  failures: { orderNo: string | null; type: string; error: string | null }[];
};

export interface RuleExecutionFigures {
  evaluations: number;
  shouldHaveMatched: number;
  matched: number;
  executionRate: number | null;
  successRate: number | null;
}

export interface AutonomyFigures {
  business: number;
  admin: number;
  automated: number;
  share: number | null;
}

export interface Disagreement {
  orderNo: string;
  cause: string;
  status: string;
  detail: string | null;
}

export interface Headline {
  from: string;
  to: string;
  dwellMedianHours: Record<string, number | null>;
  dwellMeanHours: Record<string, number | null>;
  onTimeRate: number | null;
  ruleExecutionRate: number | null;
  ruleSuccessRate: number | null;
  autonomyShare: number | null;
}

export interface Change {
  delta: number | null;
  relative: number | null;
}

export interface Outcomes {
  period: { from: string; to: string };
  dwell: {
    stages: StageFigure[];
    statuses: { status: string; count: number; meanHours: number | null }[];
    stuck: { status: string; orders: StuckOrder[] }[];
  };
  onTime: DeliveryFigures & {
    byCustomer: ({ customer: string; name: string | null; grade: string | null } & DeliveryFigures)[];
    byFamily: ({ family: string } & DeliveryFigures)[];
    byMonth: ({ month: string } & DeliveryFigures)[];
    byWeek: ({ week: string } & DeliveryFigures)[];
    bySource: ({ source: string } & DeliveryFigures)[];
  };
  ruleExecution: RuleExecutionFigures & { rules: RuleRate[] };
  autonomy: AutonomyFigures & {
    byEntity: ({ entity: string } & AutonomyFigures)[];
    byMonth: ({ month: string } & AutonomyFigures)[];
    byEntityMonth: ({ entity: string; month: string } & AutonomyFigures)[];
  };
  agreement: { disagreements: number; byCause: Record<string, number>; examples: Disagreement[] };
  comparison?: {
    pivot: string;
    before: Headline;
    after: Headline;
    changes: {
      dwellMedianHours: Record<string, Change>;
      dwellMeanHours: Record<string, Change>;
      onTimeRate: Change;
      ruleExecutionRate: Change;
      ruleSuccessRate: Change;
      autonomyShare: Change;
    };
  };
}

export type Bucketed<T> = { bucket: string } & T;

export interface Trends {
  period: { from: string; to: string };
  by: "week" | "month";
  dwell: { key: string; kind: "stage" | "status"; points: Bucketed<DwellStats>[] }[];
  onTime: Bucketed<DeliveryFigures>[];
  ruleExecution: Bucketed<RuleExecutionFigures>[];
  autonomy: Bucketed<AutonomyFigures>[];
  /** Orders by the week or month they were created in, against the disagreements found now. */
  agreement: Bucketed<{ orders: number; disagreeing: number; agreementRate: number | null }>[];
}

/** Rows behind a figure, as the drill-down routes list them. */
export interface DwellOrder {
  orderNo: string;
  customer: string;
  grade: string | null;
  rush: boolean;
  startedAt: string;
  doneAt: string;
  hours: number | null;
  heldHours: number | null;
}

export interface DeliveryRow {
  source: string;
  orderNo: string;
  customer: string;
  deliveredOn: string;
  promisedDate: string | null;
  requestedDate: string | null;
  /** Promised, else requested: what `onTime` is judged against. */
  dueDate?: string | null;
  families: string[];
  onTime: boolean | null;
  onTimePromised: boolean | null;
  onTimeRequested: boolean | null;
}

export interface MasterChange {
  id: number;
  entity: string;
  key: string;
  actor: string;
  roles: string[];
  class: string;
  at: string;
  change: unknown;
}

/** What each section of the page is given: the figures, their trends, where the pivot falls, the drill-down. */
export interface SectionProps {
  outcomes: Outcomes;
  trends?: Trends;
  pivotBucket?: string;
  onDrill(target: DrillTarget): void;
}
