"""Rules as data: the closed set of rule kinds, their strict loader, and the
RuleSet the stages read. See rules/*.yaml for the data."""
from .entries import (Alias, ConflictRule, Correction, EventWord, Furniture, Hedge, OrgSuffix,
                      Place, Scope, SpeechVerb, Title, Unit, word_key)
from .loader import ENV_VAR, check_rules, default_directory, load_rules
from .ruleset import Aliases, Places, RuleSet
from .schema import KINDS

__all__ = [
    "Alias", "Aliases", "ConflictRule", "Correction", "ENV_VAR", "EventWord", "Furniture", "Hedge",
    "KINDS", "OrgSuffix", "Place", "Places", "RuleSet", "Scope", "SpeechVerb", "Title", "Unit",
    "check_rules", "default_directory", "load_rules", "word_key",
]
