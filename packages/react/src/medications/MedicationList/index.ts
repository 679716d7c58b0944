export { MedicationList, type MedicationListProps } from './MedicationList.js';
export {
  actionsFor,
  PRESCRIPTION_ACTIONS,
  type PrescriptionAction,
  PrescriptionStatusPanel,
  type PrescriptionStatusPanelProps,
  type UsePrescriptionStatusChangeOptions,
  usePrescriptionStatusChange,
} from './PrescriptionStatusPanel.js';
