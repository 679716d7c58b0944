export { ImmunizationList, type ImmunizationListProps } from './ImmunizationList.js';
