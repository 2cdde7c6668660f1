import { useState, type ReactNode } from 'react';
import { Notice } from '../../components/Page';
import { useI18n } from '../../i18n/context';
import type { Dossier } from '../../lib/types';
import { AssignmentBar } from './AssignmentBar';
import { SourcesView } from './SourcesView';
import { AdmissibilityAct, DecisionAct, isLaterAct, LaterDecisionAct } from './acts/DecisionActs';
import { ChecksAct, ExtensionAct, IssuedAct, RequestAct } from './acts/FileActs';
import { HoldAct, LiftHoldAct } from './acts/HoldActs';

/** Organisation kinds that act on a dossier from this page. */
export const ACTING_KINDS: ReadonlySet<string> = new Set([
  'regional_authority',
  'dvz',
  'post',
  'municipality',
]);
export const AUTHORITY_KINDS: ReadonlySet<string> = new Set(['regional_authority', 'dvz']);

/**
 * The acts an authority, post or municipality may perform now, as the server's `allowedActions`
 * says: nothing is offered that the transition table would refuse.
 */
export function ActsPanel({
  dossier,
  kind,
  onChanged,
}: {
  dossier: Dossier;
  kind: string | undefined;
  onChanged: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [done, setDone] = useState<string | undefined>(undefined);
  const allowed = new Set(dossier.allowedActions);
  const onDone = (title: string) => {
    setDone(t('acts.done', { act: title }));
    void onChanged();
  };
  const acts: ReactNode[] = [];
  // Keyed by state too, so a form starts empty after the dossier moved on.
  const k = (name: string) => `${name}-${dossier.state}`;
  if (allowed.has('declare_admissible') || allowed.has('declare_inadmissible'))
    acts.push(<AdmissibilityAct key={k('adm')} dossier={dossier} onDone={onDone} />);
  if (allowed.has('decide_work'))
    acts.push(<DecisionAct key={k('work')} dossier={dossier} kind="work" onDone={onDone} />);
  if (allowed.has('decide_professional_card'))
    acts.push(<DecisionAct key={k('card')} dossier={dossier} kind="professional_card" onDone={onDone} />);
  if (allowed.has('decide_residence'))
    acts.push(<DecisionAct key={k('res')} dossier={dossier} kind="residence" onDone={onDone} />);
  if (allowed.has('request_documents'))
    acts.push(<RequestAct key={k('req')} dossier={dossier} onDone={onDone} />);
  if (allowed.has('extend_deadline'))
    acts.push(<ExtensionAct key={k('ext')} dossier={dossier} onDone={onDone} />);
  if (allowed.has('run_checks')) acts.push(<ChecksAct key={k('checks')} dossier={dossier} onDone={onDone} />);
  if (allowed.has('record_issued'))
    acts.push(<IssuedAct key={k('issued')} dossier={dossier} onDone={onDone} />);
  if (allowed.has('register_hold')) acts.push(<HoldAct key={k('hold')} dossier={dossier} onDone={onDone} />);
  if (allowed.has('lift_hold') && dossier.retention?.holds.some((h) => h.liftedAt === null))
    acts.push(
      <LiftHoldAct
        key={k(`lift-${String(dossier.retention.holds.length)}`)}
        dossier={dossier}
        onDone={onDone}
      />,
    );
  const later = dossier.allowedActions.filter(isLaterAct);
  if (later.length > 0)
    acts.push(
      <LaterDecisionAct
        key={k(`later-${later.join()}`)}
        dossier={dossier}
        available={later}
        onDone={onDone}
      />,
    );

  const sources = dossier.sources;
  if (acts.length === 0 && !done && !sources && !AUTHORITY_KINDS.has(kind ?? '')) return null;
  return (
    <section aria-labelledby="acts-title" className="panel acts">
      <h2 id="acts-title" tabIndex={-1}>
        {t('acts.title')}
      </h2>
      {AUTHORITY_KINDS.has(kind ?? '') && <AssignmentBar dossierId={dossier.id} />}
      {done && <Notice kind="success">{done}</Notice>}
      {acts.length === 0 ? <p>{t('acts.none')}</p> : <p className="hint">{t('acts.lead')}</p>}
      {acts}
      {sources && (allowed.has('run_checks') || sources.length > 0) && <SourcesView sources={sources} />}
    </section>
  );
}
