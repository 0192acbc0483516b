from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "accord.web"
    label = "web"

    def ready(self) -> None:
        # The language a person chose follows them into each new session.
        from accord.web import languages  # noqa: F401
