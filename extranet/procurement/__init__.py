"""Procurement (marchés publics): the organisations' notices, their questions and answers, and awarded contracts.

/marches-publics/ lists every organisation's notices with filters and an Atom feed; a notice closes by itself
once its deadline for offers has passed (computed when read, no scheduled job). Members ask questions on an
open notice; the organisation's editors answer them and the answers are published to all, anonymised.
Awarded contracts (child pages of a notice) are exported in the DECP format as JSON and CSV.
"""
