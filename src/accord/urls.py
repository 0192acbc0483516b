from django.urls import include, path

from accord.api.routes import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("", include("accord.web.urls")),
]
