"""The Django app that keeps accord's state: thin models, the event table, conversions to core
values (`convert`) and the read side (`queries`)."""
