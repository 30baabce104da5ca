import { hubspot } from '@hubspot/ui-extensions';

import { ProfileCard } from './ProfileCard';

hubspot.extend<'crm.record.tab'>(() => <ProfileCard />);
