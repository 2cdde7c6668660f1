import type { AppDeps } from '../deps.js';
import type { Command } from '../identity/request.js';
import { legalDate } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { type FieldError } from '../contract/field-messages.js';
import { newId } from '../platform/ids.js';
import { deadlineRule } from '../rules/deadlines.js';
import { performAction } from './acting.js';
import { documentsAddedSince, openRequest } from './model/lifecycle.js';

/*
 * Examination by the competent authorities: admissibility, requests for documents and their
 * answers, the one extension of the deadline.
 */

export function decideAdmissibility(
  deps: AppDeps,
  command: Command,
  id: string,
  input: { outcome: 'admissible' | 'inadmissible'; grounds?: string | undefined },
) {
  if (input.outcome === 'inadmissible' && !input.grounds) {
    throw new AppError('validation_failed', { errors: [{ field: 'grounds', code: 'required' }] });
  }
  const action = input.outcome === 'admissible' ? 'declare_admissible' : 'declare_inadmissible';
  return performAction(deps, command, id, action, () => (input.grounds ? { grounds: input.grounds } : {}));
}

export function requestDocuments(
  deps: AppDeps,
  command: Command,
  id: string,
  input: {
    dueDate: string;
    items: { documentType?: string | undefined; description: string }[];
    message?: string | undefined;
  },
) {
  if (input.dueDate <= legalDate(deps.clock.now())) {
    throw new AppError('validation_failed', { errors: [{ field: 'dueDate', code: 'date_in_past' }] });
  }
  return performAction(deps, command, id, 'request_documents', () => ({ requestId: newId(), ...input }), 201);
}

export function answerRequest(
  deps: AppDeps,
  command: Command,
  id: string,
  requestId: string,
  input: { documentIds: string[]; message?: string | undefined },
) {
  return performAction(deps, command, id, 'answer_request', ({ opened }) => {
    const open = openRequest(opened.record.lifecycle);
    if (open?.id !== requestId) throw new AppError('request_not_open');
    const known = new Set(opened.record.documents.map((d) => d.id));
    const errors: FieldError[] = input.documentIds
      .map((docId, i) => ({ docId, i }))
      .filter(({ docId }) => !known.has(docId))
      .map(({ i }) => ({ field: `documentIds.${i}`, code: 'document_not_in_dossier' }));
    if (errors.length) throw new AppError('validation_failed', { errors });
    // Art. 20 §4: the applicant answers by supplying documents; until one arrives the applicant is
    // still being asked, so the suspension of R-PROC-7 goes on (decision 0007).
    const added = documentsAddedSince(opened.record.actions, requestId);
    if (!input.documentIds.some((docId) => added.has(docId))) throw new AppError('answer_adds_nothing');
    return { requestId, ...input };
  });
}

export function extendDeadline(deps: AppDeps, command: Command, id: string, input: { reason: string }) {
  return performAction(deps, command, id, 'extend_deadline', ({ opened }) => {
    if (opened.record.lifecycle.extension) throw new AppError('deadline_already_extended');
    const filedOn = legalDate(opened.record.lifecycle.filedAt ?? deps.clock.now());
    const rule = deadlineRule(opened.record.procedure, filedOn, opened.record.category);
    // A category whose directive allows no extension has none to give.
    if (rule.extensionDays === 0) throw new AppError('deadline_already_extended');
    return { days: rule.extensionDays, reason: input.reason };
  });
}
