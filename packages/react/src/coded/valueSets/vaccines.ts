import { CODE_SYSTEMS } from '../systems.js';
import type { ValueSetEntry } from '../types.js';

const cvx = (code: string, display: string, synonyms?: string[]): ValueSetEntry => ({
  system: CODE_SYSTEMS.cvx,
  code,
  display,
  ...(synonyms ? { synonyms } : {}),
});

/**
 * Common vaccines by CDC CVX code ("Vaccines administered"), display names the CDC's short
 * descriptions. Formulation-specific codes where one is in routine use; "unspecified
 * formulation" codes (88 influenza, 213 COVID-19) for history recorded from a vaccination card.
 */
const vaccines: readonly ValueSetEntry[] = [
  cvx('140', 'Influenza, seasonal, injectable, preservative free', ['flu']),
  cvx('141', 'Influenza, seasonal, injectable', ['flu']),
  cvx('150', 'Influenza, injectable, quadrivalent, preservative free', ['flu']),
  cvx('88', 'Influenza, unspecified formulation', ['flu']),
  cvx('213', 'SARS-COV-2 (COVID-19) vaccine, unspecified formulation', ['covid']),
  cvx('115', 'Tdap', ['tetanus', 'pertussis', 'whooping cough']),
  cvx('113', 'Td (adult) preservative free', ['tetanus']),
  cvx('20', 'DTaP', ['tetanus', 'pertussis']),
  cvx('03', 'MMR', ['measles', 'mumps', 'rubella']),
  cvx('21', 'Varicella', ['chickenpox']),
  cvx('10', 'IPV', ['polio']),
  cvx('48', 'Hib (PRP-T)', ['haemophilus']),
  cvx('08', 'Hep B, adolescent or pediatric', ['hepatitis b']),
  cvx('43', 'Hep B, adult', ['hepatitis b']),
  cvx('83', 'Hep A, ped/adol, 2 dose', ['hepatitis a']),
  cvx('52', 'Hep A, adult', ['hepatitis a']),
  cvx('133', 'Pneumococcal conjugate PCV 13', ['pneumococcal']),
  cvx('33', 'Pneumococcal polysaccharide PPV23', ['pneumococcal']),
  cvx('62', 'HPV, quadrivalent', ['papillomavirus']),
  cvx('165', 'HPV9', ['papillomavirus']),
  cvx('187', 'Zoster recombinant', ['shingles', 'shingrix']),
  cvx('114', 'Meningococcal MCV4P', ['meningococcal']),
  cvx('116', 'Rotavirus, pentavalent', ['rotavirus']),
];

export default vaccines;
