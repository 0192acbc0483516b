from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "accord.security"
    label = "security"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the deployment checks and the sign-in receivers.
        from accord.security import checks, sessions  # noqa: F401
