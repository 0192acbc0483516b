from django.contrib.auth import views as auth_views
from django.urls import path

from accord.web import check_views, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(template_name="accord/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("check/", check_views.check, name="check"),
    path("p/<slug:process>/", views.process, name="process"),
    path("p/<slug:process>/<slug:document>/", views.current_version, name="current-version"),
    path("p/<slug:process>/<slug:document>/v<int:number>/", views.version, name="version"),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/compilation/",
        views.compilation,
        name="compilation",
    ),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/<str:uid>/propose/",
        views.propose,
        name="propose",
    ),
]
