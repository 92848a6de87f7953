import { Button, Modal } from "@navikt/ds-react";
import { useI18n } from "../i18n";

/** The footer of every form dialog: submit the form `formId` (busy while `pending`), or cancel. */
export function DialogFooter({
  formId,
  submitLabel,
  pending,
  onCancel,
}: {
  formId: string;
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal.Footer>
      <Button type="submit" form={formId} loading={pending}>
        {submitLabel}
      </Button>
      <Button type="button" variant="secondary" onClick={onCancel}>
        {t.cancel}
      </Button>
    </Modal.Footer>
  );
}
