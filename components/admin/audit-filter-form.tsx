import { useTranslations } from 'next-intl';

import { isAuditEventType } from '@/lib/audit/events';
import { AUDIT_EVENT_TYPES } from '@/lib/audit/types';

import { Button } from '../ui/button';
import { Input } from '../ui/input';
import { Label } from '../ui/label';
import { Select } from '../ui/select';

/** The filters of the audit log as the query string carries them. */
export interface AuditFilterValues {
  type?: string;
  collectionId?: string;
  actorEmail?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export interface AuditFilterFormProps {
  values: AuditFilterValues;
  collections: { id: string; title: string }[];
}

/** Filters of the audit log: a plain GET form, so filtered views are links one can share; the type suggestions are named in the interface's language. */
export function AuditFilterForm({ values, collections }: AuditFilterFormProps) {
  const t = useTranslations('admin.audit.filter');
  const eventName = useTranslations('admin.audit.events');
  return (
    <form method="get" action="/admin/audit" aria-label={t('label')} className="mt-6 grid gap-3 rounded-lg border border-line bg-surface p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_9rem_9rem_auto] lg:items-end">
      <div className="space-y-1.5">
        <Label htmlFor="audit-type">{t('type')}</Label>
        <Input id="audit-type" name="type" defaultValue={values.type ?? ''} placeholder={t('typePlaceholder')} list="audit-types" autoComplete="off" />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="audit-collection">{t('collection')}</Label>
        <Select id="audit-collection" name="collectionId" defaultValue={values.collectionId ?? ''}>
          <option value="">{collections.length > 1 ? t('allCollections') : t('any')}</option>
          {collections.map((collection) => (
            <option key={collection.id} value={collection.id}>
              {collection.title}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="audit-actor">{t('actor')}</Label>
        <Input id="audit-actor" name="actorEmail" type="email" defaultValue={values.actorEmail ?? ''} autoComplete="off" />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="audit-from">{t('from')}</Label>
        <Input id="audit-from" name="from" type="date" defaultValue={values.from ?? ''} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="audit-to">{t('to')}</Label>
        <Input id="audit-to" name="to" type="date" defaultValue={values.to ?? ''} />
      </div>
      <Button type="submit" variant="secondary">
        {t('submit')}
      </Button>
      {values.actorId && <input type="hidden" name="actorId" value={values.actorId} />}
      <datalist id="audit-types">
        {[...new Set(AUDIT_EVENT_TYPES.map((type) => `${type.split('.')[0]}.`)), ...AUDIT_EVENT_TYPES].map((type) => (
          <option key={type} value={type} label={isAuditEventType(type) ? eventName(type) : undefined} />
        ))}
      </datalist>
    </form>
  );
}
