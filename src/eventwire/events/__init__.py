"""Events stage: triggers, arguments, modality and quantities coded in PLOVER and CAMEO."""
