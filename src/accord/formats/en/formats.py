"""English dates the UN's way: 3 December 2026, 3 December 2026 14:05."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
SHORT_DATETIME_FORMAT = "j M Y H:i"
