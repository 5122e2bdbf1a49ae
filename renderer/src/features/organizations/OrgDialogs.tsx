/** The dialog of the action chosen on the card. */
import type { OrgRuleThresholds } from '@shared/domain/organizationRules';
import type { OrgCounts } from '@shared/domain/orgCounts';
import type { Id, Organization } from '@shared/domain/types';
import { DissolveModal } from './DissolveModal';
import { LeadershipModal } from './LeadershipModal';
import { MergeModal } from './MergeModal';
import { MoveModal } from './MoveModal';
import type { DialogKind } from './OrgCard';
import { OrgFormModal } from './OrgFormModal';
import { ReceiveModal } from './ReceiveModal';
import type { OrgIndex } from './useOrganizations';

interface Props {
  kind: DialogKind;
  org: Organization;
  index: OrgIndex;
  counts: OrgCounts | undefined;
  thresholds: OrgRuleThresholds;
  onClose: () => void;
  onCreated: (id: Id) => void;
}

export function OrgDialogs({ kind, org, index, counts, thresholds, onClose, onCreated }: Props) {
  switch (kind) {
    case 'create':
      return <OrgFormModal mode="create" parent={org} index={index} onClose={onClose} onSaved={onCreated} />;
    case 'edit':
      return <OrgFormModal mode="edit" org={org} index={index} onClose={onClose} onSaved={onClose} />;
    case 'receive':
      return <ReceiveModal parent={org} index={index} onClose={onClose} onSaved={onCreated} />;
    case 'move':
      return <MoveModal org={org} index={index} onClose={onClose} />;
    case 'merge':
      return <MergeModal org={org} index={index} onClose={onClose} />;
    case 'dissolve':
      return <DissolveModal org={org} onClose={onClose} />;
    case 'leadership':
      return (
        <LeadershipModal org={org} index={index} counts={counts} thresholds={thresholds} onClose={onClose} />
      );
  }
}
