export { CodeInput, type CodeInputProps } from './CodeInput.js';
export { type CodedMessages, codedMessages, defaultCodedMessages } from './codedMessages.js';
export {
  codeValueLabel,
  codeValueText,
  codingSource,
  hasCode,
  isCoding,
  sameCodeValue,
} from './codeValue.js';
export { filterValueSet, foldText, toCoding } from './search.js';
export { CODE_SYSTEMS, codeSystemName } from './systems.js';
export type { CodeValue, Coding, SearchCodes, ValueSetEntry } from './types.js';
export {
  type CodeInputState,
  type CodeSearchStatus,
  type UseCodeInputOptions,
  useCodeInput,
} from './useCodeInput.js';
export { loadValueSet, VALUE_SET_LOADERS, type ValueSetName } from './valueSets/index.js';
