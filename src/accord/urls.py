from django.urls import include, path

from accord.api.routes import api
from accord.web import operations_views

urlpatterns = [
    path("healthz", operations_views.healthz, name="healthz"),
    path("readyz", operations_views.readyz, name="readyz"),
    path("metrics", operations_views.metrics, name="metrics"),
    path("api/v1/", api.urls),
    path("", include("accord.web.urls")),
]
