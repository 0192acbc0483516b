"""accord runs consensus negotiations between states and keeps their record verifiable."""

__version__ = "0.1.0"
