"""The single write path. One function per use case: one transaction, an explicit actor
(``by=``), a permission check, and exactly one event per state change. A refused action
raises an `accord.core.errors.Refusal` and writes nothing."""
