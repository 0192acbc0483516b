"""The single write path. One function per use case: one transaction, an explicit actor
(``by=``), a permission check, and exactly one event per state change. A refused action
raises an `accord.core.errors.Refusal` and writes nothing.

Every action that takes text passes it through `accord.core.text_hygiene` before it checks
or stores anything, and so raises `UnsafeCharacter` (besides the refusals its docstring
names) for a character no text may hold; the text it stores is in Unicode NFC."""
