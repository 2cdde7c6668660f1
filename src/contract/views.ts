export interface DeadlineClock {
  status: 'running' | 'suspended' | 'stopped';
  startedOn: string;
  decisionDays: number;
  legalSource: string;
  suspensions: { requestId: string; from: string; until: string | null; days: number }[];
  suspendedDays: number;
  extension: { days: number; reason: string; on: string } | null;
  extensionAvailableDays: number;
  dueDate: string;
  /** Negative when overdue; null once the decision the clock waits for was taken. */
  daysLeft: number | null;
  stoppedOn: string | null;
}
